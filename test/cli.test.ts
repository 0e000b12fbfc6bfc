/** The CLI as users run it: exit codes, output formats, deterministic and atomic export. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { getValidator } from '../src/lib/index.ts';
import { BASE_CONTENT, cli, contentWith, FIXTURES, tempDir } from './helpers.ts';

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const path = join(e.parentPath, e.name);
      out[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  }
  return out;
}

test('validate: clean content exits 0 with a summary', () => {
  const result = cli(['validate', '--content', BASE_CONTENT]);
  assert.equal(result.status, 0);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^0 erreur, 0 avertissement — 2 éditions, 6 exigences valides\n$/);
});

test('validate --format json prints schema-valid diagnostics', () => {
  const content = contentWith(join(FIXTURES, 'cases', 'id-duplicate-same-file', 'content'));
  try {
    const result = cli(['validate', '--content', content.dir, '--format', 'json']);
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as unknown[];
    const validate = getValidator('diagnostics');
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.equal(report.length, 1);
    assert.match(JSON.stringify(report[0]), /"ruleId":"id-duplicate"/);
  } finally {
    content.cleanup();
  }
});

test('usage errors exit 2 with a message and no stack', () => {
  for (const args of [[], ['frobnicate'], ['validate', '--format', 'xml'], ['validate', '--nope'], ['export'], ['validate', '--content', '/nonexistent']]) {
    const result = cli(args);
    assert.equal(result.status, 2, `doctrine ${args.join(' ')}`);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.notEqual(result.stderr.trim(), '');
  }
});

test('export writes schema-valid files, twice the same bytes', () => {
  const out = tempDir();
  try {
    const a = join(out.dir, 'a');
    const b = join(out.dir, 'b');
    assert.equal(cli(['export', '--content', BASE_CONTENT, '--out', a]).status, 0);
    assert.equal(cli(['export', '--content', BASE_CONTENT, '--out', b]).status, 0);
    const files = tree(a);
    assert.deepEqual(files, tree(b));
    assert.ok('editions.json' in files && '2025/exigences.json' in files && '2025/exigences.csv' in files);
    assert.ok('2025/exigences/INT-IDA-01.json' in files && 'schemas/exigence.schema.json' in files);
    // Every JSON file validates against the schema it names.
    for (const path of Object.keys(files).filter((p) => p.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(a, path), 'utf8')) as { $schema?: string };
      if (path.startsWith('schemas/') || path.endsWith('/datapackage.json')) continue; // see test/data.test.ts
      const name = /\/schemas\/([a-z-]+)\.schema\.json$/.exec(data.$schema ?? '')?.[1];
      assert.ok(name, `${path} names its schema`);
      const validate = getValidator(name as never);
      assert.ok(validate(data), `${path}: ${JSON.stringify(validate.errors)}`);
    }
    // The catalog's checksums are those of the files.
    const catalog = JSON.parse(readFileSync(join(a, 'editions.json'), 'utf8')) as { editions: { files: { path: string; sha256: string; bytes: number }[] }[] };
    for (const file of catalog.editions.flatMap((e) => e.files)) {
      const bytes = readFileSync(join(a, file.path));
      assert.equal(file.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(file.bytes, bytes.length);
    }
  } finally {
    out.cleanup();
  }
});

test('a failed export leaves the previous output untouched', () => {
  const out = tempDir();
  const content = contentWith(join(FIXTURES, 'cases', 'niveau-unknown', 'content'));
  try {
    const target = join(out.dir, 'api');
    assert.equal(cli(['export', '--content', BASE_CONTENT, '--out', target]).status, 0);
    const before = tree(target);
    const result = cli(['export', '--content', content.dir, '--out', target]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /niveau-unknown/);
    assert.deepEqual(tree(target), before);
    assert.deepEqual(readdirSync(out.dir), ['api']);
  } finally {
    out.cleanup();
    content.cleanup();
  }
});

test('export refuses to replace a folder that is not a previous export', () => {
  const out = tempDir();
  try {
    mkdirSync(join(out.dir, 'precious'));
    writeFileSync(join(out.dir, 'precious', 'notes.txt'), 'keep me');
    const result = cli(['export', '--content', BASE_CONTENT, '--out', join(out.dir, 'precious')]);
    assert.equal(result.status, 2);
    assert.ok(existsSync(join(out.dir, 'precious', 'notes.txt')));
  } finally {
    out.cleanup();
  }
});
