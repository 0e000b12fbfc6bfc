/**
 * The XLSX workbook of an edition, for vendors' spreadsheets: a first sheet `edition` (what the file is, its
 * licence, the notice that the official doctrine prevails), then one sheet per référentiel, named by its id,
 * with one row per requirement and the columns of the CSV (same values, lists joined the same way).
 *
 * Written by `write-excel-file`, then re-zipped with a fixed date on every entry so that the same dataset gives
 * the same bytes (a zip stores each entry's modification time; the workbook has no docProps, hence no other date).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/node';
import { csvRecords, CSV_COLUMNS } from './csv.ts';
import { LICENCE, SITE_URL } from './site.ts';
import type { EditionDataset } from './types.ts';

/** Date of every zip entry: 1980-01-01 00:00, the first date a zip can hold, in local time on any machine. */
const ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);

/** Excel limits sheet names to 31 characters. */
const SHEET_NAME_MAX = 31;

const WIDTHS: Partial<Record<(typeof CSV_COLUMNS)[number], number>> = {
  id: 14, edition: 8, citation: 20, title: 40, niveau: 12, referentiel: 20, chapitre: 32, cibles: 30, socles: 20,
  normes: 24, echeance: 12, remplace: 20, introducedIn: 12, url: 50, hash: 20, statement: 100,
};

function headerRow(): Row {
  return CSV_COLUMNS.map((name) => ({ value: name, fontWeight: 'bold' as const }));
}

function aboutSheet(dataset: EditionDataset): Sheet<never> {
  const { edition } = dataset;
  const rows: [string, string][] = [
    ['Titre', edition.title],
    ['Édition', edition.edition],
    ['Statut', edition.statut],
    ['Publication', edition.publication],
    ['Errata', (edition.errata ?? []).map((e) => `${e.date} : ${e.motif} (${e.exigences.join(', ')})`).join('\n')],
    ['Version des schémas', dataset.schemaVersion],
    ['Exigences', String(dataset.exigences.length)],
    ['Page', `${SITE_URL}/${edition.edition}/`],
    ['Licence', `${LICENCE.name} — ${LICENCE.url}`],
    ['Source officielle', edition.sourceOfficielle],
    ['Avertissement', 'Les textes des exigences sont des reformulations établies pour cette publication ; seule la doctrine officielle fait foi.'],
    ['Colonnes', 'Une feuille par référentiel, une ligne par exigence, les colonnes du fichier exigences.csv ; les listes (cibles, socles, normes, remplace) sont jointes par « | ».'],
  ];
  return {
    sheet: 'edition',
    data: rows.map(([key, value]) => [{ value: key, fontWeight: 'bold' as const }, { value, wrap: true }]),
    columns: [{ width: 22 }, { width: 100 }],
  };
}

/** The workbook's bytes. */
export async function toXlsx(dataset: EditionDataset): Promise<Uint8Array> {
  const records = csvRecords(dataset);
  const sheets: Sheet<never>[] = [aboutSheet(dataset)];
  for (const referentiel of dataset.vocabulaires.referentiels) {
    const rows = records
      .filter((record) => record.referentiel === referentiel.id)
      .map((record): Row => CSV_COLUMNS.map((name) => ({ value: record[name], wrap: name === 'statement' || name === 'title' })));
    sheets.push({
      sheet: referentiel.id.slice(0, SHEET_NAME_MAX),
      data: [headerRow(), ...rows],
      columns: CSV_COLUMNS.map((name) => ({ width: WIDTHS[name] ?? 16 })),
      stickyRowsCount: 1,
    });
  }
  const written = new Uint8Array(await writeXlsxFile(sheets, {}).toBuffer());
  const entries = unzipSync(written);
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { mtime: ZIP_DATE }]])), { level: 9 });
}

const WORKER_URL = new URL('./xlsx-worker.ts', import.meta.url);

/** From this many requirements, a workbook is written on a worker thread while the caller goes on. */
const WORKER_MIN_EXIGENCES = 1000;

/** What `toXlsx` reads of a dataset: the edition, the référentiels, and the CSV columns of each requirement. */
function xlsxInput(dataset: EditionDataset): EditionDataset {
  return {
    ...dataset,
    chapitres: [],
    retraits: [],
    glossaire: [],
    exigences: dataset.exigences.map((e) => ({ ...e, statement: { markdown: '', html: '', text: e.statement.text } })),
  };
}

/**
 * The workbooks of several datasets, the same bytes as `toXlsx`: written on one worker thread when they are large
 * (compressing them is the costliest step of an export), so that the caller can prepare the other files meanwhile.
 * Start it first, await it last.
 */
export function toXlsxAll(datasets: EditionDataset[]): Promise<Uint8Array[]> {
  const large = datasets.some((d) => d.exigences.length >= WORKER_MIN_EXIGENCES);
  if (!large || !existsSync(fileURLToPath(WORKER_URL))) return Promise.all(datasets.map(toXlsx));
  return new Promise<Uint8Array[]>((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    worker.once('message', (books: Uint8Array[]) => {
      resolve(books);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`xlsx worker exited with code ${code}`)));
    worker.postMessage(datasets.map(xlsxInput));
  }).catch(() => Promise.all(datasets.map(toXlsx)));
}
