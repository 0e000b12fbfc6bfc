/**
 * Model layer: loads the whole content folder (vocabularies, every edition, in year order), checks what spans
 * files and editions (duplicates, references, retirements, lineage) and builds each edition's dataset.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { ElementContent } from 'hast';
import { Reporter, type Place } from './diagnostics.ts';
import { citation, compareIds, compareStrings, isEditionName, isSlug } from './ids.ts';
import { checkFrozen, isFrozen, loadLock, type LoadedLock } from './lock.ts';
import { processChapters, replayDiagnostics, type ChapterJob, type ChapterResult } from './chapters.ts';
import type { ExigenceSource, Frontmatter, InvalidId, ReferenceSource, TermeSource } from './interpret.ts';
import { renderBody, type LinkResolver } from './render.ts';
import { describeSchemaError, getValidator, pointerSegments } from './schemas.ts';
import { schemaId, SCHEMA_VERSION, SITE_URL } from './site.ts';
import { decodeSource, readSource } from './source.ts';
import type { Chapitre, EditionDataset, EditionSource, Exigence, Retrait, Terme, Vocabulaires } from './types.ts';
import { checkYamlAgainstSchema, parseYaml, type YamlSource } from './yaml-source.ts';

/** One Markdown file of an edition, interpreted. */
export interface ChapterBuild {
  /** Path under the edition, without `.md`: `interoperabilite/identite`, `glossaire`, `` for index.md. */
  slug: string;
  file: string;
  text: string;
  referentiel: string | undefined;
  frontmatter: Frontmatter | undefined;
  exigences: ExigenceSource[];
  termes: TermeSource[];
  references: ReferenceSource[];
  invalidIds: InvalidId[];
}

export interface EditionBuild {
  name: string;
  dir: string;
  meta: EditionSource | undefined;
  metaSource: YamlSource | undefined;
  metaFile: string;
  /** The lock `edition.lock.json`: undefined when absent, null when unusable (reported). */
  lock: LoadedLock | null | undefined;
  chapters: ChapterBuild[];
  /** The dataset, when the edition has no error. */
  dataset: EditionDataset | undefined;
  /** Rendered statement of each requirement (hast), for the site. */
  statements: Map<string, ElementContent[]>;
  links: LinkResolver;
}

export interface ContentBuild {
  dir: string;
  vocabulaires: Vocabulaires | undefined;
  editions: EditionBuild[];
  reporter: Reporter;
}

/** Site path of a page of an edition (`/2025/securite/hebergement/`, `/2025/`). */
export function pagePath(edition: string, slug: string): string {
  return slug === '' ? `/${edition}/` : `/${edition}/${slug}/`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Content hash of a requirement: its normalized statement and attributes (not its place). */
export function exigenceHash(e: Pick<ExigenceSource, 'title' | 'niveau' | 'cibles' | 'socles' | 'normes' | 'echeance' | 'remplace' | 'markdown'>): string {
  const canonical = JSON.stringify([e.title, e.niveau, e.cibles, e.socles, e.normes, e.echeance ?? null, [...e.remplace].sort(compareIds), e.markdown]);
  return `sha256:${sha256(canonical)}`;
}

async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort(compareStrings);
}

async function loadVocabulaires(dir: string, reporter: Reporter): Promise<Vocabulaires | undefined> {
  const file = join(dir, 'vocabulaires.yml');
  const source = await readSource(file, reporter).catch(() => {
    reporter.report('vocabulary-invalid', { file, line: 1, column: 1 }, 'Fichier vocabulaires.yml introuvable dans le dossier de contenu');
    return undefined;
  });
  if (!source) return undefined;
  const yaml = parseYaml(source.text, file, reporter, 'vocabulary-invalid');
  if (!yaml || !checkYamlAgainstSchema(yaml, 'vocabulaires', reporter, 'vocabulary-invalid')) return undefined;
  const vocab = yaml.value as Vocabulaires;
  let ok = true;
  for (const key of ['referentiels', 'cibles', 'socles', 'normes'] as const) {
    const seen = new Map<string, number>();
    vocab[key].forEach((entry, i) => {
      const first = seen.get(entry.id);
      if (first !== undefined) {
        ok = false;
        reporter.report('vocabulary-invalid', yaml.locate([key, i, 'id']), `Identifiant « ${entry.id} » en double dans « ${key} »`, {
          cause: { ...yaml.locate([key, first, 'id']), message: 'première occurrence' },
        });
      } else seen.set(entry.id, i);
    });
  }
  return ok ? vocab : undefined;
}

