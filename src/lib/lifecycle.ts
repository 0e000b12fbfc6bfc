/**
 * Edition lifecycle, as file changes computed from a loaded content build:
 * - `planNewEdition`: the next edition as a draft (`projet`) copy of the edition in force;
 * - `planPublish`: a draft becomes the edition in force, the previous one is superseded, its lock is written;
 * - `planErratum`: a correction of a published edition is declared in `edition.yml` and its lock renewed.
 * `edition.yml` files are edited through the `yaml` Document API, so their comments stay. Plans are applied
 * by `applyPlan`, which writes every file beside its target first and renames them only once all are written.
 */
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document } from 'yaml';
import { editionRequirements, requirementHashes, type ContentBuild, type EditionBuild } from './content.ts';
import { compareIds } from './ids.ts';
import { diffLock, editionLock, isFrozen, LOCK_FILE, lockText } from './lock.ts';

/** A state of the content that forbids the operation (the CLI exits with 1). */
export class LifecycleError extends Error {
  override name = 'LifecycleError';
}

/** Files to write (absolute path → text), and optionally a whole new edition folder copied from another. */
export interface Plan {
  files: Map<string, string>;
  /** A new edition folder: `from`'s files, without `exclude`, copied to `to` before `files` are written. */
  copy?: { from: string; to: string; exclude: string[] };
  /** One line per change, in French, for the CLI. */
  summary: string[];
}

const EDITION_FILE = 'edition.yml';
const YAML_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

function findEdition(build: ContentBuild, name: string): EditionBuild {
  const edition = build.editions.find((e) => e.name === name);
  if (!edition) throw new LifecycleError(`édition « ${name} » introuvable dans ${build.dir}`);
  return edition;
}

function inForceEdition(build: ContentBuild): EditionBuild | undefined {
  return build.editions.find((e) => e.meta?.statut === 'en-vigueur');
}

async function editionDocument(edition: EditionBuild): Promise<Document> {
  return parseDocument(await readFile(edition.metaFile, 'utf8'));
}

/** Sets a top-level string value, keeping the existing node (and so its quoting) when there is one. */
function setString(doc: Document, key: string, value: string, quoted = false): void {
  const node = doc.get(key, true);
  if (isScalar(node)) node.value = value;
  else {
    const scalar = new Scalar(value);
    if (quoted) scalar.type = Scalar.QUOTE_DOUBLE;
    doc.set(key, scalar);
  }
}

function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** The date of today on this machine, `YYYY-MM-DD`. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Starts edition `name` as a draft copy of the edition in force. */
export async function planNewEdition(build: ContentBuild, name: string): Promise<Plan> {
  if (build.editions.some((e) => e.name === name)) throw new LifecycleError(`l’édition ${name} existe déjà`);
  const latest = build.editions.at(-1);
  if (latest && latest.name > name) throw new LifecycleError(`l’édition ${name} précéderait l’édition ${latest.name}, attendu une année après ${latest.name}`);
  const draft = build.editions.find((e) => e.meta?.statut === 'projet');
  if (draft) throw new LifecycleError(`l’édition ${draft.name} est déjà en projet : publiez-la avant d’en commencer une autre`);
  const source = inForceEdition(build);
  if (!source) throw new LifecycleError('aucune édition en vigueur à copier');
  const to = join(build.dir, name);
  const doc = await editionDocument(source);
  setString(doc, 'edition', name, true);
  const title = doc.get('title');
  if (typeof title === 'string') setString(doc, 'title', title.split(source.name).join(name));
  doc.delete('version');
  setString(doc, 'statut', 'projet');
  const publication = doc.get('publication', true);
  if (isScalar(publication)) publication.value = name;
  doc.delete('errata');
  // An empty list; the comment above `retraits:` stays, those between the old items go with them.
  doc.set('retraits', doc.createNode([]));
  return {
    copy: { from: source.dir, to, exclude: [EDITION_FILE, LOCK_FILE] },
    files: new Map([[join(to, EDITION_FILE), doc.toString(YAML_OPTIONS)]]),
    summary: [
      `édition ${name} créée en projet, copie de l’édition en vigueur ${source.name} : ${to}`,
      `à faire : mettre à jour le titre et le texte de ${join(to, 'index.md')}, puis modifier les chapitres`,
    ],
  };
}

