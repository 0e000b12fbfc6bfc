/** Equivalent encodings of the same content give the same dataset, with no diagnostic. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../src/lib/index.ts';
import { contentWith, BASE_CONTENT } from './helpers.ts';

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|yml)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

async function datasets(dir: string) {
  const build = await loadContent(dir);
  assert.deepEqual(build.reporter.diagnostics, []);
  return build.editions.map((e) => e.dataset);
}

const transforms: Record<string, (text: string) => string> = {
  'CRLF line endings': (t) => t.replace(/\n/g, '\r\n'),
  'a UTF-8 BOM': (t) => '\uFEFF' + t,
  'NFD-decomposed accents': (t) => t.normalize('NFD'),
  'trailing spaces and tabs': (t) => t.replace(/\n/g, '  \t\n'),
};

const reference = await datasets(BASE_CONTENT);

test('the base fixture has accents to decompose', () => {
  assert.match(readFileSync(join(BASE_CONTENT, '2025', 'securite', 'hebergement.md'), 'utf8'), /é/);
});

for (const [name, transform] of Object.entries(transforms)) {
  test(`${name} give the same dataset as the clean files`, async () => {
    const content = contentWith();
    try {
      for (const file of allFiles(content.dir)) writeFileSync(file, transform(readFileSync(file, 'utf8')));
      assert.deepEqual(await datasets(content.dir), reference);
    } finally {
      content.cleanup();
    }
  });
}
