/**
 * The tabular form of an edition's requirements, shared by the CSV file, the XLSX workbook and the data
 * package's Table Schema: one record per requirement, the same columns, lists joined one way.
 */
import { stringify } from 'csv-stringify/sync';
import type { EditionDataset } from './types.ts';

/** Separator of multi-valued cells (cibles, socles, normes, remplace). */
export const CSV_LIST_SEPARATOR = '|';

export const CSV_COLUMNS = [
  'id', 'edition', 'citation', 'title', 'niveau', 'referentiel', 'chapitre', 'cibles', 'socles', 'normes',
  'echeance', 'remplace', 'introducedIn', 'url', 'hash', 'statement',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRecord = Record<CsvColumn, string>;

/** One record per requirement, in reading order; empty string for an absent échéance or an empty list. */
export function csvRecords(dataset: EditionDataset): CsvRecord[] {
  return dataset.exigences.map((e) => ({
    id: e.id,
    edition: e.edition,
    citation: e.citation,
    title: e.title,
    niveau: e.niveau,
    referentiel: e.referentiel,
    chapitre: e.chapitre,
    cibles: e.cibles.join(CSV_LIST_SEPARATOR),
    socles: e.socles.join(CSV_LIST_SEPARATOR),
    normes: e.normes.join(CSV_LIST_SEPARATOR),
    echeance: e.echeance ?? '',
    remplace: e.lineage.remplace.join(CSV_LIST_SEPARATOR),
    introducedIn: e.lineage.introducedIn,
    url: e.url,
    hash: e.hash,
    statement: e.statement.text,
  }));
}

/** RFC 4180 CSV, UTF-8 without BOM, CRLF, a header row, one row per requirement; the statement in plain text. */
export function toCsv(dataset: EditionDataset): string {
  const rows = csvRecords(dataset).map((record) => CSV_COLUMNS.map((name) => record[name]));
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_match: /[",\r\n]/ });
}
