/**
 * The published data of the shipped content, as tools get it: every file valid against its schema, the catalog's
 * sizes and checksums true, the CSV, NDJSON and XLSX forms giving back the JSON records, the data packages
 * describing the files they list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import {
  API_PATH, CSV_COLUMNS, CSV_LIST_SEPARATOR, DATAPACKAGE_PROFILE, dataFiles, getValidator, LICENCE, loadContent,
  schemaId, SCHEMA_NAMES, SITE_URL, TYPES_PATH, type Catalogue, type CsvRecord, type EditionDataset, type Exigence,
} from '../src/lib/index.ts';
import { getAjv } from '../src/lib/schemas.ts';
import { ROOT } from './helpers.ts';

const content = await loadContent(join(ROOT, 'content'));
assert.deepEqual(content.reporter.diagnostics, []);
const files = await dataFiles(content);
const text = (path: string): string => {
  const data = files.get(path);
  assert.ok(data !== undefined, `${path} is published`);
  return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
};
const bytes = (path: string): Buffer => Buffer.from(files.get(path) ?? '');
const datasets = content.editions.map((e) => e.dataset as EditionDataset);
const catalog = JSON.parse(text('editions.json')) as Catalogue;

test('every JSON file validates against the schema named by its $schema', () => {
  let checked = 0;
  const ours = new Set(SCHEMA_NAMES.map((name) => schemaId(name)));
  for (const path of [...files.keys()].filter((p) => p.endsWith('.json'))) {
    const data = JSON.parse(text(path)) as { $schema?: string; $id?: string };
    if (path.startsWith('schemas/')) {
      assert.equal(data.$schema, 'https://json-schema.org/draft/2020-12/schema', path);
      assert.equal(data.$id, `${SITE_URL}${API_PATH}${path}`, `${path} is served at its $id`);
      assert.ok(getAjv().validateSchema(data), path);
      continue;
    }
    if (path.endsWith('/datapackage.json')) {
      assert.equal(data.$schema, DATAPACKAGE_PROFILE, path);
      continue; // the Frictionless profile is checked below, property by property
    }
    assert.ok(data.$schema && ours.has(data.$schema), `${path} names one of our schemas`);
    const name = /\/schemas\/([a-z-]+)\.schema\.json$/.exec(data.$schema)?.[1] as (typeof SCHEMA_NAMES)[number];
    const validate = getValidator(name);
    assert.ok(validate(data), `${path}: ${JSON.stringify(validate.errors)}`);
    checked++;
  }
  // The catalog, each dataset, each requirement, each changelog (every ordered pair of editions).
  const pairs = datasets.length * (datasets.length - 1);
  assert.equal(checked, 1 + datasets.length + datasets.reduce((n, d) => n + d.exigences.length, 0) + pairs);
});

test('the catalog lists every other file once, with its true size, SHA-256, URL and schema', () => {
  const listed = [...catalog.editions.flatMap((e) => e.files), ...(catalog.files ?? [])];
  assert.deepEqual(listed.map((f) => f.path).sort(), [...files.keys()].filter((p) => p !== 'editions.json'));
  for (const file of listed) {
    const data = bytes(file.path);
    assert.equal(file.bytes, data.length, file.path);
    assert.equal(file.sha256, createHash('sha256').update(data).digest('hex'), file.path);
    assert.equal(file.url, `${SITE_URL}${API_PATH}${file.path}`);
  }
  const byPath = new Map(listed.map((f) => [f.path, f]));
  assert.equal(byPath.get('2025/exigences.json')?.schema, schemaId('exigences'));
  assert.equal(byPath.get('2025/exigences.ndjson')?.schema, schemaId('exigence'));
  assert.equal(byPath.get('2025/exigences/INT-IDA-01.json')?.schema, schemaId('exigence'));
  assert.equal(byPath.get('2025/datapackage.json')?.schema, DATAPACKAGE_PROFILE);
  assert.equal(byPath.get('2025/exigences.csv')?.mediaType, 'text/csv; charset=utf-8');
  assert.equal(byPath.get('2025/exigences.xlsx')?.mediaType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(byPath.get(TYPES_PATH)?.mediaType, 'application/typescript');
});

test('the catalog describes each edition: status, dates, schema version, errata, licence', () => {
  assert.deepEqual(catalog.licence, { name: 'Licence Ouverte 2.0 (Etalab)', url: LICENCE.url });
  assert.equal(catalog.enVigueur, '2025');
  assert.deepEqual(
    catalog.editions.map((e) => [e.edition, e.statut, e.publication, e.schemaVersion, e.exigences, e.errata]),
    datasets.map((d) => [d.edition.edition, d.edition.statut, d.edition.publication, d.schemaVersion, d.exigences.length, []]),
  );
  assert.deepEqual(catalog.editions.map((e) => e.statut), ['remplacée', 'remplacée', 'en-vigueur']);
});

test('NDJSON: one requirement per line, each the requirement’s own JSON file', () => {
  for (const dataset of datasets) {
    const lines = text(`${dataset.edition.edition}/exigences.ndjson`).split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, dataset.exigences.length);
    lines.forEach((line, i) => {
      const record = JSON.parse(line) as Exigence;
      assert.deepEqual(record, JSON.parse(text(`${dataset.edition.edition}/exigences/${dataset.exigences[i]?.id}.json`)));
      assert.deepEqual({ ...record, $schema: undefined }, { ...dataset.exigences[i], $schema: undefined });
    });
  }
});

/** The record a CSV row must give back, computed here from the JSON requirement. */
function expectedRecord(e: Exigence): CsvRecord {
  const list = (values: string[]) => values.join(CSV_LIST_SEPARATOR);
  return {
    id: e.id, edition: e.edition, citation: e.citation, title: e.title, niveau: e.niveau, referentiel: e.referentiel,
    chapitre: e.chapitre, cibles: list(e.cibles), socles: list(e.socles), normes: list(e.normes), echeance: e.echeance ?? '',
    remplace: list(e.lineage.remplace), introducedIn: e.lineage.introducedIn, url: e.url, hash: e.hash, statement: e.statement.text,
  };
}