/** Publishes draft `name` on `date`: statut en-vigueur, the previous edition in force superseded, lock written. */
export async function planPublish(build: ContentBuild, name: string, date: string): Promise<Plan> {
  const edition = findEdition(build, name);
  const meta = edition.meta;
  if (!meta) throw new LifecycleError(`edition.yml de l’édition ${name} illisible`);
  if (meta.statut !== 'projet') throw new LifecycleError(`l’édition ${name} est déjà publiée (statut ${meta.statut}) : une correction se déclare avec doctrine erratum`);
  const previous = inForceEdition(build);
  if (previous && previous.name > name) throw new LifecycleError(`l’édition en vigueur ${previous.name} est plus récente que ${name}`);
  const files = new Map<string, string>();
  const summary: string[] = [];
  const doc = await editionDocument(edition);
  setString(doc, 'statut', 'en-vigueur');
  setString(doc, 'publication', date, true);
  files.set(edition.metaFile, doc.toString(YAML_OPTIONS));
  summary.push(`édition ${name} : statut en-vigueur, publication ${date}`);
  if (previous) {
    const old = await editionDocument(previous);
    setString(old, 'statut', 'remplacée');
    files.set(previous.metaFile, old.toString(YAML_OPTIONS));
    summary.push(`édition ${previous.name} : statut remplacée`);
  }
  const hashes = requirementHashes(editionRequirements(edition));
  files.set(join(edition.dir, LOCK_FILE), lockText(editionLock(name, hashes)));
  summary.push(`verrou écrit : ${join(edition.dir, LOCK_FILE)} (${hashes.size} exigences)`);
  return { files, summary };
}

/** Declares the differences between published edition `name` and its lock as an erratum, and renews the lock. */
export async function planErratum(build: ContentBuild, name: string, motif: string, date: string): Promise<Plan> {
  const edition = findEdition(build, name);
  const meta = edition.meta;
  if (!meta) throw new LifecycleError(`edition.yml de l’édition ${name} illisible`);
  if (!isFrozen(meta.statut)) throw new LifecycleError(`l’édition ${name} n’est pas publiée (statut ${meta.statut}) : elle se modifie librement, sans erratum`);
  if (!edition.lock) throw new LifecycleError(`l’édition ${name} n’a pas de verrou ${LOCK_FILE}`);
  const hashes = requirementHashes(editionRequirements(edition));
  const diff = diffLock(edition.lock.value, hashes);
  const ids = [...diff.changed, ...diff.added, ...diff.removed].sort(compareIds);
  if (ids.length === 0) throw new LifecycleError(`l’édition ${name} est identique à son verrou : aucun erratum à déclarer`);
  const doc = await editionDocument(edition);
  const root = doc.contents;
  if (!isMap(root)) throw new LifecycleError(`edition.yml de l’édition ${name} illisible`);
  const erratum = doc.createNode({ date: quoted(date), motif, exigences: ids });
  const list = erratum.get('exigences', true);
  if (isSeq(list)) list.flow = true;
  const existing = doc.get('errata', true);
  if (isSeq(existing)) existing.items.push(erratum);
  else {
    // A new `errata:` list goes just before `retraits:` (the last, long list of the file).
    const at = root.items.findIndex((p) => isScalar(p.key) && p.key.value === 'retraits');
    const pair = doc.createPair('errata', doc.createNode([erratum]));
    root.items.splice(at < 0 ? root.items.length : at, 0, pair);
  }
  const files = new Map<string, string>([
    [edition.metaFile, doc.toString(YAML_OPTIONS)],
    [join(edition.dir, LOCK_FILE), lockText(editionLock(name, hashes))],
  ]);
  const parts = [
    diff.changed.length ? `modifiées : ${diff.changed.join(', ')}` : '',
    diff.added.length ? `ajoutées : ${diff.added.join(', ')}` : '',
    diff.removed.length ? `supprimées : ${diff.removed.join(', ')}` : '',
  ].filter(Boolean);
  return { files, summary: [`erratum du ${date} ajouté à ${edition.metaFile} (${parts.join(' ; ')})`, `verrou renouvelé : ${join(edition.dir, LOCK_FILE)}`] };
}

/**
 * Applies a plan: the new edition folder is assembled in a temporary sibling and renamed into place; every file
 * is written beside its target first, and the targets are replaced only once all are written.
 */
export async function applyPlan(plan: Plan): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const files = new Map(plan.files);
  let folder: { temp: string; to: string } | undefined;
  if (plan.copy) {
    const { from, to, exclude } = plan.copy;
    const temp = join(dirname(to), `.${basename(to)}.tmp-${stamp}`);
    await cp(from, temp, { recursive: true, filter: (src) => !(dirname(src) === from && exclude.includes(basename(src))) });
    folder = { temp, to };
    // Files of the new folder are written inside the temporary copy.
    for (const [path, text] of plan.files) {
      if (path.startsWith(to + '/')) {
        files.delete(path);
        files.set(join(temp, path.slice(to.length + 1)), text);
      }
    }
  }
  const written: [string, string][] = [];
  try {
    for (const [path, text] of files) {
      const temp = folder && path.startsWith(folder.temp + '/') ? path : join(dirname(path), `.${basename(path)}.tmp-${stamp}`);
      await mkdir(dirname(temp), { recursive: true });
      await writeFile(temp, text);
      if (temp !== path) written.push([temp, path]);
    }
  } catch (error) {
    for (const [temp] of written) await rm(temp, { force: true });
    if (folder) await rm(folder.temp, { recursive: true, force: true });
    throw error;
  }
  for (const [temp, path] of written) await rename(temp, path);
  if (folder) await rename(folder.temp, folder.to);
}