async function loadEditionMeta(edition: EditionBuild, reporter: Reporter): Promise<void> {
  const file = edition.metaFile;
  const exists = await stat(file).then((s) => s.isFile(), () => false);
  if (!exists) {
    reporter.report('edition-missing', { file: edition.dir, line: 1, column: 1 }, `Fichier edition.yml manquant dans l’édition ${edition.name}`);
    return;
  }
  const source = await readSource(file, reporter);
  if (!source) return;
  const yaml = parseYaml(source.text, file, reporter, 'edition-invalid');
  if (!yaml) return;
  const value = yaml.value as Record<string, unknown> | null;
  // An empty `retraits:` (only comments below it) means no retirement.
  if (value && typeof value === 'object' && value.retraits === null) value.retraits = [];
  edition.metaSource = yaml;
  if (!checkYamlAgainstSchema(yaml, 'edition-source', reporter, 'edition-invalid')) return;
  const meta = yaml.value as EditionSource;
  if (meta.edition !== edition.name) {
    reporter.report('edition-invalid', yaml.locate(['edition']), `Édition « ${meta.edition} » inattendue, attendu « ${edition.name} », le nom du dossier`);
    return;
  }
  edition.meta = meta;
}

/** A chapter that passed the checks of its place (name, référentiel folder), waiting to be processed. */
interface PendingChapter {
  edition: EditionBuild;
  slug: string;
  referentiel: string | undefined;
  job: ChapterJob;
  bytes: Uint8Array;
}

/** Pages the site builds at the root of every edition (src/pages/[edition]/): no chapter may take their name. */
export const RESERVED_PAGES = ['exigences', 'explorateur', 'imprimer', 'nouveautes', 'socles'] as const;

async function prepareChapter(edition: EditionBuild, path: string, vocab: Vocabulaires, reporter: Reporter): Promise<PendingChapter | undefined> {
  const rel = relative(edition.dir, path).split(sep).join('/');
  const segments = rel.replace(/\.md$/, '').split('/');
  if (!segments.every(isSlug)) {
    reporter.report('file-name-invalid', { file: path, line: 1, column: 1 }, `Nom « ${rel} » inattendu, attendu des minuscules ASCII, chiffres et tirets`);
    return undefined;
  }
  const isRoot = segments.length === 1;
  if (isRoot && (RESERVED_PAGES as readonly string[]).includes(segments[0] ?? '')) {
    reporter.report('file-name-reserved', { file: path, line: 1, column: 1 }, `Nom « ${rel} » réservé à une page que le site construit pour chaque édition, attendu un autre nom que ${RESERVED_PAGES.join(', ')}`);
    return undefined;
  }
  const bytes = new Uint8Array(await readFile(path));
  const referentiel = isRoot ? undefined : segments[0];
  if (referentiel !== undefined && !vocab.referentiels.some((r) => r.id === referentiel)) {
    // An encoding error comes first; otherwise the folder is the mistake.
    if (decodeSource(path, bytes, reporter)) {
      reporter.report('referentiel-unknown', { file: path, line: 1, column: 1 }, `Dossier « ${referentiel} » inattendu, attendu un référentiel : ${vocab.referentiels.map((r) => r.id).join(', ')}`);
    }
    return undefined;
  }
  const slug = rel === 'index.md' ? '' : rel.replace(/\.md$/, '').replace(/\/index$/, '');
  return { edition, slug, referentiel, bytes, job: { path, allowExigences: referentiel !== undefined, allowTermes: rel === 'glossaire.md' } };
}