test('CSV: RFC 4180 (UTF-8, CRLF, header) and it parses back to the JSON records', () => {
  for (const dataset of datasets) {
    const raw = bytes(`${dataset.edition.edition}/exigences.csv`);
    assert.notEqual(raw[0], 0xef, 'no BOM');
    const csv = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    assert.ok(csv.startsWith(CSV_COLUMNS.join(',') + '\r\n'));
    const rows = parse(csv, { columns: true, record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false }) as CsvRecord[];
    assert.deepEqual(rows, dataset.exigences.map(expectedRecord));
    // Multi-line statements are quoted; outside quotes every line ends with CRLF.
    assert.doesNotMatch(csv.replace(/"(?:[^"]|"")*"/g, ''), /[^\r]\n/);
  }
  const all = datasets.flatMap((d) => d.exigences);
  assert.ok(all.some((e) => e.statement.text.includes('\n')), 'a statement with several paragraphs is exercised');
  assert.ok(all.some((e) => e.statement.text.includes(',')), 'a statement with commas is exercised');
  assert.ok(all.some((e) => e.socles.length > 1 && e.cibles.length > 1), 'lists of several values are exercised');
});

test('XLSX: a sheet per référentiel whose rows are the CSV records', async () => {
  for (const dataset of datasets) {
    const sheets = await readXlsxFile(bytes(`${dataset.edition.edition}/exigences.xlsx`));
    assert.deepEqual(sheets.map((s) => s.sheet), ['edition', ...dataset.vocabulaires.referentiels.map((r) => r.id)]);
    const about = new Map(sheets[0]?.data.map((row) => [row[0], row[1]]));
    assert.equal(about.get('Licence'), `${LICENCE.name} — ${LICENCE.url}`);
    assert.equal(about.get('Statut'), dataset.edition.statut);
    const rows = sheets.slice(1).flatMap((sheet) => {
      assert.deepEqual(sheet.data[0], [...CSV_COLUMNS], sheet.sheet);
      return sheet.data.slice(1).map((row) => Object.fromEntries(CSV_COLUMNS.map((name, i) => [name, row[i] === null ? '' : String(row[i])])));
    });
    const order = (r: { referentiel: string }) => dataset.vocabulaires.referentiels.findIndex((x) => x.id === r.referentiel);
    const expected = dataset.exigences.map(expectedRecord).sort((a, b) => order(a) - order(b));
    assert.deepEqual(rows, expected);
  }
});

