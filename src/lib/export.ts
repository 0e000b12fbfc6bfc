/**
 * Output layer for data: the files of the static API (`doctrine export --out DIR` and `/api/v1/` on the site).
 * `dataFiles` is pure and deterministic; `writeTreeAtomic` replaces a folder only once the new tree is complete.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { changelogPath, diffEditions, editionPairs } from './changelog.ts';
import type { ContentBuild } from './content.ts';
import { readSchemas } from './schemas.ts';
import { API_PATH, schemaId, SCHEMA_VERSION, SITE_URL } from './site.ts';
import type { Catalogue, CatalogueFile, EditionDataset, Exigence } from './types.ts';

export const LICENCE = { name: 'Licence Ouverte 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' };

/** Serializes JSON the one way every published file uses: two-space indent, final newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Separator of multi-valued CSV cells (cibles, socles, normes, remplace). */
export const CSV_LIST_SEPARATOR = '|';

export const CSV_COLUMNS = [
  'id', 'edition', 'citation', 'title', 'niveau', 'referentiel', 'chapitre', 'cibles', 'socles', 'normes',
  'echeance', 'remplace', 'introducedIn', 'url', 'hash', 'statement',
] as const;

/** RFC 4180 CSV, UTF-8, CRLF, one row per requirement; the statement in plain text. */
export function toCsv(dataset: EditionDataset): string {
  const rows = dataset.exigences.map((e: Exigence) => [
    e.id, e.edition, e.citation, e.title, e.niveau, e.referentiel, e.chapitre,
    e.cibles.join(CSV_LIST_SEPARATOR), e.socles.join(CSV_LIST_SEPARATOR), e.normes.join(CSV_LIST_SEPARATOR),
    e.echeance ?? '', e.lineage.remplace.join(CSV_LIST_SEPARATOR), e.lineage.introducedIn, e.url, e.hash, e.statement.text,
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_match: /[",\r\n]/ });
}

function describe(path: string, content: string, mediaType: string, schema?: string): CatalogueFile {
  const file: CatalogueFile = {
    path,
    url: `${SITE_URL}${API_PATH}${path}`,
    mediaType,
    bytes: Buffer.byteLength(content, 'utf8'),
    sha256: createHash('sha256').update(content, 'utf8').digest('hex'),
  };
  if (schema) file.schema = schema;
  return file;
}

/** Every data file, by path relative to the API root. Requires every edition to have a dataset. */
export function dataFiles(content: ContentBuild): Map<string, string> {
  const files = new Map<string, string>();
  const catalogue: Catalogue = {
    $schema: schemaId('editions') as Catalogue['$schema'],
    schemaVersion: SCHEMA_VERSION,
    licence: LICENCE,
    enVigueur: null,
    editions: [],
  };
  for (const edition of content.editions) {
    const dataset = edition.dataset;
    if (!dataset) throw new Error(`Edition ${edition.name} has errors: nothing to export`);
    const json = toJson(dataset);
    const csv = toCsv(dataset);
    files.set(`${edition.name}/exigences.json`, json);
    files.set(`${edition.name}/exigences.csv`, csv);
    for (const exigence of dataset.exigences) {
      files.set(`${edition.name}/exigences/${exigence.id}.json`, toJson({ $schema: schemaId('exigence'), ...exigence }));
    }
    if (dataset.edition.statut === 'en-vigueur') catalogue.enVigueur = edition.name;
    const entry: Catalogue['editions'][number] = {
      edition: edition.name,
      title: dataset.edition.title,
      statut: dataset.edition.statut,
      publication: dataset.edition.publication,
      exigences: dataset.exigences.length,
      url: `${SITE_URL}/${edition.name}/`,
      files: [
        describe(`${edition.name}/exigences.json`, json, 'application/json', schemaId('exigences')),
        describe(`${edition.name}/exigences.csv`, csv, 'text/csv; charset=utf-8'),
      ],
    };
    if (dataset.edition.version) entry.version = dataset.edition.version;
    catalogue.editions.push(entry);
  }
  // Changelogs between every ordered pair of editions.
  const datasets = new Map(content.editions.map((e) => [e.name, e.dataset as EditionDataset]));
  const evolutions: NonNullable<Catalogue['evolutions']> = [];
  for (const [from, to] of editionPairs([...datasets.keys()])) {
    const path = changelogPath(from, to);
    const json = toJson(diffEditions(datasets.get(from) as EditionDataset, datasets.get(to) as EditionDataset));
    files.set(path, json);
    evolutions.push({ from, to, file: describe(path, json, 'application/json', schemaId('changelog')) });
  }
  catalogue.evolutions = evolutions;
  files.set('editions.json', toJson(catalogue));
  for (const [name, schema] of readSchemas()) files.set(`schemas/${name}.schema.json`, toJson(schema));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Writes `files` as the whole content of `dir`: into a sibling temporary folder first, then swapped in.
 * If anything fails before the swap, `dir` is untouched.
 */
export async function writeTreeAtomic(dir: string, files: Map<string, string>): Promise<void> {
  const parent = dirname(dir);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(parent, `.${basename(dir)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(dir)}.old-${stamp}`);
  await mkdir(parent, { recursive: true });
  try {
    for (const [path, content] of files) {
      const target = join(temp, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const hadOld = await rename(dir, old).then(() => true, (e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return false;
    throw e;
  });
  try {
    await rename(temp, dir);
  } catch (error) {
    if (hadOld) await rename(old, dir);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