/** How `loadContent` works; the result is the same whatever the options. */
export interface LoadOptions {
  /**
   * Folder of the chapter cache (results of unchanged chapters are reused across runs), or false (the default)
   * for none. The CLI and the site use `defaultCacheDir()`.
   */
  cache?: string | false;
  /**
   * Threads that parse chapters: 'auto' (the default) uses every core when there is enough Markdown to parse;
   * 1 parses on the calling thread only.
   */
  workers?: number | 'auto';
}

/** Loads and checks every edition of a content folder. Never throws on content mistakes. */
export async function loadContent(dir: string, options: LoadOptions = {}): Promise<ContentBuild> {
  const contentDir = resolve(dir);
  const reporter = new Reporter();
  const vocabulaires = await loadVocabulaires(contentDir, reporter);
  // Every chapter depends on the vocabularies: without them, only their own errors are worth reporting.
  if (!vocabulaires) return { dir: contentDir, vocabulaires, editions: [], reporter };
  const vocab = vocabulaires;
  const entries = await readdir(contentDir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory() && isEditionName(e.name)).map((e) => e.name).sort(compareStrings);
  const editions: EditionBuild[] = [];
  const pending: PendingChapter[] = [];
  for (const name of names) {
    const dir = join(contentDir, name);
    const edition: EditionBuild = {
      name,
      dir,
      meta: undefined,
      metaSource: undefined,
      metaFile: join(dir, 'edition.yml'),
      lock: undefined,
      chapters: [],
      dataset: undefined,
      statements: new Map(),
      links: { exigence: () => undefined, terme: () => undefined },
    };
    await loadEditionMeta(edition, reporter);
    edition.lock = await loadLock(dir, reporter);
    for (const path of await listMarkdown(dir)) {
      const chapter = await prepareChapter(edition, path, vocab, reporter);
      if (chapter) pending.push(chapter);
    }
    editions.push(edition);
  }
  // Decoding, parsing and interpreting: from the cache, or shared between threads (chapters.ts).
  const results = await processChapters(
    pending.map((p) => p.job),
    pending.map((p) => p.bytes),
    vocab,
    { cache: options.cache ?? false, workers: options.workers ?? 'auto' },
  );
  pending.forEach((p, i) => {
    const result = results[i] as ChapterResult;
    replayDiagnostics(result, reporter);
    if (result.text === undefined || !result.interpreted) return;
    p.edition.chapters.push({ slug: p.slug, file: p.job.path, text: result.text, referentiel: p.referentiel, ...result.interpreted });
  });
  const build: ContentBuild = { dir: contentDir, vocabulaires, editions, reporter };
  checkStatuses(build);
  checkEditions(build, vocab);
  return build;
}

function checkStatuses(build: ContentBuild): void {
  let inForce: EditionBuild | undefined;
  for (const edition of build.editions) {
    if (edition.meta?.statut !== 'en-vigueur') continue;
    if (inForce && edition.metaSource) {
      build.reporter.report('edition-invalid', edition.metaSource.locate(['statut']), `Deux éditions en vigueur, attendu une seule`, {
        cause: { ...(inForce.metaSource?.locate(['statut']) ?? { file: inForce.metaFile, line: 1, column: 1 }), message: 'autre édition en vigueur' },
      });
    }
    inForce = edition;
  }
}

/** A chapter's requirements, valid or written with errors, in the order of their IDs in the file. */
function inReadingOrder(chapter: ChapterBuild): ({ exigence: ExigenceSource } | { invalid: InvalidId })[] {
  const entries = [...chapter.exigences.map((exigence) => ({ exigence })), ...chapter.invalidIds.map((invalid) => ({ invalid }))];
  const placeOf = (e: (typeof entries)[number]): Place => ('exigence' in e ? (e.exigence.attributePlaces.id ?? e.exigence.place) : e.invalid.place);
  return entries.sort((a, b) => placeOf(a).line - placeOf(b).line || placeOf(a).column - placeOf(b).column);
}

interface Seen {
  firstEdition: string;
  lastEdition: string;
  title: string;
}

