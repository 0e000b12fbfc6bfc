/**
 * writeTreeAtomic: a folder is replaced whole or not at all, even when a write fails among many in flight.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeTreeAtomic } from '../src/lib/index.ts';
import { tempDir } from './helpers.ts';

test('a tree of many files is written whole; a failing write leaves the previous folder untouched and no temporary folder', async (t) => {
  const { dir: parent, cleanup } = tempDir('write-tree-');
  t.after(cleanup);
  const out = join(parent, 'out');

  const files = new Map<string, string>();
  for (let i = 0; i < 200; i++) files.set(`d${i % 7}/f${i}.json`, `${i}\n`);
  await writeTreeAtomic(out, files);
  assert.equal(readdirSync(out, { recursive: true }).filter((p) => String(p).endsWith('.json')).length, 200);
  assert.equal(readFileSync(join(out, 'd3/f10.json'), 'utf8'), '10\n');

  writeFileSync(join(out, 'marker'), 'previous');
  // `d0` is both a folder (of d0/f0.json…) and a file: its write fails (EISDIR) among the others.
  const broken = new Map<string, string>([...files, ['d0', 'not a folder']]);
  await assert.rejects(writeTreeAtomic(out, broken), { code: 'EISDIR' });
  assert.equal(readFileSync(join(out, 'marker'), 'utf8'), 'previous');
  assert.deepEqual(readdirSync(parent), ['out']);
});
