/**
 * Frozen editions and the edition lifecycle, through the CLI as authors run it: an edited published edition
 * fails at the edited requirement; an erratum makes the change visible in edition.yml and in the data; a new
 * edition starts as a draft copy; publishing supersedes the edition in force and writes the lock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describeErratum, lockText, editionLock, requirementHashes, editionRequirements, loadContent, type Catalogue, type EditionDataset } from '../src/lib/index.ts';
import { cli, contentWith, ROOT, tempDir } from './helpers.ts';

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

test('the shipped published editions match their committed locks', async () => {
  const build = await loadContent(join(ROOT, 'content'));
  for (const edition of build.editions) {
    assert.equal(edition.meta?.statut === 'projet', false, `${edition.name} is published`);
    const lock = readFileSync(join(edition.dir, 'edition.lock.json'), 'utf8');
    assert.equal(lock, lockText(editionLock(edition.name, requirementHashes(editionRequirements(edition)))), edition.name);
  }
});

test('editing a shipped published edition is reported at the requirement, pointing to its lock', async () => {
  const temp = tempDir();
  try {
    const content = join(temp.dir, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const file = join(content, '2024', 'securite', 'hebergement.md');
    const lines = readFileSync(file, 'utf8').split('\n');
    const open = lines.findIndex((l) => l.startsWith(':::exigence') && l.includes('#SEC-HEB-03'));
    assert.ok(open > 0);
    lines[open + 1] = `${lines[open + 1]} Correction ajoutée.`;
    writeFileSync(file, lines.join('\n'));
    const lock = join(content, '2024', 'edition.lock.json');
    const lockLine = readFileSync(lock, 'utf8').split('\n').findIndex((l) => l.includes('"SEC-HEB-03"')) + 1;
    const build = await loadContent(content);
    assert.deepEqual(build.reporter.diagnostics.map((d) => [d.ruleId, d.file, d.line, d.column, d.cause && `${d.cause.file}:${d.cause.line}:${d.cause.column}`]), [
      ['edition-frozen', file, open + 1, 1, `${lock}:${lockLine}:5`],
    ]);
    assert.equal(build.editions.find((e) => e.name === '2024')?.dataset, undefined, 'no dataset, hence no export and no site');
  } finally {
    temp.cleanup();
  }
});

test('validate and export fail on an edited published edition; an erratum records it in edition.yml and the data', () => {
  const temp = tempDir();
  try {
    const content = join(temp.dir, 'content');
    cpSync(join(ROOT, 'test', 'fixtures', 'base'), content, { recursive: true });
    const file = join(content, '2024', 'securite', 'hebergement.md');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace('Le service devrait sauvegarder les données.', 'Le service devrait sauvegarder les données chaque jour.'));

    const expected = 'content/2024/securite/hebergement.md:13:1: error edition-frozen Exigence « SEC-HEB-02 » modifiée dans l’édition 2024 publiée (en-vigueur), attendu le contenu verrouillé ou un erratum (doctrine erratum) (voir content/2024/edition.lock.json:6:5 : contenu verrouillé)\n';
    const validate = cli(['validate', '--content', 'content'], temp.dir);
    assert.equal(validate.status, 1);
    assert.equal(validate.stdout, expected);
    const exported = cli(['export', '--content', 'content', '--out', 'api'], temp.dir);
    assert.equal(exported.status, 1);
    assert.equal(exported.stdout, expected);
    assert.equal(existsSync(join(temp.dir, 'api')), false);

    // Usage errors, then the erratum.
    assert.equal(cli(['erratum', '2024', '--content', 'content'], temp.dir).status, 2);
    assert.equal(cli(['erratum', '2024', '--motif', 'x', '--date', '2026-13-01', '--content', 'content'], temp.dir).status, 2);
    const erratum = cli(['erratum', '2024', '--motif', 'Fréquence des sauvegardes précisée.', '--date', '2026-01-15', '--content', 'content'], temp.dir);
    assert.equal(erratum.stderr, '');
    assert.equal(erratum.status, 0);
    const yml = readFileSync(join(content, '2024', 'edition.yml'), 'utf8');
    assert.equal(yml, readFileSync(join(ROOT, 'test', 'fixtures', 'base', '2024', 'edition.yml'), 'utf8').replace(
      'retraits: []',
      'errata:\n  - date: "2026-01-15"\n    motif: Fréquence des sauvegardes précisée.\n    exigences: [SEC-HEB-02]\nretraits: []',
    ));
    assert.equal(cli(['erratum', '2024', '--motif', 'encore', '--content', 'content'], temp.dir).status, 1, 'nothing left to declare');

    assert.equal(cli(['export', '--content', 'content', '--out', 'api'], temp.dir).status, 0);
    const errata = [{ date: '2026-01-15', motif: 'Fréquence des sauvegardes précisée.', exigences: ['SEC-HEB-02'] }];
    const dataset = JSON.parse(readFileSync(join(temp.dir, 'api', '2024', 'exigences.json'), 'utf8')) as EditionDataset;
    assert.deepEqual(dataset.edition.errata, errata);
    const catalog = JSON.parse(readFileSync(join(temp.dir, 'api', 'editions.json'), 'utf8')) as Catalogue;
    assert.deepEqual(catalog.editions.map((e) => e.errata), [errata, []]);
    // Changing the same requirement again is a new change, reported again.
    writeFileSync(file, source.replace('Le service devrait sauvegarder les données.', 'Le service devrait sauvegarder les données chaque heure.'));
    assert.equal(cli(['validate', '--content', 'content'], temp.dir).status, 1);
  } finally {
    temp.cleanup();
  }
});

test('new-edition: usage errors exit 2, a state that forbids it exits 1, nothing written', () => {
  const content = contentWith();
  try {
    const before = snapshot(content.dir);
    for (const args of [['new-edition'], ['new-edition', '26'], ['new-edition', '2026', '2027'], ['new-edition', '2026', '--nope']]) {
      const result = cli([...args, '--content', content.dir]);
      assert.equal(result.status, 2, args.join(' '));
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
    const draftExists = cli(['new-edition', '2026', '--content', content.dir]);
    assert.equal(draftExists.status, 1);
    assert.equal(draftExists.stderr, 'doctrine new-edition : l’édition 2025 est déjà en projet : publiez-la avant d’en commencer une autre\nRien n’a été écrit.\n');
    assert.equal(cli(['new-edition', '2025', '--content', content.dir]).status, 1);
    assert.deepEqual(snapshot(content.dir), before);
  } finally {
    content.cleanup();
  }
});

test('publish then new-edition: the draft is published, the previous edition superseded, the next draft started', () => {
  const content = contentWith();
  try {
    const dir = content.dir;
    const before = snapshot(dir);
    assert.equal(cli(['publish', '2025', '--date', '2025-02-30', '--content', dir]).status, 2);
    assert.equal(cli(['publish', '2031', '--content', dir]).status, 2);
    assert.equal(cli(['publish', '2024', '--content', dir]).status, 1, 'already published');
    assert.deepEqual(snapshot(dir), before);

    const published = cli(['publish', '2025', '--date', '2025-09-01', '--content', dir]);
    assert.equal(published.status, 0, published.stderr);
    assert.equal(published.stdout, [
      'édition 2025 : statut en-vigueur, publication 2025-09-01',
      'édition 2024 : statut remplacée',
      `verrou écrit : ${join(dir, '2025', 'edition.lock.json')} (4 exigences)`,
      '',
    ].join('\n'));
    const y2025 = readFileSync(join(dir, '2025', 'edition.yml'), 'utf8');
    assert.equal(y2025, before.get('2025/edition.yml')?.replace('statut: projet', 'statut: en-vigueur').replace('publication: "2025"', 'publication: "2025-09-01"'));
    assert.equal(readFileSync(join(dir, '2024', 'edition.yml'), 'utf8'), before.get('2024/edition.yml')?.replace('statut: en-vigueur', 'statut: remplacée'));
    assert.deepEqual(Object.keys((JSON.parse(readFileSync(join(dir, '2025', 'edition.lock.json'), 'utf8')) as { exigences: object }).exigences), ['INT-IDA-01', 'INT-IDA-02', 'SEC-HEB-01', 'SEC-HEB-03']);
    assert.equal(cli(['validate', '--content', dir]).status, 0);
    assert.equal(cli(['publish', '2025', '--content', dir]).status, 1, 'published twice');

    const started = cli(['new-edition', '2026', '--content', dir]);
    assert.equal(started.status, 0, started.stderr);
    const draft = parseYaml(readFileSync(join(dir, '2026', 'edition.yml'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(draft, {
      edition: '2026', title: 'Édition d\'essai 2026', statut: 'projet', publication: '2026', sourceOfficielle: 'https://doctrine-technique-numerique.forge.apps.education.fr/',
      baseLegale: [{ title: 'Décret n° 2025-1165 du 5 décembre 2025', date: '2025-12-05' }], retraits: [],
    });
    assert.deepEqual(readdirSync(join(dir, '2026'), { recursive: true }).sort(), readdirSync(join(dir, '2025'), { recursive: true }).filter((p) => p !== 'edition.lock.json').sort());
    assert.equal(readFileSync(join(dir, '2026', 'securite', 'hebergement.md'), 'utf8'), readFileSync(join(dir, '2025', 'securite', 'hebergement.md'), 'utf8'));
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.')), [], 'no temporary file left');
    const validate = cli(['validate', '--content', dir]);
    assert.equal(validate.status, 0, validate.stdout);
    assert.match(validate.stderr, /3 éditions, 10 exigences valides/);

    // The published 2025 is now frozen: editing it fails, editing the 2026 draft does not.
    const chapter = join(dir, '2025', 'securite', 'hebergement.md');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('niveau=obligatoire', 'niveau=recommandé'));
    const frozen = cli(['validate', '--content', dir]);
    assert.equal(frozen.status, 1);
    assert.match(frozen.stdout, /2025\/securite\/hebergement\.md:\d+:1: error edition-frozen /);
  } finally {
    content.cleanup();
  }
});

test('an erratum in one French sentence, as the site shows it on the edition’s pages', () => {
  assert.equal(describeErratum({ date: '2026-01-15', motif: 'Coquille corrigée.', exigences: ['SEC-HEB-03', 'SEC-HEB-04'] }), 'Erratum du 15 janvier 2026 (SEC-HEB-03, SEC-HEB-04) : Coquille corrigée.');
  assert.equal(describeErratum({ date: '2025-08-01', motif: 'M.', exigences: ['NR-DEC-02'] }), 'Erratum du 1er août 2025 (NR-DEC-02) : M.');
});