function checkEditions(build: ContentBuild, vocab: Vocabulaires): void {
  const { reporter } = build;
  const seen = new Map<string, Seen>();
  const retired = new Map<string, Retrait>();
  let previous: Map<string, ExigenceSource> | undefined;
  for (const edition of build.editions) {
    const errorsBefore = reporter.errorCount;
    const metaPlace = (path: (string | number)[]): Place => edition.metaSource?.locate(path) ?? { file: edition.metaFile, line: 1, column: 1 };

    // Requirements of this edition, in reading order; duplicates reported at their second place. Requirements
    // written with other errors take part too: their ID is declared all the same.
    const current = new Map<string, ExigenceSource>();
    const declared = new Map<string, Place>();
    const chapterOf = new Map<string, ChapterBuild>();
    for (const chapter of edition.chapters) {
      for (const entry of inReadingOrder(chapter)) {
        const place = 'exigence' in entry ? (entry.exigence.attributePlaces.id ?? entry.exigence.place) : entry.invalid.place;
        const id = 'exigence' in entry ? entry.exigence.id : entry.invalid.id;
        const first = declared.get(id);
        if (first) {
          reporter.report('id-duplicate', place, `Identifiant « ${id} » en double dans l’édition ${edition.name}`, {
            cause: { ...first, message: 'première occurrence' },
          });
          continue;
        }
        declared.set(id, place);
        if (!('exigence' in entry)) continue;
        const exigence = entry.exigence;
        current.set(exigence.id, exigence);
        chapterOf.set(exigence.id, chapter);
        const wasRetired = retired.get(exigence.id);
        if (wasRetired) {
          reporter.report('id-retired-reused', exigence.attributePlaces.id ?? exigence.place, `Identifiant « ${exigence.id} » retiré en ${wasRetired.retiredIn}, attendu un nouvel identifiant`);
        }
      }
    }

    // Requirements written with errors (already reported) still exist for references and continuity.
    const invalid = new Set(edition.chapters.flatMap((c) => c.invalidIds.map((i) => i.id)));

    // A published edition is frozen: its requirements are those of its lock, unless an erratum says otherwise.
    if (edition.meta) checkPublished(edition, edition.meta, current, invalid, metaPlace, reporter);

    // Glossary terms.
    const termes = new Map<string, TermeSource>();
    const glossary = edition.chapters.find((c) => c.slug === 'glossaire');
    for (const terme of glossary?.termes ?? []) {
      const first = termes.get(terme.id);
      if (first) {
        reporter.report('terme-invalid', terme.place, `Terme « ${terme.id} » en double dans le glossaire`, { cause: { ...first.place, message: 'première occurrence' } });
      } else termes.set(terme.id, terme);
    }

    // Inline references resolve within the edition.
    for (const chapter of edition.chapters) {
      for (const ref of chapter.references) {
        if (ref.kind === 'exigence' && !current.has(ref.target) && !invalid.has(ref.target)) {
          reporter.report('reference-unresolved', ref.place, `Exigence « ${ref.target} » introuvable dans l’édition ${edition.name}`);
        }
        if (ref.kind === 'terme' && !termes.has(ref.target)) {
          reporter.report('terme-unresolved', ref.place, `Terme « ${ref.target} » introuvable dans le glossaire de l’édition ${edition.name}`);
        }
      }
    }

    // Retirements declared by this edition.
    const retiredHere: Retrait[] = [];
    const retraits = edition.meta?.retraits ?? [];
    retraits.forEach((r, i) => {
      const before = previous?.get(r.id);
      if (!before) {
        reporter.report('retrait-invalid', metaPlace(['retraits', i, 'id']), `Retrait de « ${r.id} » inattendu : absent de l’édition précédente`);
      }
      const still = current.get(r.id);
      if (still) {
        reporter.report('id-retired-reused', still.attributePlaces.id ?? still.place, `Identifiant « ${r.id} » retiré par cette édition, attendu un nouvel identifiant`, {
          cause: { ...metaPlace(['retraits', i, 'id']), message: 'retrait déclaré ici' },
        });
      }
      r.successeurs.forEach((s, j) => {
        if (!current.has(s) && !invalid.has(s)) reporter.report('retrait-invalid', metaPlace(['retraits', i, 'successeurs', j]), `Successeur « ${s} » introuvable dans l’édition ${edition.name}`);
      });
      retiredHere.push({
        id: r.id,
        title: before?.title ?? seen.get(r.id)?.title ?? '',
        retiredIn: edition.name,
        lastEdition: seen.get(r.id)?.lastEdition ?? edition.name,
        successeurs: r.successeurs,
        motif: r.motif,
      });
    });
    for (const r of retiredHere) retired.set(r.id, r);

    // Every ID of the previous edition is kept or retired.
    if (previous && edition.meta) {
      for (const [id, before] of previous) {
        if (!current.has(id) && !invalid.has(id) && !retiredHere.some((r) => r.id === id)) {
          reporter.report('id-disappeared', metaPlace(['retraits']), `Exigence « ${id} » absente de l’édition ${edition.name}, attendu présente ou déclarée dans retraits`, {
            cause: { ...before.place, message: 'dans l’édition précédente' },
          });
        }
      }
    }

    // Lineage: what a requirement replaces is retired (unknowable when edition.yml is invalid).
    for (const exigence of edition.meta ? current.values() : []) {
      for (const old of exigence.remplace) {
        if (!retired.has(old)) {
          reporter.report('remplace-invalid', exigence.attributePlaces.remplace ?? exigence.place, `« ${old} » n’est pas retirée, attendu un identifiant déclaré dans retraits`);
        }
      }
    }

    const links: LinkResolver = {
      exigence: (id) => {
        const chapter = chapterOf.get(id);
        return chapter ? `${pagePath(edition.name, chapter.slug)}#${id}` : undefined;
      },
      terme: (id) => (termes.has(id) ? `${pagePath(edition.name, 'glossaire')}#${id}` : undefined),
    };
    edition.links = links;

    if (reporter.errorCount === errorsBefore && edition.meta) {
      edition.dataset = assembleDataset(edition, edition.meta, vocab, chapterOf, termes, seen, retired, reporter);
    }

    for (const [id, e] of current) {
      const s = seen.get(id);
      seen.set(id, { firstEdition: s?.firstEdition ?? edition.name, lastEdition: edition.name, title: e.title });
    }
    previous = current;
  }
}

