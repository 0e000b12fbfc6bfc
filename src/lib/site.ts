/**
 * Where the site is published. Every absolute URL in the data (schema `$id`s, file URLs, requirement URLs)
 * derives from this origin. The production origin is not decided yet (docs/decisions/0003-schema-versioning.md),
 * so it is a reserved `.example` name; the schemas' `$id`s repeat it and a test keeps them equal.
 */
export const SITE_URL = 'https://doctrine.education.example';

/** Major version of the public data API; it is also the major version of every schema. */
export const API_MAJOR = 1;

/** Path of the static data API on the site, e.g. `/api/v1/`. */
export const API_PATH = `/api/v${API_MAJOR}/`;

/**
 * Version of the data schemas (semantic versioning; MAJOR = old data no longer validates).
 * 1.1.0: locks and errata; the changelog schema and the catalog's `evolutions`.
 */
export const SCHEMA_VERSION = `${API_MAJOR}.1.0`;

/** The licence of the published data (declared in the catalog, the data packages and the workbooks). */
export const LICENCE = {
  name: 'Licence Ouverte 2.0 (Etalab)',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  /** SPDX identifier. */
  spdx: 'etalab-2.0',
} as const;

export function schemaId(name: string): string {
  return `${SITE_URL}${API_PATH}schemas/${name}.schema.json`;
}

/** Site path of a diagnostic rule's documentation page. */
export function rulePath(ruleId: string): string {
  return `/regles/${ruleId}/`;
}
