/**
 * Output layer for data: the files of the static API (`doctrine export --out DIR` and `/api/v1/` on the site).
 * `dataFiles` is deterministic (same content, same bytes); `writeTreeAtomic` replaces a folder only once the new
 * tree is complete. The catalog `editions.json` lists every other file with its size and SHA-256.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { changelogPath, diffEditions, editionPairs } from './changelog.ts';
import type { ContentBuild } from './content.ts';
import { toCsv } from './csv.ts';
import { DATAPACKAGE_PROFILE, toDataPackage, type PackagedFile } from './datapackage.ts';
import { readSchemas } from './schemas.ts';
import { API_PATH, LICENCE, schemaId, SCHEMA_VERSION, SITE_URL } from './site.ts';
import type { Catalogue, CatalogueFile, EditionDataset } from './types.ts';
import { toXlsx, toXlsxAll } from './xlsx.ts';

export { CSV_COLUMNS, CSV_LIST_SEPARATOR, toCsv } from './csv.ts';
export { LICENCE } from './site.ts';

/** A published file: text (UTF-8) or bytes. */
export type FileContent = string | Uint8Array;

/** Serializes JSON the one way every published file uses: two-space indent, final newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** NDJSON: one requirement per line, each a complete `exigence` document with its `$schema`. */
export function toNdjson(dataset: EditionDataset): string {
  return dataset.exigences.map((e) => JSON.stringify({ $schema: schemaId('exigence'), ...e }) + '\n').join('');
}

/** Path of the TypeScript declarations generated from the schemas, under the API root. */
export const TYPES_PATH = 'types/doctrine.d.ts';
const TYPES_SOURCE = new URL('./types.generated.ts', import.meta.url);

/** The declarations for consumers: the generated types, with a header saying where they come from. */
export function typesFile(): string {
  const generated = readFileSync(TYPES_SOURCE, 'utf8').replace(/^\/\*.*?\*\/\n/, '');
  return `/* Types TypeScript des données de la doctrine (API v${SCHEMA_VERSION.split('.')[0]}, schémas ${SCHEMA_VERSION}), générés depuis les schémas JSON : ${SITE_URL}${API_PATH}schemas/ */\n${generated}`;
}

const MEDIA_TYPES: Record<string, string> = {
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ts: 'application/typescript',
};

