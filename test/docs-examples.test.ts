/**
 * The examples of docs/utiliser-les-donnees.md run as readers would run them (bash with curl and jq, Node's fetch,
 * Python's standard library) against the built site's /api/v1/ served on a loopback port, and print what the
 * data says.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SITE_URL, type EditionDataset } from '../src/lib/index.ts';
import { ROOT, tempDir } from './helpers.ts';
import { DIST, serveDist } from './site-helpers.ts';

const run = promisify(execFile);
const DOC = readFileSync(join(ROOT, 'docs', 'utiliser-les-donnees.md'), 'utf8');
const blocks = [...DOC.matchAll(/^```(sh|js|python)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? '', code: m[2] ?? '' }));
const dataset = (edition: string) => JSON.parse(readFileSync(join(DIST, 'api', 'v1', edition, 'exigences.json'), 'utf8')) as EditionDataset;

let server: Awaited<ReturnType<typeof serveDist>>;
let work: ReturnType<typeof tempDir>;

before(async () => {
  server = await serveDist();
  work = tempDir('doctrine-docs-');
});

after(async () => {
  await server?.close();
  work?.cleanup();
});

/** Runs one example with the site's origin in place of the production one; returns its standard output. */
async function example(index: number): Promise<string> {
  const block = blocks[index];
  assert.ok(block, `example ${index} exists`);
  const code = block.code.split(SITE_URL).join(server.origin);
  const file = join(work.dir, `exemple-${index}.${{ sh: 'sh', js: 'mjs', python: 'py' }[block.lang]}`);
  writeFileSync(file, code);
  const [command, args] = block.lang === 'sh' ? ['bash', ['-euo', 'pipefail', file]] : block.lang === 'js' ? [process.execPath, [file]] : ['python3', [file]];
  const { stdout, stderr } = await run(command, args as string[], { cwd: work.dir, encoding: 'utf8' });
  assert.equal(stderr, '', `example ${index} wrote to stderr`);
  return stdout;
}

test('the page has the examples this test knows', () => {
  assert.deepEqual(blocks.map((b) => b.lang), ['sh', 'sh', 'sh', 'sh', 'js', 'python']);
});

test('curl + jq: the URL of the dataset in force', async () => {
  assert.equal(await example(0), `${SITE_URL}/api/v1/2025/exigences.json\n`);
});

test('curl + jq: mandatory requirements for ENTs', async () => {
  const expected = dataset('2025').exigences.filter((e) => e.niveau === 'obligatoire' && e.cibles.includes('ent'));
  assert.ok(expected.length > 10);
  assert.equal(await example(1), expected.map((e) => `${e.citation}\t${e.title}\n`).join(''));
});

test('curl + jq: one requirement and its hash in two editions', async () => {
  const output = await example(2);
  const a = dataset('2024').exigences.find((e) => e.id === 'INT-IDA-01');
  const b = dataset('2025').exigences.find((e) => e.id === 'INT-IDA-01');
  assert.ok(a && b);
  const json = output.slice(0, output.indexOf('}\n') + 2);
  assert.deepEqual(JSON.parse(json), { citation: b.citation, niveau: b.niveau, title: b.title, cibles: b.cibles });
  assert.equal(output.slice(json.length), `2024/INT-IDA-01 ${a.hash}\n2025/INT-IDA-01 ${b.hash}\n`);
});

test('curl + jq: a download checked against the catalog', async () => {
  assert.equal(await example(3), 'exigences.csv: OK\n');
});

test('JavaScript fetch: checks the hash and counts requirements by niveau', async () => {
  const { exigences } = dataset('2025');
  const count = (niveau: string) => exigences.filter((e) => e.niveau === niveau).length;
  assert.equal(await example(4), `Édition 2025 : ${exigences.length} exigences { obligatoire: ${count('obligatoire')}, 'recommandé': ${count('recommandé')} }\n`);
});

test('Python: checks the hash, lists mandatory requirements for resources, reads the CSV', async () => {
  const { exigences } = dataset('2025');
  const first = exigences[0];
  assert.ok(first);
  const lines = exigences.filter((e) => e.niveau === 'obligatoire' && e.cibles.includes('ressources')).map((e) => `${e.citation} ${e.title}\n`);
  const cibles = `[${first.cibles.map((c) => `'${c}'`).join(', ')}]`;
  assert.equal(await example(5), `${lines.join('')}${exigences.length} lignes ; cibles de ${first.id} : ${cibles}\n`);
});
