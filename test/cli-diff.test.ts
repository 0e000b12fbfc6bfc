/** `doctrine diff` as users run it: editions or dataset files, three formats, clear usage errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffEditions, getValidator, loadContent, toJson, type EditionDataset } from '../src/lib/index.ts';
import { cli, contentWith, FIXTURES, ROOT, tempDir } from './helpers.ts';

const FIXTURE = join(FIXTURES, 'evolutions');
const CONTENT = join(FIXTURE, 'content');
const golden = (name: string) => readFileSync(join(FIXTURE, 'expected', name), 'utf8');

/** Exports the fixture once, so that tests can diff dataset files. */
const exported = tempDir();
const API = join(exported.dir, 'api');
assert.equal(cli(['export', '--content', CONTENT, '--out', API]).status, 0);
process.on('exit', exported.cleanup);

test('editions of the content: JSON = the golden changelog, schema-valid; text and md', () => {
  const json = cli(['diff', '2023', '2024', '--content', CONTENT, '--format', 'json']);
  assert.equal(json.status, 0, json.stderr);
  assert.equal(json.stdout, golden('2023..2024.json'));
  assert.ok(getValidator('changelog')(JSON.parse(json.stdout)));
  const text = cli(['diff', '2023', '2024', '--content', CONTENT]);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /^Évolutions de l’édition 2023 à l’édition 2024\nRésumé : 3 ajoutées, 2 retirées, 1 scindée, /);
  assert.match(text.stdout, /\nSEC-HEB-01 {2}reformulée {15}Hébergement dans l'Union européenne — formulation\n {4}énoncé : Le service \[-devrait héberger-\]\{\+héberge\+\} les données \{\+et leurs copies \+\}dans l'Union européenne\.\n/);
  const md = cli(['diff', '2023', '2024', '--content', CONTENT, '--format', 'md']);
  assert.equal(md.status, 0);
  assert.match(md.stdout, /\n- \*\*SEC-CHI-01\*\* \[Chiffrement en transit\]\([^)]+\) — \+ Ressources numériques\n/);
  assert.match(md.stdout, /\n- \*\*INT-IDA-01\*\* \[Propagation d’identité\]\([^)]+\) — \+ GAR\n/);
});

test('dataset files as written by `doctrine export`, alone or mixed with an edition name', () => {
  const files = cli(['diff', join(API, '2023', 'exigences.json'), join(API, '2024', 'exigences.json'), '--format', 'json']);
  assert.equal(files.status, 0, files.stderr);
  assert.equal(files.stdout, golden('2023..2024.json'));
  const mixed = cli(['diff', join(API, '2025', 'exigences.json'), '2023', '--content', CONTENT, '--format', 'json']);
  assert.equal(mixed.status, 0, mixed.stderr);
  assert.equal(mixed.stdout, golden('2025..2023.json'));
  // The published changelog is the same file.
  assert.equal(readFileSync(join(API, 'evolutions', '2025..2023.json'), 'utf8'), golden('2025..2023.json'));
});

test('the shipped editions: JSON output is the library’s changelog and validates', async () => {
  const result = cli(['diff', '2024', '2025', '--format', 'json']);
  assert.equal(result.status, 0, result.stderr);
  const build = await loadContent(join(ROOT, 'content'));
  const dataset = (name: string) => build.editions.find((e) => e.name === name)?.dataset as EditionDataset;
  assert.equal(result.stdout, toJson(diffEditions(dataset('2024'), dataset('2025'))));
  assert.ok(getValidator('changelog')(JSON.parse(result.stdout)));
});