function mediaType(path: string): string {
  return MEDIA_TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

/** The schema a file follows, when there is one. */
function schemaOf(path: string): string | undefined {
  if (path.startsWith('schemas/')) return 'https://json-schema.org/draft/2020-12/schema';
  if (/^[0-9]{4}\/exigences\.json$/.test(path)) return schemaId('exigences');
  if (/^[0-9]{4}\/exigences(\/[^/]+\.json|\.ndjson)$/.test(path)) return schemaId('exigence');
  if (/^[0-9]{4}\/datapackage\.json$/.test(path)) return DATAPACKAGE_PROFILE;
  if (/^evolutions\/[0-9]{4}\.\.[0-9]{4}\.json$/.test(path)) return schemaId('changelog');
  return undefined;
}

function describe(path: string, content: FileContent): CatalogueFile {
  // Hashing a string hashes its UTF-8 bytes: no copy of the text as a buffer.
  const file: CatalogueFile = {
    path,
    url: `${SITE_URL}${API_PATH}${path}`,
    mediaType: mediaType(path),
    bytes: typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
  const schema = schemaOf(path);
  if (schema) file.schema = schema;
  return file;
}

function byPath<T>(entries: Iterable<[string, T]>): Map<string, T> {
  return new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The files of one edition, by path relative to the API root: dataset in four formats, data package, one JSON per
 * requirement. `xlsx`: the workbook being written elsewhere (toXlsxAll), awaited after every other file is made.
 */
export async function editionFiles(dataset: EditionDataset, xlsx?: Promise<Uint8Array | undefined>): Promise<Map<string, FileContent>> {
  const name = dataset.edition.edition;
  const text: [string, FileContent][] = [
    ['exigences.json', toJson(dataset)],
    ['exigences.ndjson', toNdjson(dataset)],
    ['exigences.csv', toCsv(dataset)],
  ];
  const files = new Map<string, FileContent>(text.map(([path, content]) => [`${name}/${path}`, content]));
  for (const exigence of dataset.exigences) {
    files.set(`${name}/exigences/${exigence.id}.json`, toJson({ $schema: schemaId('exigence'), ...exigence }));
  }
  const whole: [string, FileContent][] = [...text, ['exigences.xlsx', (await xlsx) ?? (await toXlsx(dataset))]];
  files.set(`${name}/exigences.xlsx`, whole[3]?.[1] ?? '');
  const packaged: PackagedFile[] = whole.map(([path, content]) => {
    const { mediaType, bytes, sha256 } = describe(path, content);
    return { path, mediaType, bytes, sha256 };
  });
  files.set(`${name}/datapackage.json`, toJson(toDataPackage(dataset, packaged)));
  return files;
}

/** Every data file, by path relative to the API root, sorted. Requires every edition to have a dataset. */
export async function dataFiles(content: ContentBuild): Promise<Map<string, FileContent>> {
  const files = new Map<string, FileContent>();
  const datasets: EditionDataset[] = content.editions.map((edition) => {
    if (!edition.dataset) throw new Error(`Edition ${edition.name} has errors: nothing to export`);
    return edition.dataset;
  });
  // The workbooks first (on a worker thread when large): every other file is made meanwhile.
  const workbooks = toXlsxAll(datasets);
  const editions = datasets.map((dataset, i) => editionFiles(dataset, workbooks.then((books) => books[i])));
  // Changelogs between every ordered pair of editions.
  const byName = new Map(datasets.map((d) => [d.edition.edition, d]));
  const pairs = editionPairs([...byName.keys()]);
  for (const [from, to] of pairs) {
    files.set(changelogPath(from, to), toJson(diffEditions(byName.get(from) as EditionDataset, byName.get(to) as EditionDataset)));
  }
  for (const edition of await Promise.all(editions)) for (const [path, content] of edition) files.set(path, content);
  for (const [name, schema] of readSchemas()) files.set(`schemas/${name}.schema.json`, toJson(schema));
  files.set(TYPES_PATH, typesFile());
  const catalog = catalogue(datasets, byPath(files));
  catalog.evolutions = pairs.map(([from, to]) => {
    const path = changelogPath(from, to);
    return { from, to, file: describe(path, files.get(path) ?? '') };
  });
  files.set('editions.json', toJson(catalog));
  return byPath(files);
}

/** The catalog: every edition with its status, dates, errata and files; then every other file. */
export function catalogue(datasets: EditionDataset[], files: ReadonlyMap<string, FileContent>): Catalogue {
  const described = [...files].filter(([path]) => path !== 'editions.json').map(([path, content]) => describe(path, content));
  const editionNames = new Set(datasets.map((d) => d.edition.edition));
  const catalog: Catalogue = {
    $schema: schemaId('editions') as Catalogue['$schema'],
    schemaVersion: SCHEMA_VERSION,
    licence: { name: LICENCE.name, url: LICENCE.url },
    enVigueur: datasets.find((d) => d.edition.statut === 'en-vigueur')?.edition.edition ?? null,
    editions: datasets.map((dataset) => {
      const { edition } = dataset;
      const entry: Catalogue['editions'][number] = {
        edition: edition.edition,
        title: edition.title,
        statut: edition.statut,
        publication: edition.publication,
        errata: edition.errata ?? [],
        schemaVersion: dataset.schemaVersion,
        exigences: dataset.exigences.length,
        url: `${SITE_URL}/${edition.edition}/`,
        files: described.filter((f) => f.path.startsWith(`${edition.edition}/`)),
      };
      if (edition.version) entry.version = edition.version;
      return entry;
    }),
    files: described.filter((f) => !editionNames.has(f.path.split('/')[0] ?? '')),
  };
  return catalog;
}

/** How many file writes `writeTreeAtomic` keeps in flight. */
const WRITES_IN_FLIGHT = 32;

/**
 * Writes `files` as the whole content of `dir`: into a sibling temporary folder first, then swapped in.
 * If anything fails before the swap, `dir` is untouched.
 */
export async function writeTreeAtomic(dir: string, files: ReadonlyMap<string, FileContent>): Promise<void> {
  const parent = dirname(dir);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(parent, `.${basename(dir)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(dir)}.old-${stamp}`);
  await mkdir(parent, { recursive: true });
  try {
    // Folders once each, then the files with a bounded number of writes in flight: thousands of small files are
    // bound by the file system's latency, not by this thread.
    const folders = [...new Set([...files.keys()].map((path) => dirname(join(temp, path))))].sort();
    for (const folder of folders) await mkdir(folder, { recursive: true });
    const entries = [...files];
    let next = 0;
    let failure: { error: unknown } | undefined;
    const writer = async () => {
      while (next < entries.length && !failure) {
        const [path, content] = entries[next++] as [string, FileContent];
        await writeFile(join(temp, path), content).catch((error: unknown) => void (failure ??= { error }));
      }
    };
    // Every writer has stopped before the temporary folder is removed, so none writes into it afterwards.
    await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, entries.length) }, writer));
    if (failure) throw failure.error;
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