test('XLSX is deterministic: every zip entry has the same fixed date', () => {
  const xlsx = bytes('2025/exigences.xlsx');
  // Local file headers: signature PK\x03\x04, then version, flags, method, DOS time (2 bytes), DOS date (2 bytes).
  let entries = 0;
  for (let i = xlsx.indexOf('PK\x03\x04'); i >= 0; i = xlsx.indexOf('PK\x03\x04', i + 4)) {
    assert.equal(xlsx.readUInt16LE(i + 10), 0, 'time 00:00:00');
    assert.equal(xlsx.readUInt16LE(i + 12), (0 << 9) | (1 << 5) | 1, 'date 1980-01-01');
    entries++;
  }
  assert.ok(entries >= 6);
});

interface Field {
  name: string;
  type: string;
  title: string;
  description: string;
  delimiter?: string;
  constraints?: { required?: boolean; unique?: boolean; pattern?: string; enum?: string[]; minLength?: number };
}
interface DataPackage {
  $schema: string;
  name: string;
  licenses: { name: string; path: string; title: string }[];
  resources: { name: string; path: string; bytes: number; hash: string; mediatype: string; type?: string; schema?: { fields: Field[]; primaryKey: string[] } }[];
}

test('data packages: resources with true sizes and hashes, a Table Schema the CSV satisfies', () => {
  for (const dataset of datasets) {
    const name = dataset.edition.edition;
    const pkg = JSON.parse(text(`${name}/datapackage.json`)) as DataPackage;
    assert.equal(pkg.$schema, DATAPACKAGE_PROFILE);
    assert.equal(pkg.name, `doctrine-numerique-education-${name}`);
    assert.deepEqual(pkg.licenses, [{ name: 'etalab-2.0', path: LICENCE.url, title: LICENCE.name }]);
    assert.deepEqual(pkg.resources.map((r) => r.path), ['exigences.json', 'exigences.ndjson', 'exigences.csv', 'exigences.xlsx']);
    for (const resource of pkg.resources) {
      const data = bytes(`${name}/${resource.path}`);
      assert.equal(resource.bytes, data.length);
      assert.equal(resource.hash, `sha256:${createHash('sha256').update(data).digest('hex')}`);
      assert.match(resource.name, /^[a-z0-9._-]+$/);
    }
    const table = pkg.resources.find((r) => r.type === 'table');
    assert.equal(table?.path, 'exigences.csv');
    const fields = table?.schema?.fields ?? [];
    assert.deepEqual(fields.map((f) => f.name), [...CSV_COLUMNS]);
    assert.deepEqual(table?.schema?.primaryKey, ['id']);
    for (const field of fields) assert.ok(field.title && field.description, `${field.name} is documented`);
    // Every value of the CSV satisfies its field's type and constraints.
    const rows = parse(text(`${name}/exigences.csv`), { columns: true }) as Record<string, string>[];
    for (const field of fields) {
      const values = rows.map((r) => r[field.name] ?? '');
      const c = field.constraints ?? {};
      if (c.required) assert.ok(values.every((v) => v !== ''), `${name} ${field.name} required`);
      if (c.unique) assert.equal(new Set(values).size, values.length, `${name} ${field.name} unique`);
      if (c.pattern) assert.ok(values.every((v) => new RegExp(`^(?:${c.pattern})$`).test(v)), `${name} ${field.name} pattern`);
      if (c.enum) assert.ok(values.every((v) => c.enum?.includes(v)), `${name} ${field.name} enum`);
      if (field.type === 'date') assert.ok(values.every((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v)), `${name} ${field.name} date`);
      if (field.type === 'list') {
        assert.equal(field.delimiter, CSV_LIST_SEPARATOR);
        assert.ok(values.every((v) => v === '' || v.split(CSV_LIST_SEPARATOR).every((item) => /^[A-Za-z0-9-]+$/.test(item))), `${name} ${field.name} list`);
      }
    }
  }
});

test('the TypeScript declarations are the types generated from the schemas', () => {
  const published = text(TYPES_PATH);
  assert.match(published, /^\/\* Types TypeScript des données de la doctrine/);
  assert.match(published, /export interface EditionDataset \{/);
  assert.match(published, /export interface Catalogue \{/);
});