function usageError(args: string[], expected: RegExp): void {
  const result = cli(args);
  assert.equal(result.status, 2, `doctrine ${args.join(' ')}: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.match(result.stderr, expected);
}

test('usage errors exit 2 with a clear French message', () => {
  usageError(['diff', '2023'], /^doctrine diff : deux éditions attendues, A et B\nUsage : doctrine diff A B/);
  usageError(['diff', '2023', '2024', '2025'], /deux éditions attendues, A et B, reçu 3 arguments/);
  usageError(['diff', '2023', '2024', '--format', 'html'], /format « html » inconnu, attendu : text, md, json/);
  usageError(['diff', '2019', '2024', '--content', CONTENT], /édition « 2019 » introuvable dans « [^»]+ », attendu : 2023, 2024, 2025/);
  usageError(['diff', '2023', '2024', '--content', join(FIXTURE, 'nope')], /dossier de contenu « [^»]+nope » introuvable/);
  usageError(['diff', join(API, 'nope.json'), '2024', '--content', CONTENT], /jeu de données « [^»]+nope\.json » refusé :\n {2}[^\n]+nope\.json : fichier introuvable\n/);
  usageError(['diff', API, '2024', '--content', CONTENT], /c’est un dossier, attendu un fichier JSON/);
  usageError(['diff', join(API, 'editions.json'), '2024', '--content', CONTENT], /editions\.json:1:1: ce fichier déclare le schéma « editions », attendu un jeu de données d’édition/);
});

test('a dataset file that is not JSON, not UTF-8 or not valid is refused at its place', () => {
  const dir = tempDir();
  try {
    const bad = (name: string, content: string | Buffer) => {
      const file = join(dir.dir, name);
      writeFileSync(file, content);
      return file;
    };
    usageError(['diff', bad('syntax.json', '{\n  "edition": ,\n}'), '2024', '--content', CONTENT], /syntax\.json:2:14: JSON invalide, caractère « , » inattendu\n/);
    usageError(['diff', bad('latin1.json', Buffer.from([0x7b, 0xe9, 0x7d])), '2024', '--content', CONTENT], /latin1\.json : fichier non encodé en UTF-8/);
    // A dataset whose first requirement lost its niveau and whose second has an unknown one.
    const dataset = JSON.parse(readFileSync(join(API, '2024', 'exigences.json'), 'utf8')) as EditionDataset;
    delete (dataset.exigences[0] as Partial<EditionDataset['exigences'][number]>).niveau;
    (dataset.exigences[1] as { niveau: string }).niveau = 'facultatif';
    const text = JSON.stringify(dataset, null, 2);
    const line = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const file = bad('invalid.json', text);
    usageError(['diff', file, '2024', '--content', CONTENT], new RegExp(
      `invalid\\.json:${line('"INT-IDA-01"') - 1}:5: Propriété « niveau » manquante dans « exigences\\.0 »\\n` +
        `\\s+[^\\n]*invalid\\.json:${line('"facultatif"')}:\\d+: Valeur « facultatif » inattendue pour « exigences\\.1\\.niveau », attendu : obligatoire, recommandé`,
    ));
  } finally {
    dir.cleanup();
  }
});

test('content errors exit 1 with located diagnostics, nothing on stdout', () => {
  const content = contentWith(join(FIXTURES, 'cases', 'niveau-unknown', 'content'));
  try {
    const result = cli(['diff', '2024', '2025', '--content', content.dir, '--format', 'json']);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /:\d+:\d+: error niveau-unknown /);
    assert.match(result.stderr, /erreur\(s\) de contenu : corrigez-les \(doctrine validate\) avant de comparer les éditions\.\n$/);
  } finally {
    content.cleanup();
  }
});

test('the published changelogs and the catalog', () => {
  const catalog = JSON.parse(readFileSync(join(API, 'editions.json'), 'utf8')) as { evolutions: { from: string; to: string; file: { path: string } }[] };
  assert.deepEqual(catalog.evolutions.map((e) => `${e.from}..${e.to} ${e.file.path}`), [
    '2023..2024 evolutions/2023..2024.json', '2023..2025 evolutions/2023..2025.json', '2024..2023 evolutions/2024..2023.json',
    '2024..2025 evolutions/2024..2025.json', '2025..2023 evolutions/2025..2023.json', '2025..2024 evolutions/2025..2024.json',
  ]);
  for (const e of catalog.evolutions) assert.equal(readFileSync(join(API, e.file.path), 'utf8'), golden(`${e.from}..${e.to}.json`));
});
