/**
 * The chapter cache and the worker threads change how fast content loads, never what it gives: the same
 * datasets, data files (byte for byte) and diagnostics with one thread, two threads, a cold and a warm cache.
 * A re-export of unchanged content skips writing only when the target already holds exactly that export.
 * Workbooks written on a worker thread are the same bytes as on the calling thread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataFiles, defaultCacheDir, loadContent, toXlsx, type LoadOptions } from '../src/lib/index.ts';
import { toXlsxAll } from '../src/lib/xlsx.ts';
import { contentWith, FIXTURES, ROOT, tempDir } from './helpers.ts';

async function outcome(dir: string, options: LoadOptions) {
  const build = await loadContent(dir, options);
  const files = build.reporter.errorCount === 0 ? await dataFiles(build) : new Map();
  return { diagnostics: build.reporter.diagnostics, files: [...files].map(([path, content]) => [path, Buffer.from(content).toString('base64')]) };
}

function entries(cache: string): string[] {
  return readdirSync(join(cache, 'chapters')).sort();
}

test('the shipped content gives the same bytes on one thread, two threads, a cold and a warm cache', async () => {
  const cache = tempDir();
  try {
    const content = join(ROOT, 'content');
    const reference = await outcome(content, { workers: 1 });
    assert.ok(reference.files.length > 500);
    assert.deepEqual(await outcome(content, { workers: 2 }), reference);
    assert.deepEqual(await outcome(content, { workers: 1, cache: cache.dir }), reference);
    const chapters = readdirSync(content, { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
    assert.equal(entries(cache.dir).length, chapters);
    assert.ok(entries(cache.dir).every((name) => /^[0-9a-f]{64}\.bin$/.test(name)));
    assert.deepEqual(await outcome(content, { workers: 1, cache: cache.dir }), reference);
    // A damaged entry is computed again.
    writeFileSync(join(cache.dir, 'chapters', entries(cache.dir)[0] ?? ''), 'pas un résultat');
    assert.deepEqual(await outcome(content, { workers: 2, cache: cache.dir }), reference);
  } finally {
    cache.cleanup();
  }
});

test('diagnostics come back from the cache and from worker threads as they were reported', async () => {
  const cache = tempDir();
  const content = contentWith(join(FIXTURES, 'cases', 'directive-unclosed', 'content'));
  try {
    // Invalid UTF-8 in another chapter: its requirements are missing, hence errors in edition.yml too.
    const file = join(content.dir, '2025', 'securite', 'hebergement.md');
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('\n\n\n\xff\n', 'latin1')]));
    const reference = await outcome(content.dir, { workers: 1 });
    assert.deepEqual(reference.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`), [
      'id-disappeared 10:3', 'retrait-invalid 11:19', 'directive-unclosed 9:1', 'encoding-invalid 17:1',
    ]);
    assert.deepEqual(await outcome(content.dir, { workers: 2 }), reference);
    assert.deepEqual(await outcome(content.dir, { cache: cache.dir }), reference);
    assert.deepEqual(await outcome(content.dir, { cache: cache.dir }), reference);
    // A changed chapter is a new entry; the others are reused.
    const before = entries(cache.dir);
    writeFileSync(file, readFileSync(join(FIXTURES, 'base', '2025', 'securite', 'hebergement.md')));
    const fixed = await outcome(content.dir, { cache: cache.dir });
    assert.deepEqual(fixed.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`), ['directive-unclosed 9:1']);
    assert.equal(entries(cache.dir).length, before.length + 1);
  } finally {
    content.cleanup();
    cache.cleanup();
  }
});

test('defaultCacheDir: DOCTRINE_CACHE_DIR, or node_modules/.cache/doctrine', () => {
  const saved = process.env.DOCTRINE_CACHE_DIR;
  try {
    delete process.env.DOCTRINE_CACHE_DIR;
    assert.equal(defaultCacheDir(), join(process.cwd(), 'node_modules', '.cache', 'doctrine'));
    process.env.DOCTRINE_CACHE_DIR = '/tmp/cache-doctrine';
    assert.equal(defaultCacheDir(), '/tmp/cache-doctrine');
    for (const off of ['', 'off']) {
      process.env.DOCTRINE_CACHE_DIR = off;
      assert.equal(defaultCacheDir(), false);
    }
  } finally {
    if (saved === undefined) delete process.env.DOCTRINE_CACHE_DIR;
    else process.env.DOCTRINE_CACHE_DIR = saved;
  }
});

function exportCli(content: string, out: string, cache: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'doctrine.mjs'), 'export', '--content', content, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DOCTRINE_CACHE_DIR: cache },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('export: unchanged content already exported there is not written again; any difference is', () => {
  const work = tempDir();
  const content = contentWith();
  try {
    const cache = join(work.dir, 'cache');
    const out = join(work.dir, 'api');
    // A warning, to check that a skipped export reports the same diagnostics.
    const file = join(content.dir, '2025', 'interoperabilite', 'identite.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('cibles="ent,ressources"', 'cibles="ent,ressources,ent"'));
    const first = exportCli(content.dir, out, cache);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /\d+ fichiers écrits dans /);
    assert.match(first.stdout, /warning value-duplicate/);
    const inode = statSync(out).ino;
    const again = exportCli(content.dir, out, cache);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, first.stdout);
    assert.match(again.stderr, /^0 erreur, 1 avertissement — 2 éditions, 6 exigences valides\nContenu inchangé : .* contient déjà ces \d+ fichiers\n$/);
    assert.equal(statSync(out).ino, inode);
    // A damaged or extra file in the target, a change of content: written again.
    const csv = join(out, '2025', 'exigences.csv');
    const original = readFileSync(csv);
    writeFileSync(csv, 'abîmé');
    assert.match(exportCli(content.dir, out, cache).stderr, /fichiers écrits/);
    assert.deepEqual(readFileSync(csv), original);
    writeFileSync(join(out, 'en-trop.txt'), 'x');
    assert.match(exportCli(content.dir, out, cache).stderr, /fichiers écrits/);
    assert.ok(!existsSync(join(out, 'en-trop.txt')));
    assert.match(exportCli(content.dir, out, cache).stderr, /Contenu inchangé/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('sans nouvelle saisie', 'sans aucune nouvelle saisie'));
    assert.match(exportCli(content.dir, out, cache).stderr, /fichiers écrits/);
    // Another target folder: written.
    assert.match(exportCli(content.dir, join(work.dir, 'autre'), cache).stderr, /fichiers écrits/);
  } finally {
    content.cleanup();
    work.cleanup();
  }
});

test('workbooks of large datasets, written on a worker thread, are the same bytes', async () => {
  const build = await loadContent(join(ROOT, 'content'), { workers: 1 });
  const dataset = build.editions.find((e) => e.name === '2025')?.dataset;
  assert.ok(dataset);
  // 1,030 requirements: five copies of the edition's, renumbered.
  const exigences = [0, 1, 2, 3, 4].flatMap((k) => dataset.exigences.map((e) => ({ ...e, id: `${e.id.slice(0, -2)}${k}${e.id.slice(-2)}` })));
  const large = { ...dataset, exigences };
  const [book] = await toXlsxAll([large]);
  assert.ok(book && book.length > 50_000);
  assert.deepEqual(Buffer.from(book), Buffer.from(await toXlsx(large)));
});
