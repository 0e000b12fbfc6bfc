/**
 * The Frictionless Data Package (v2) of an edition, `<edition>/datapackage.json`: the edition's files as
 * resources with their size and SHA-256, and the CSV described by a Table Schema whose fields take their titles
 * and descriptions from `schemas/exigence.schema.json` (one truth for what a column means).
 */
import { CSV_COLUMNS, CSV_LIST_SEPARATOR, type CsvColumn } from './csv.ts';
import { EDITION_PATTERN, ID_PATTERN } from './ids.ts';
import { readSchemas } from './schemas.ts';
import { LICENCE, SITE_URL } from './site.ts';
import type { EditionDataset } from './types.ts';

/** The Data Package v2 profile that `datapackage.json` names in its `$schema`. */
export const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/** A published file of the edition, described as a resource. */
export interface PackagedFile {
  /** Path relative to the edition folder, e.g. `exigences.csv`. */
  path: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

interface SchemaNode {
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
}

interface Field {
  name: CsvColumn;
  type: string;
  title: string;
  description: string;
  [key: string]: unknown;
}

/** Where each column's meaning is written in the exigence schema. */
const COLUMN_PATHS: Record<CsvColumn, string[]> = {
  id: ['$defs', 'id'], edition: ['properties', 'edition'], citation: ['properties', 'citation'], title: ['properties', 'title'],
  niveau: ['$defs', 'niveau'], referentiel: ['properties', 'referentiel'], chapitre: ['properties', 'chapitre'],
  cibles: ['properties', 'cibles'], socles: ['properties', 'socles'], normes: ['properties', 'normes'],
  echeance: ['properties', 'echeance'], remplace: ['properties', 'lineage', 'properties', 'remplace'],
  introducedIn: ['properties', 'lineage', 'properties', 'introducedIn'], url: ['properties', 'url'], hash: ['properties', 'hash'],
  statement: ['properties', 'statement', 'properties', 'text'],
};

const LIST_COLUMNS = new Set<CsvColumn>(['cibles', 'socles', 'normes', 'remplace']);

function tableSchema(dataset: EditionDataset) {
  const exigence = readSchemas().get('exigence') as unknown as Record<string, unknown>;
  const vocab = dataset.vocabulaires;
  const fields: Field[] = CSV_COLUMNS.map((name) => {
    let node: unknown = exigence;
    for (const key of COLUMN_PATHS[name]) node = (node as Record<string, unknown>)[key];
    const { title = name, description = '' } = node as SchemaNode;
    const field: Field = { name, type: 'string', title, description };
    if (LIST_COLUMNS.has(name)) {
      field.type = 'list';
      field.delimiter = CSV_LIST_SEPARATOR;
      field.itemType = 'string';
      field.description = `${description} Valeurs séparées par « ${CSV_LIST_SEPARATOR} » ; vide si aucune.`;
    }
    return field;
  });
  const constrain = (name: CsvColumn, constraints: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const field = fields.find((f) => f.name === name);
    if (field) Object.assign(field, extra, { constraints });
  };
  constrain('id', { required: true, unique: true, pattern: ID_PATTERN.slice(1, -1) });
  constrain('edition', { required: true, enum: [dataset.edition.edition] });
  constrain('citation', { required: true, unique: true });
  constrain('title', { required: true });
  constrain('niveau', { required: true, enum: ['obligatoire', 'recommandé'] });
  constrain('referentiel', { required: true, enum: vocab.referentiels.map((r) => r.id) });
  constrain('chapitre', { required: true });
  constrain('cibles', { required: true, minLength: 1 });
  constrain('echeance', {}, { type: 'date' });
  constrain('introducedIn', { required: true, pattern: EDITION_PATTERN.slice(1, -1) });
  constrain('url', { required: true, unique: true }, { format: 'uri' });
  constrain('hash', { required: true, pattern: 'sha256:[0-9a-f]{64}' });
  constrain('statement', { required: true });
  return { fields, primaryKey: ['id'], missingValues: [''] };
}

const FORMATS: Record<string, string> = { csv: 'csv', json: 'json', ndjson: 'ndjson', xlsx: 'xlsx' };

/** The descriptor. `files` are the edition's whole-edition files (not the per-requirement ones). */
export function toDataPackage(dataset: EditionDataset, files: PackagedFile[]): Record<string, unknown> {
  const { edition } = dataset;
  const resources = files.map((file) => {
    const extension = file.path.slice(file.path.lastIndexOf('.') + 1);
    const resource: Record<string, unknown> = {
      name: `exigences-${extension}`,
      path: file.path,
      format: FORMATS[extension] ?? extension,
      mediatype: file.mediaType.replace(/;.*$/, ''),
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
    };
    if (extension !== 'xlsx') resource.encoding = 'utf-8';
    if (extension === 'csv') {
      Object.assign(resource, {
        name: 'exigences',
        type: 'table',
        description: 'Une ligne par exigence ; le même contenu que exigences.json, l’énoncé en texte brut.',
        dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
        schema: tableSchema(dataset),
      });
    }
    return resource;
  });
  return {
    $schema: DATAPACKAGE_PROFILE,
    name: `doctrine-numerique-education-${edition.edition}`,
    title: `${edition.title} — exigences`,
    description: `Les exigences de l’édition ${edition.edition} (statut ${edition.statut}) de la doctrine technique du numérique pour l’éducation, en CSV, JSON, NDJSON et XLSX. Les textes sont des reformulations établies pour cette publication ; seule la doctrine officielle fait foi.`,
    homepage: `${SITE_URL}/${edition.edition}/`,
    licenses: [{ name: LICENCE.spdx, path: LICENCE.url, title: LICENCE.name }],
    sources: [{ title: 'Doctrine technique du numérique pour l’éducation (texte officiel)', path: edition.sourceOfficielle }],
    keywords: ['éducation', 'numérique', 'doctrine', 'exigences', 'interopérabilité', 'sécurité'],
    resources,
  };
}
