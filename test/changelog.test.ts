/**
 * Diffs between editions (src/lib/changelog.ts, word-diff.ts, changelog-format.ts): golden changelogs of a
 * three-edition fixture covering every kind, the mirror rule over every ordered pair, French word deltas, and
 * sanity checks on the shipped editions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHANGE_KINDS, diffEditions, editionPairs, exigenceHash, formatChangelogMarkdown, formatChangelogText, getValidator, loadContent,
  mirrorChangelog, reverseDelta, similarity, toJson, wordDelta, type Change, type Changelog, type EditionDataset,
} from '../src/lib/index.ts';
import { FIXTURES, ROOT } from './helpers.ts';

const FIXTURE = join(FIXTURES, 'evolutions');
const EXPECTED = join(FIXTURE, 'expected');

async function datasets(dir: string): Promise<Map<string, EditionDataset>> {
  const build = await loadContent(dir);
  assert.deepEqual(build.reporter.diagnostics, [], `${dir} is not clean`);
  return new Map(build.editions.map((e) => [e.name, e.dataset as EditionDataset]));
}

const fixture = await datasets(join(FIXTURE, 'content'));
const shipped = await datasets(join(ROOT, 'content'));
const validate = getValidator('changelog');

function assertValid(changelog: Changelog, name: string): void {
  assert.ok(validate(changelog), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

/** Compares `actual` with a golden file, written when missing (review it!). */
function golden(name: string, actual: string): void {
  const file = join(EXPECTED, name);
  if (!existsSync(file)) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, actual);
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file`);
}

const ids = (c: Change, side: 'predecesseurs' | 'successeurs') => ('predecesseurs' in c ? c[side].map((l) => l.id) : []);

test('golden changelogs of the fixture, for every ordered pair', () => {
  for (const [from, to] of editionPairs([...fixture.keys()])) {
    const changelog = diffEditions(fixture.get(from) as EditionDataset, fixture.get(to) as EditionDataset);
    assertValid(changelog, `${from}..${to}`);
    golden(`${from}..${to}.json`, toJson(changelog));
  }
});

test('the fixture exercises every kind of change, forward', () => {
  const a = diffEditions(fixture.get('2023') as EditionDataset, fixture.get('2024') as EditionDataset);
  const b = diffEditions(fixture.get('2024') as EditionDataset, fixture.get('2025') as EditionDataset);
  const kinds = new Set([...a.changes, ...b.changes].map((c) => c.kind));
  assert.deepEqual([...kinds].sort(), [...CHANGE_KINDS].sort());
  const find = (changelog: Changelog, id: string, kind: string) => changelog.changes.find((c) => c.id === id && c.kind === kind);
  // Lineage, as declared.
  assert.deepEqual([ids(find(a, 'INT-IDA-02', 'split') as Change, 'predecesseurs'), ids(find(a, 'INT-IDA-02', 'split') as Change, 'successeurs')], [['INT-IDA-02'], ['INT-IDA-03', 'INT-IDA-04']]);
  assert.deepEqual(ids(find(a, 'SEC-HEB-04', 'merged') as Change, 'predecesseurs'), ['SEC-HEB-02', 'SEC-HEB-03']);
  assert.deepEqual(ids(find(a, 'SEC-PRO-01', 'replaced') as Change, 'successeurs'), ['SEC-PRO-02']);
  // A retired requirement absorbed by one that already existed is a replacement.
  assert.deepEqual(ids(find(b, 'SEC-HEB-05', 'replaced') as Change, 'successeurs'), ['SEC-HEB-04']);
  // Removals carry their reason; IDs that are part of a lineage are not also added or removed.
  const removed = find(a, 'SEC-OLD-01', 'removed');
  assert.equal(removed?.kind === 'removed' && removed.retrait?.motif, 'Retirée, les listes d\'adresses ne protégeant plus les accès distants.');
  assert.deepEqual(a.changes.filter((c) => c.kind === 'added').map((c) => c.id), ['INT-TRA-01', 'SEC-HEB-05', 'SEC-SST-01']);
  // Levels both ways; moves of chapter and of référentiel.
  assert.deepEqual(a.changes.filter((c) => c.kind === 'level-changed').map((c) => [c.id, c.kind === 'level-changed' && c.direction]), [['SEC-CHI-02', 'lowered'], ['SEC-HEB-01', 'raised']]);
  const iam = find(a, 'SEC-IAM-01', 'moved');
  assert.deepEqual(iam?.kind === 'moved' && [iam.from, iam.to], [{ referentiel: 'securite', chapitre: 'securite/hebergement' }, { referentiel: 'interoperabilite', chapitre: 'interoperabilite/identite' }]);
  // Typography only (’ for ', a non-breaking space before :) is a modification of form, without a changed word.
  const typo = find(a, 'INT-IDA-01', 'modified');
  assert.equal(typo?.kind === 'modified' && typo.editorial, true);
  assert.equal(typo?.kind === 'modified' && typo.statementDelta?.every((s) => s.op === 'equal'), true);
  assert.equal(find(a, 'SEC-HEB-01', 'modified')?.kind === 'modified' && (find(a, 'SEC-HEB-01', 'modified') as { editorial: boolean }).editorial, false);
  // Échéance from a date to none.
  const echeance = find(b, 'SEC-CHI-01', 'echeance-changed');
  assert.deepEqual(echeance?.kind === 'echeance-changed' && [echeance.from, echeance.to], ['2025-01-01', null]);
  // An undeclared rename is a suggestion, never a change.
  assert.deepEqual(a.suggestions, [{ removed: 'SEC-REN-01', added: 'SEC-SST-01', similarity: 0.94 }]);
});

test('non-adjacent editions follow lineage through intermediate IDs', () => {
  const c = diffEditions(fixture.get('2023') as EditionDataset, fixture.get('2025') as EditionDataset);
  const split = c.changes.find((x) => x.id === 'INT-IDA-02' && x.kind === 'split');
  assert.ok(split && split.kind === 'split');
  assert.deepEqual(split.successeurs.map((s) => s.id), ['INT-IDA-04', 'INT-IDA-06']);
  // The retirements along the way explain the chain INT-IDA-02 → INT-IDA-03 → INT-IDA-06.
  assert.deepEqual(split.retraits.map((r) => [r.id, r.retiredIn]), [['INT-IDA-02', '2024'], ['INT-IDA-03', '2025']]);
  // INT-TRA-01 lived only in 2024: it is in neither edition, so in no change.
  assert.ok(!JSON.stringify(c).includes('INT-TRA-01'));
});

test('diff(A, A) is empty for every edition', () => {
  for (const dataset of [...fixture.values(), ...shipped.values()]) {
    const changelog = diffEditions(dataset, dataset);
    assertValid(changelog, dataset.edition.edition);
    assert.deepEqual(changelog.changes, []);
    assert.deepEqual(changelog.suggestions, []);
    assert.deepEqual(Object.values(changelog.summary), CHANGE_KINDS.map(() => 0));
  }
});

test('diff(B, A) is the mirror of diff(A, B), for every ordered pair of the fixture and the shipped editions', () => {
  let pairs = 0;
  for (const editions of [fixture, shipped]) {
    for (const [a, b] of editionPairs([...editions.keys()])) {
      const forward = diffEditions(editions.get(a) as EditionDataset, editions.get(b) as EditionDataset);
      const backward = diffEditions(editions.get(b) as EditionDataset, editions.get(a) as EditionDataset);
      assert.equal(toJson(backward), toJson(mirrorChangelog(forward)), `${b}..${a}`);
      assert.equal(toJson(mirrorChangelog(mirrorChangelog(forward))), toJson(forward), `mirror of mirror ${a}..${b}`);
      // The rule, spelled out on the counts.
      const s = forward.summary;
      const r = backward.summary;
      assert.deepEqual([r.added, r.removed, r.split, r.merged, r.replaced], [s.removed, s.added, s.merged, s.split, s.replaced]);
      pairs++;
    }
  }
  assert.equal(pairs, 12);
});

test('shipped changelogs: schema-valid, summary = changes, every ID accounted for exactly once', () => {
  for (const [a, b] of editionPairs([...shipped.keys()])) {
    const from = shipped.get(a) as EditionDataset;
    const to = shipped.get(b) as EditionDataset;
    const changelog = diffEditions(from, to);
    assertValid(changelog, `${a}..${b}`);
    for (const kind of CHANGE_KINDS) assert.equal(changelog.summary[kind], changelog.changes.filter((c) => c.kind === kind).length);
    // Order: by ID, then kind; at most one change of each kind per ID.
    const keys = changelog.changes.map((c) => `${c.id} ${CHANGE_KINDS.indexOf(c.kind)}`);
    assert.equal(new Set(keys).size, keys.length);
    const F = new Set(from.exigences.map((e) => e.id));
    const T = new Set(to.exigences.map((e) => e.id));
    // Each ID on one side only appears once: added/removed, or in a lineage change.
    const gone = changelog.changes.flatMap((c) => (c.kind === 'removed' ? [c.id] : ids(c, 'predecesseurs').filter((id) => !T.has(id))));
    const come = changelog.changes.flatMap((c) => (c.kind === 'added' ? [c.id] : ids(c, 'successeurs').filter((id) => !F.has(id))));
    assert.deepEqual([...new Set(gone)].sort(), [...F].filter((id) => !T.has(id)).sort(), `${a}..${b}: disappeared IDs`);
    assert.deepEqual([...new Set(come)].sort(), [...T].filter((id) => !F.has(id)).sort(), `${a}..${b}: appeared IDs`);
    // A kept requirement's content changes if and only if a change other than a move names it. (Its `remplace`
    // is history: IDs retired before both editions, not a change between them.)
    const named = new Set(changelog.changes.filter((c) => c.kind !== 'moved').flatMap((c) => [c.id, ...ids(c, 'successeurs'), ...ids(c, 'predecesseurs')]));
    const content = (e: EditionDataset['exigences'][number]) => exigenceHash({ ...e, echeance: e.echeance, remplace: e.lineage.remplace.filter((r) => F.has(r) || T.has(r)), markdown: e.statement.markdown });
    const contentOf = new Map(to.exigences.map((e) => [e.id, content(e)]));
    for (const e of from.exigences.filter((x) => T.has(x.id))) {
      assert.equal(named.has(e.id), content(e) !== contentOf.get(e.id), `${a}..${b}: ${e.id}`);
    }
  }
});

test('shipped 2024 → 2025 reports the declared splits, merges, replacements, raises and moves', () => {
  const changelog = diffEditions(shipped.get('2024') as EditionDataset, shipped.get('2025') as EditionDataset);
  const of = (kind: string) => changelog.changes.filter((c) => c.kind === kind);
  // Every retirement declared by 2025 with successors appears in a lineage change.
  const declared = (shipped.get('2025') as EditionDataset).retraits.filter((r) => r.retiredIn === '2025');
  for (const r of declared) {
    const inLineage = changelog.changes.some((c) => ids(c, 'predecesseurs').includes(r.id));
    const removed = of('removed').some((c) => c.id === r.id);
    assert.ok(r.successeurs.length ? inLineage : removed, `${r.id} (${r.successeurs.join(', ') || 'sans successeur'})`);
  }
  assert.ok(of('split').length >= 2 && of('merged').length >= 2 && of('replaced').length >= 2, JSON.stringify(changelog.summary));
  assert.ok(of('level-changed').filter((c) => c.kind === 'level-changed' && c.direction === 'raised').length >= 5);
  assert.ok(of('moved').length >= 1);
  const split = of('split').find((c) => c.id === 'DOC-GOU-01');
  assert.deepEqual(split && ids(split, 'successeurs'), ['DOC-GOU-07', 'DOC-GOU-08']);
});

test('French word deltas: accents, apostrophes, non-breaking spaces', () => {
  assert.deepEqual(wordDelta('Le service propage l\'identité de l\'utilisateur : sans saisie.', 'Le service propage l’identité de l’usager\u00a0: sans nouvelle saisie.'), [
    { op: 'equal', text: 'Le service propage l’identité de l’' },
    { op: 'delete', text: 'utilisateur ' },
    { op: 'insert', text: 'usager\u00a0' },
    { op: 'equal', text: ': sans ' },
    { op: 'insert', text: 'nouvelle ' },
    { op: 'equal', text: 'saisie.' },
  ]);
  // Accented words are whole words, whatever their Unicode form; ʼ (U+02BC) is an apostrophe, not a letter.
  assert.deepEqual(wordDelta('La re\u0301versibilite\u0301 des œuvres', 'La réversibilité des données'), [
    { op: 'equal', text: 'La réversibilité des ' },
    { op: 'delete', text: 'œuvres' },
    { op: 'insert', text: 'données' },
  ]);
  assert.deepEqual(wordDelta('lʼélève', 'l’enfant'), [{ op: 'equal', text: 'l’' }, { op: 'delete', text: 'élève' }, { op: 'insert', text: 'enfant' }]);
  // Only typography: nothing deleted nor inserted.
  assert.deepEqual(wordDelta('Il faut : 10 000 comptes', 'Il faut\u202f: 10\u00a0000 comptes'), [{ op: 'equal', text: 'Il faut\u202f: 10\u00a0000 comptes' }]);
  // Reading a delta backwards swaps insertions and deletions, deletions first.
  assert.deepEqual(reverseDelta(wordDelta('a b c', 'a x c')), [{ op: 'equal', text: 'a ' }, { op: 'delete', text: 'x' }, { op: 'insert', text: 'b' }, { op: 'equal', text: ' c' }]);
});

test('similarity: Dice coefficient of words, symmetric, without case or punctuation', () => {
  assert.equal(similarity('Le service, propage !', 'le SERVICE propage'), 1);
  assert.equal(similarity('un deux trois quatre', 'un deux cinq six'), 0.5);
  assert.equal(similarity('a b c', 'x y'), 0);
  assert.equal(similarity('a b c', 'a b'), similarity('a b', 'a b c'));
});

test('golden text and Markdown outputs', () => {
  const changelog = diffEditions(fixture.get('2023') as EditionDataset, fixture.get('2024') as EditionDataset);
  const labels = { referentiels: { interoperabilite: 'Référentiel d\'interopérabilité', securite: 'Cadre général de sécurité' }, cibles: { ressources: 'Ressources numériques' } };
  golden('2023..2024.txt', formatChangelogText(changelog, labels));
  golden('2023..2024.md', formatChangelogMarkdown(changelog, labels));
  assert.equal(formatChangelogText(diffEditions(fixture.get('2024') as EditionDataset, fixture.get('2024') as EditionDataset)), 'Évolutions au sein de l’édition 2024\nRésumé : aucun changement\n');
});

test('the changelog schema rejects what it should, at the stated keyword and path', () => {
  const changelog = diffEditions(fixture.get('2023') as EditionDataset, fixture.get('2024') as EditionDataset);
  const at = (kind: string) => changelog.changes.findIndex((c) => c.kind === kind);
  const failsAt = (mutate: (c: Changelog) => void, keyword: string, instancePath: string) => {
    const copy = structuredClone(changelog);
    mutate(copy);
    assert.equal(validate(copy), false);
    assert.ok(
      validate.errors?.some((e) => e.keyword === keyword && e.instancePath === instancePath),
      `expected ${keyword} at ${instancePath}, got ${JSON.stringify(validate.errors?.map((e) => [e.keyword, e.instancePath]))}`,
    );
  };
  failsAt((c) => delete (c.summary as Partial<Changelog['summary']>).moved, 'required', '/summary');
  failsAt((c) => ((c.changes[0] as { kind: string }).kind = 'renamed'), 'oneOf', '/changes/0');
  failsAt((c) => ((c.changes[at('level-changed')] as { direction: string }).direction = 'up'), 'enum', `/changes/${at('level-changed')}/direction`);
  failsAt((c) => (c.changes[at('split')] as { successeurs: unknown[] }).successeurs.pop(), 'minItems', `/changes/${at('split')}/successeurs`);
  failsAt((c) => ((c.changes[at('modified')] as { titleDelta: { op: string }[] }).titleDelta[0] = { op: 'replace', text: 'x' } as never), 'enum', `/changes/${at('modified')}/titleDelta/0/op`);
  failsAt((c) => ((c.suggestions[0] as { similarity: number }).similarity = 1.5), 'maximum', '/suggestions/0/similarity');
  failsAt((c) => ((c as { to: string }).to = '25'), 'pattern', '/to');
});

test('property: on random edits of two editions, the changelog validates and diff(B, A) mirrors diff(A, B)', async () => {
  const fc = (await import('fast-check')).default;
  const base = [fixture.get('2023'), fixture.get('2024')] as EditionDataset[];
  const words = ['le', 'service', 'l’usager', "l'élève", 'données', 'chiffre', '\u00a0:', 'réversibilité', 'ni', 'œuvre'];
  const edit = fc.record({
    side: fc.integer({ min: 0, max: 1 }),
    index: fc.nat(),
    kind: fc.constantFrom('drop', 'niveau', 'chapitre', 'text', 'cibles', 'echeance'),
    word: fc.constantFrom(...words),
  });
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
      const [a, b] = base.map((d) => structuredClone(d)) as [EditionDataset, EditionDataset];
      for (const e of edits) {
        const dataset = e.side === 0 ? a : b;
        const target = dataset.exigences[e.index % dataset.exigences.length];
        if (!target) continue;
        if (e.kind === 'drop') dataset.exigences.splice(e.index % dataset.exigences.length, 1);
        if (e.kind === 'niveau') target.niveau = target.niveau === 'obligatoire' ? 'recommandé' : 'obligatoire';
        if (e.kind === 'chapitre') target.chapitre = 'securite/ailleurs';
        if (e.kind === 'text') {
          target.statement = { ...target.statement, markdown: `${target.statement.markdown} ${e.word}`, text: `${e.word} ${target.statement.text}` };
        }
        if (e.kind === 'cibles') target.cibles = target.cibles.includes('ressources') ? ['ent'] : ['ent', 'ressources'];
        if (e.kind === 'echeance') target.echeance = target.echeance ? undefined : '2030-01-01';
        if (target.echeance === undefined) delete target.echeance;
      }
      const forward = diffEditions(a, b);
      assertValid(forward, 'random');
      assert.equal(toJson(diffEditions(b, a)), toJson(mirrorChangelog(forward)));
      assert.equal(Object.values(forward.summary).reduce((x, y) => x + y, 0), forward.changes.length);
    }),
    { numRuns: 60, seed: 20261203 },
  );
});
