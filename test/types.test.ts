/**
 * The published TypeScript declarations (`/api/v1/types/doctrine.d.ts`) against the real exported data: a
 * consumer's module that types the real catalog, every dataset and a requirement file as literals (so that every
 * enum value and every property is checked, excess ones included) compiles with tsc --strict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataFiles, loadContent, TYPES_PATH } from '../src/lib/index.ts';
import { ROOT, tempDir } from './helpers.ts';

const content = await loadContent(join(ROOT, 'content'));
const files = await dataFiles(content);
const text = (path: string) => {
  const data = files.get(path);
  assert.ok(typeof data === 'string', path);
  return data.trimEnd(); // `satisfies` must follow on the same line (no semicolon insertion)
};

function tsc(dir: string) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: dir, encoding: 'utf8' });
}

test('a consumer typed with doctrine.d.ts compiles against the real data, and a wrong value does not', () => {
  const temp = tempDir('doctrine-types-');
  try {
    writeFileSync(join(temp.dir, 'doctrine.d.ts'), text(TYPES_PATH));
    const editions = content.editions.map((e) => e.name);
    const lines = [
      "import type { Catalogue, EditionDataset, Exigence } from './doctrine.js';",
      `export const catalogue = ${text('editions.json')} satisfies Catalogue;`,
      ...editions.map((name) => `export const dataset${name} = ${text(`${name}/exigences.json`)} satisfies EditionDataset;`),
      `export const exigence = ${text('2025/exigences/INT-IDA-01.json')} satisfies Exigence;`,
      '// What a consumer writes:',
      'export function obligatoires(dataset: EditionDataset, cible: string): string[] {',
      "  return dataset.exigences.filter((e) => e.niveau === 'obligatoire' && e.cibles.includes(cible)).map((e) => e.citation);",
      '}',
      "export const enVigueur: string | null = catalogue.enVigueur;",
      '',
    ];
    writeFileSync(join(temp.dir, 'package.json'), '{ "type": "module" }\n');
    const options = { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: [] };
    writeFileSync(join(temp.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['consumer.ts'] }));
    writeFileSync(join(temp.dir, 'consumer.ts'), lines.join('\n'));
    const ok = tsc(temp.dir);
    assert.equal(ok.stdout + ok.stderr, '');
    assert.equal(ok.status, 0);
    // The check has teeth: an unknown niveau is rejected at its line.
    const wrong = [lines[0], `export const exigence = ${text('2025/exigences/INT-IDA-01.json').replace('"niveau": "obligatoire"', '"niveau": "facultatif"')} satisfies Exigence;`].join('\n');
    writeFileSync(join(temp.dir, 'consumer.ts'), wrong);
    const failed = tsc(temp.dir);
    assert.equal(failed.status, 2);
    assert.match(failed.stdout, /consumer\.ts\(\d+,\d+\): error TS2322: Type '"facultatif"' is not assignable to type '"obligatoire" \| "recommandé"'/);
  } finally {
    temp.cleanup();
  }
});