/** Hash of each requirement of an edition (first occurrence of each ID), as locked by `doctrine publish`. */
export function requirementHashes(requirements: Iterable<ExigenceSource>): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const e of requirements) if (!hashes.has(e.id)) hashes.set(e.id, exigenceHash(e));
  return hashes;
}

/** Every requirement of an edition as written, in reading order (duplicates included). */
export function editionRequirements(edition: EditionBuild): ExigenceSource[] {
  return edition.chapters.flatMap((c) => c.exigences);
}

function checkPublished(
  edition: EditionBuild,
  meta: EditionSource,
  current: Map<string, ExigenceSource>,
  invalid: Set<string>,
  metaPlace: (path: (string | number)[]) => Place,
  reporter: Reporter,
): void {
  const errata = meta.errata ?? [];
  if (!isFrozen(meta.statut)) {
    if (errata.length > 0) reporter.report('edition-invalid', metaPlace(['errata']), `Errata inattendus dans l’édition ${edition.name} en projet, attendu des errata seulement après publication`);
    return;
  }
  errata.forEach((erratum, i) => {
    erratum.exigences.forEach((id, j) => {
      if (!current.has(id) && !invalid.has(id) && edition.lock?.value.exigences[id] === undefined) {
        reporter.report('edition-invalid', metaPlace(['errata', i, 'exigences', j]), `Exigence « ${id} » de l’erratum introuvable dans l’édition ${edition.name}`);
      }
    });
  });
  checkFrozen({
    edition: edition.name,
    statut: meta.statut,
    lock: edition.lock,
    current,
    hashes: requirementHashes(current.values()),
    invalid,
    metaPlace,
    reporter,
  });
}

