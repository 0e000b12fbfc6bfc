/**
 * Integrity of published editions: each published edition (statut `en-vigueur` or `remplacée`) has a lock,
 * `content/<edition>/edition.lock.json`, holding the content hash of every requirement. The validator reports
 * any requirement changed, added or removed since the lock (`edition-frozen`); an erratum declared in
 * `edition.yml` and a new lock (`doctrine erratum`) are the only way to change a published edition.
 * See docs/decisions/0005-frozen-editions.md.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Place, Reporter } from './diagnostics.ts';
import { compareIds } from './ids.ts';
import type { ExigenceSource } from './interpret.ts';
import { getValidator, describeSchemaError } from './schemas.ts';
import { schemaId } from './site.ts';
import { LineIndex } from './source.ts';
import type { EditionLock, Erratum, Statut } from './types.ts';

/** Name of the lock file in an edition folder. */
export const LOCK_FILE = 'edition.lock.json';

/** Statuses of a published, hence frozen, edition. A `projet` is not frozen. */
export const FROZEN_STATUTS: readonly Statut[] = ['en-vigueur', 'remplacée'];

export function isFrozen(statut: Statut): boolean {
  return FROZEN_STATUTS.includes(statut);
}

/** A lock read from disk, with what is needed to point into it. */
export interface LoadedLock {
  file: string;
  value: EditionLock;
  /** Place of an ID's entry in the file, or of the file's start. */
  locate(id?: string): Place;
}

/** The lock of an edition from its requirements' hashes, IDs in ID order. */
export function editionLock(edition: string, hashes: ReadonlyMap<string, string>): EditionLock {
  const exigences: Record<string, string> = {};
  for (const id of [...hashes.keys()].sort(compareIds)) exigences[id] = hashes.get(id) ?? '';
  return { $schema: schemaId('edition-lock') as EditionLock['$schema'], edition, exigences };
}

/** The bytes of a lock file: two-space JSON, one requirement per line, final newline. */
export function lockText(lock: EditionLock): string {
  return JSON.stringify(lock, null, 2) + '\n';
}

/**
 * Reads `edition.lock.json` of an edition folder: undefined when absent; null when unusable, after reporting
 * `lock-invalid` at the fault.
 */
export async function loadLock(editionDir: string, reporter: Reporter): Promise<LoadedLock | null | undefined> {
  const file = join(editionDir, LOCK_FILE);
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
  const index = new LineIndex(text);
  const start: Place = { file, line: 1, column: 1 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    reporter.report('lock-invalid', position ? index.place(file, Number(position)) : start, 'JSON invalide dans le verrou, attendu le fichier écrit par doctrine publish');
    return null;
  }
  const validate = getValidator('edition-lock');
  if (!validate(value)) {
    for (const error of validate.errors ?? []) reporter.report('lock-invalid', start, `Verrou non conforme à son schéma : ${describeSchemaError(error, value).message}`);
    return null;
  }
  return {
    file,
    value: value as EditionLock,
    locate(id) {
      const offset = id === undefined ? -1 : text.indexOf(`"${id}":`);
      return offset < 0 ? start : index.place(file, offset);
    },
  };
}

/** Requirements whose content differs from a lock. */
export interface LockDiff {
  changed: string[];
  added: string[];
  removed: string[];
}

export function diffLock(lock: EditionLock, hashes: ReadonlyMap<string, string>): LockDiff {
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [id, hash] of hashes) {
    const locked = lock.exigences[id];
    if (locked === undefined) added.push(id);
    else if (locked !== hash) changed.push(id);
  }
  for (const id of Object.keys(lock.exigences)) if (!hashes.has(id)) removed.push(id);
  return { changed: changed.sort(compareIds), added: added.sort(compareIds), removed: removed.sort(compareIds) };
}

export interface FrozenCheck {
  edition: string;
  statut: Statut;
  /** The lock; null when it exists but is unusable (already reported). */
  lock: LoadedLock | null | undefined;
  /** The edition's valid requirements, by ID, with their content hash. */
  current: ReadonlyMap<string, ExigenceSource>;
  hashes: ReadonlyMap<string, string>;
  /** IDs of requirements written with errors (already reported): not compared. */
  invalid: ReadonlySet<string>;
  /** Place of a value of edition.yml. */
  metaPlace(path: (string | number)[]): Place;
  reporter: Reporter;
}

/** Reports every difference between a published edition and its lock. */
export function checkFrozen(check: FrozenCheck): void {
  const { edition, lock, reporter } = check;
  const published = `l’édition ${edition} publiée (${check.statut})`;
  if (lock === null) return;
  if (!lock) {
    reporter.report('lock-invalid', check.metaPlace(['statut']), `Verrou ${LOCK_FILE} absent pour ${published}, attendu le verrou écrit par doctrine publish`);
    return;
  }
  if (lock.value.edition !== edition) {
    reporter.report('lock-invalid', lock.locate(), `Verrou de l’édition « ${lock.value.edition} » inattendu, attendu « ${edition} »`);
    return;
  }
  const remedy = 'attendu le contenu verrouillé ou un erratum (doctrine erratum)';
  const diff = diffLock(lock.value, check.hashes);
  for (const id of diff.changed) {
    const exigence = check.current.get(id);
    if (!exigence) continue;
    reporter.report('edition-frozen', exigence.place, `Exigence « ${id} » modifiée dans ${published}, ${remedy}`, {
      cause: { ...lock.locate(id), message: 'contenu verrouillé' },
    });
  }
  for (const id of diff.added) {
    const exigence = check.current.get(id);
    if (!exigence) continue;
    reporter.report('edition-frozen', exigence.attributePlaces.id ?? exigence.place, `Exigence « ${id} » ajoutée à ${published}, ${remedy}`, {
      cause: { ...lock.locate(), message: 'verrou de l’édition' },
    });
  }
  for (const id of diff.removed) {
    if (check.invalid.has(id)) continue;
    reporter.report('edition-frozen', check.metaPlace(['statut']), `Exigence « ${id} » supprimée de ${published}, ${remedy}`, {
      cause: { ...lock.locate(id), message: 'contenu verrouillé' },
    });
  }
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** An erratum in one French sentence, as the site shows it: « Erratum du 15 janvier 2026 (SEC-HEB-03) : motif » */
export function describeErratum(erratum: Erratum): string {
  const [year, month, day] = erratum.date.split('-').map(Number);
  const date = `${day === 1 ? '1er' : String(day)} ${MONTHS[(month ?? 1) - 1] ?? ''} ${year}`;
  return `Erratum du ${date} (${erratum.exigences.join(', ')}) : ${erratum.motif}`;
}
