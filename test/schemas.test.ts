/** The published schemas: valid against the meta-schema, documented, with passing and failing examples. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getValidator, ID_PATTERN, loadContent, readSchemas, schemaId, type SchemaName } from '../src/lib/index.ts';
import { getAjv } from '../src/lib/schemas.ts';
import { generateTypes, TYPES_FILE } from '../scripts/generate-types.ts';
import { DICTIONARY_FILE } from '../scripts/generate-docs.ts';
import { dataDictionaryMarkdown } from '../src/lib/index.ts';
import { BASE_CONTENT } from './helpers.ts';

const schemas = readSchemas();

test('every schema is valid draft 2020-12 and served at its $id', () => {
  assert.ok(schemas.size >= 6);
  for (const [name, schema] of schemas) {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', name);
    assert.equal(schema.$id, schemaId(name), name);
    assert.ok(getAjv().validateSchema(schema), `${name}: ${JSON.stringify(getAjv().errors)}`);
  }
});

test('every property has a French title and a description', () => {
  const missing: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries((record.properties as Record<string, unknown>) ?? {})) {
      const prop = value as Record<string, unknown>;
      const viaRef = typeof prop.$ref === 'string' && !('title' in prop);
      if (!viaRef && (typeof prop.title !== 'string' || typeof prop.description !== 'string')) missing.push(`${path}/${key}`);
      walk(prop, `${path}/${key}`);
    }
    for (const key of ['items', '$defs', 'oneOf']) {
      const child = record[key];
      if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${path}/${key}/${i}`));
      else if (key === '$defs' && child) for (const [k, v] of Object.entries(child)) walk(v, `${path}/$defs/${k}`);
      else walk(child, `${path}/${key}`);
    }
  };
  for (const [name, schema] of schemas) walk(schema, name);
  assert.deepEqual(missing, []);
});

test('the ID grammar of the code is the schema’s', () => {
  const exigence = schemas.get('exigence') as unknown as { $defs: { id: { pattern: string } } };
  assert.equal(exigence.$defs.id.pattern, ID_PATTERN);
});

test('the generated TypeScript types match the schemas (npm run gen:types)', async () => {
  assert.equal(readFileSync(TYPES_FILE, 'utf8'), await generateTypes());
});

test('the data dictionary matches the schemas (npm run gen:docs)', () => {
  const markdown = readFileSync(DICTIONARY_FILE, 'utf8');
  assert.equal(markdown, dataDictionaryMarkdown());
  assert.match(markdown, /\n\| `cibles` \| array \| oui \| Cibles \|/);
  assert.match(markdown, /\n\| `exigences\[\]` \| objet « exigence » \(voir sa table\) \| oui \| Exigence \|/);
});

const build = await loadContent(BASE_CONTENT);
const dataset = build.editions[1]?.dataset;
assert.ok(dataset);
const exigence = dataset.exigences[0];
assert.ok(exigence);

function failsAt(schema: SchemaName, data: unknown, keyword: string, instancePath: string) {
  const validate = getValidator(schema);
  assert.equal(validate(data), false, `${schema} should reject ${JSON.stringify(data).slice(0, 80)}`);
  assert.ok(
    validate.errors?.some((e) => e.keyword === keyword && e.instancePath === instancePath),
    `expected ${keyword} at "${instancePath}", got ${JSON.stringify(validate.errors?.map((e) => [e.keyword, e.instancePath]))}`,
  );
}

test('valid examples pass', () => {
  assert.ok(getValidator('exigences')(dataset));
  assert.ok(getValidator('exigence')({ $schema: schemaId('exigence'), ...exigence }));
  assert.ok(getValidator('vocabulaires')(dataset.vocabulaires));
  assert.ok(getValidator('edition-meta')(dataset.edition));
  assert.ok(getValidator('diagnostics')([]));
});

test('invalid examples fail at the stated keyword and path', () => {
  const { niveau: _n, ...withoutNiveau } = exigence;
  failsAt('exigence', withoutNiveau, 'required', '');
  failsAt('exigence', { ...exigence, niveau: 'facultatif' }, 'enum', '/niveau');
  failsAt('exigence', { ...exigence, id: 'int-ida-1' }, 'pattern', '/id');
  failsAt('exigence', { ...exigence, cibles: [] }, 'minItems', '/cibles');
  failsAt('exigence', { ...exigence, couleur: 'bleu' }, 'additionalProperties', '');
  failsAt('exigence', { ...exigence, echeance: '2026-13-01' }, 'format', '/echeance');
  failsAt('exigence', { ...exigence, hash: 'md5:00' }, 'pattern', '/hash');
  failsAt('exigences', { ...dataset, schemaVersion: '2.0.0' }, 'pattern', '/schemaVersion');
  failsAt('exigences', { ...dataset, exigences: [{ ...exigence, lineage: { introducedIn: '25' } }] }, 'required', '/exigences/0/lineage');
  failsAt('edition-meta', { ...dataset.edition, statut: 'publiée' }, 'enum', '/statut');
  failsAt('edition-meta', { ...dataset.edition, publication: '2025-13' }, 'pattern', '/publication');
  failsAt('vocabulaires', { ...dataset.vocabulaires, cibles: [{ id: 'ENT', libelle: 'x' }] }, 'pattern', '/cibles/0/id');
  failsAt('diagnostics', [{ file: 'a.md', line: 0, column: 1, severity: 'error', ruleId: 'x', message: 'm', url: 'https://x.example/' }], 'minimum', '/0/line');
  failsAt('editions', { $schema: schemaId('editions'), schemaVersion: '1.0.0', licence: { name: 'x', url: 'https://x.example/' }, enVigueur: '25', editions: [] }, 'pattern', '/enVigueur');
});