function assembleDataset(
  edition: EditionBuild,
  meta: EditionSource,
  vocab: Vocabulaires,
  chapterOf: Map<string, ChapterBuild>,
  termes: Map<string, TermeSource>,
  seen: Map<string, Seen>,
  retired: Map<string, Retrait>,
  reporter: Reporter,
): EditionDataset | undefined {
  const refOrder = (id: string | undefined) => vocab.referentiels.findIndex((r) => r.id === id);
  const chapters = edition.chapters
    .filter((c) => c.referentiel !== undefined && c.frontmatter)
    .sort((a, b) => refOrder(a.referentiel) - refOrder(b.referentiel) || (a.frontmatter?.order ?? 0) - (b.frontmatter?.order ?? 0) || compareStrings(a.slug, b.slug));
  const places = new Map<string, Place>();
  const chapitres: Chapitre[] = chapters.map((c, i) => {
    places.set(`/chapitres/${i}`, { file: c.file, line: 1, column: 1 });
    const chapitre: Chapitre = {
      slug: c.slug,
      title: c.frontmatter?.title ?? '',
      referentiel: c.referentiel ?? '',
      order: c.frontmatter?.order ?? 0,
      url: SITE_URL + pagePath(edition.name, c.slug),
      file: `${edition.name}/${relative(edition.dir, c.file).split(sep).join('/')}`,
    };
    if (c.frontmatter?.source) chapitre.sourceOfficielle = c.frontmatter.source;
    return chapitre;
  });
  const exigences: Exigence[] = [];
  for (const chapter of chapters) {
    for (const e of chapter.exigences) {
      if (chapterOf.get(e.id) !== chapter) continue; // a duplicate, already reported
      const rendered = renderBody(e.body, edition.links, chapter.text);
      edition.statements.set(e.id, rendered.hast);
      const i = exigences.length;
      places.set(`/exigences/${i}`, e.place);
      for (const [name, place] of Object.entries(e.attributePlaces)) places.set(`/exigences/${i}/${name}`, place);
      const exigence: Exigence = {
        id: e.id,
        edition: edition.name,
        citation: citation(edition.name, e.id),
        title: e.title,
        niveau: e.niveau,
        referentiel: chapter.referentiel ?? '',
        chapitre: chapter.slug,
        cibles: e.cibles as Exigence['cibles'],
        socles: e.socles,
        normes: e.normes,
        statement: { markdown: e.markdown, text: rendered.text, html: rendered.html },
        url: SITE_URL + (edition.links.exigence(e.id) ?? ''),
        source: { file: `${edition.name}/${relative(edition.dir, chapter.file).split(sep).join('/')}`, line: e.place.line, column: e.place.column },
        hash: exigenceHash(e),
        lineage: { introducedIn: seen.get(e.id)?.firstEdition ?? edition.name, remplace: [...e.remplace].sort(compareIds) },
      };
      if (e.echeance !== undefined) exigence.echeance = e.echeance;
      exigences.push(exigence);
    }
  }
  const glossary = edition.chapters.find((c) => c.slug === 'glossaire');
  const glossaire: Terme[] = [...termes.values()].map((t) => {
    const rendered = renderBody(t.body, edition.links, glossary?.text ?? '');
    return { id: t.id, terme: t.terme, definition: { markdown: t.markdown, text: rendered.text, html: rendered.html }, url: SITE_URL + (edition.links.terme(t.id) ?? '') };
  });
  const { retraits: _retraits, ...editionMeta } = meta;
  const dataset: EditionDataset = {
    $schema: schemaId('exigences') as EditionDataset['$schema'],
    schemaVersion: SCHEMA_VERSION,
    edition: { ...editionMeta, baseLegale: meta.baseLegale ?? [], errata: meta.errata ?? [] },
    vocabulaires: vocab,
    chapitres,
    exigences,
    retraits: [...retired.values()].sort((a, b) => compareIds(a.id, b.id)),
    glossaire,
  };
  const validate = getValidator('exigences');
  if (!validate(dataset)) {
    for (const error of validate.errors ?? []) {
      const { message } = describeSchemaError(error, dataset);
      const segments = pointerSegments(error.instancePath);
      let place: Place | undefined;
      for (let n = segments.length; n > 0 && !place; n--) place = places.get('/' + segments.slice(0, n).join('/'));
      reporter.report('schema-invalid', place ?? { file: edition.metaFile, line: 1, column: 1 }, message);
    }
    return undefined;
  }
  return dataset;
}
