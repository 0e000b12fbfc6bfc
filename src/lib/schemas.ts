import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { schemaId } from './site.ts';

/**
 * The folder of the published JSON Schemas (draft 2020-12): beside the library's sources, or, when the library
 * runs bundled (Astro's prerendering moves modules to dist/.prerender), under the current project root.
 */
export const SCHEMAS_DIR = [fileURLToPath(new URL('../../schemas/', import.meta.url)), resolve('schemas') + '/'].find((dir) =>
  existsSync(dir + 'exigence.schema.json'),
) ?? resolve('schemas') + '/';

export const SCHEMA_NAMES = [
  'changelog',
  'diagnostics',
  'edition-lock',
  'edition-meta',
  'edition-source',
  'editions',
  'exigence',
  'exigences',
  'vocabulaires',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export interface JsonSchema {
  $id: string;
  [key: string]: unknown;
}

/** Reads every `*.schema.json` file of the schemas folder, sorted by name. */
export function readSchemas(): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  for (const file of readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
    out.set(file.replace(/\.schema\.json$/, ''), JSON.parse(readFileSync(SCHEMAS_DIR + file, 'utf8')) as JsonSchema);
  }
  return out;
}

let shared: Ajv2020 | undefined;

/** One strict ajv instance holding every schema (strict, allErrors, formats). */
export function getAjv(): Ajv2020 {
  if (!shared) {
    shared = new Ajv2020({ strict: true, allErrors: true });
    (addFormats as unknown as (ajv: Ajv2020) => void)(shared);
    for (const schema of readSchemas().values()) shared.addSchema(schema);
  }
  return shared;
}

export function getValidator(name: SchemaName): ValidateFunction {
  const validate = getAjv().getSchema(schemaId(name));
  if (!validate) throw new Error(`Schema ${name} is not loaded`);
  return validate;
}

/** Splits a JSON pointer (`/exigences/3/cibles`) into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `« ${value} »` : JSON.stringify(value);
}

/** A French sentence for one ajv error, for authors (never ajv's own text). */
export function describeSchemaError(error: ErrorObject, data: unknown): { path: string[]; message: string } {
  const path = pointerSegments(error.instancePath);
  let value: unknown = data;
  for (const seg of path) value = (value as Record<string, unknown> | undefined)?.[seg];
  const where = path.length ? `« ${path.join('.')} »` : 'le document';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `Propriété « ${String(params.missingProperty)} » manquante dans ${where}` };
    case 'additionalProperties':
      return {
        path: [...path, String(params.additionalProperty)],
        message: `Propriété « ${String(params.additionalProperty)} » inattendue dans ${where}`,
      };
    case 'enum':
      return {
        path,
        message: `Valeur ${shown(value)} inattendue pour ${where}, attendu : ${(params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}`,
      };
    case 'const':
      return { path, message: `Valeur ${shown(value)} inattendue pour ${where}, attendu ${shown(params.allowedValue)}` };
    case 'type':
      return { path, message: `Type inattendu pour ${where}, attendu ${String(params.type)}` };
    case 'pattern':
      return { path, message: `Valeur ${shown(value)} mal formée pour ${where}` };
    case 'format':
      return { path, message: `Valeur ${shown(value)} inattendue pour ${where}, attendu le format ${String(params.format)}` };
    case 'minItems':
    case 'minLength':
      return { path, message: `Valeur vide pour ${where}` };
    case 'uniqueItems':
      return { path, message: `Valeur répétée dans ${where}` };
    default:
      return { path, message: `Valeur inattendue pour ${where} (règle de schéma ${error.keyword})` };
  }
}
