/** The view models of the explorer, the socle pages and the printable edition, on the shipped content. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { changement, exigenceHash, explorerView, loadContent, printView, soclesView, type Exigence } from '../src/lib/index.ts';
import { ROOT } from './helpers.ts';

const content = await loadContent(join(ROOT, 'content'));
const [d2023, d2024, d2025] = content.editions.map((e) => e.dataset);
const e2025 = content.editions.find((e) => e.name === '2025');
assert.ok(d2023 && d2024 && d2025 && e2025 && content.vocabulaires);
const vocab = content.vocabulaires;

/** The hash as the library computes it, from a published requirement's own fields. */
function hashOf(e: Exigence): string {
  return exigenceHash({ title: e.title, niveau: e.niveau, cibles: e.cibles, socles: e.socles, normes: e.normes, echeance: e.echeance, remplace: e.lineage.remplace, markdown: e.statement.markdown });
}

test('a published hash can be recomputed from the requirement’s fields', () => {
  for (const dataset of [d2023, d2024, d2025]) for (const e of dataset.exigences) assert.equal(hashOf(e), e.hash, e.citation);
});

test('changement: new, unchanged, and each changed aspect', () => {
  const current = d2025.exigences[0];
  assert.ok(current);
  assert.deepEqual(changement(current, undefined), { kind: 'nouvelle' });
  assert.equal(changement(current, structuredClone(current)), null);

  const niveauOnly = structuredClone(current);
  niveauOnly.niveau = current.niveau === 'obligatoire' ? 'recommandé' : 'obligatoire';
  niveauOnly.hash = hashOf(niveauOnly);
  assert.deepEqual(changement(current, niveauOnly), { kind: 'modifiée', aspects: ['niveau'] });

  const text = structuredClone(current);
  text.statement.markdown += ' Autre phrase.';
  text.hash = hashOf(text);
  assert.deepEqual(changement(current, text), { kind: 'modifiée', aspects: ['contenu'] });

  const both = structuredClone(niveauOnly);
  both.title = 'Autre titre';
  both.hash = hashOf(both);
  assert.deepEqual(changement(current, both), { kind: 'modifiée', aspects: ['contenu', 'niveau'] });

  const moved = structuredClone(current);
  moved.chapitre = 'texte/ailleurs';
  assert.deepEqual(changement(current, moved), { kind: 'modifiée', aspects: ['chapitre'] });
});

test('explorer: every requirement in reading order, changes as defined against the previous edition', () => {
  const view = explorerView(d2025, d2024);
  assert.equal(view.edition, '2025');
  assert.equal(view.previous, '2024');
  assert.deepEqual(view.rows.map((r) => r.id), d2025.exigences.map((e) => e.id));
  const before = new Map(d2024.exigences.map((e) => [e.id, e]));
  const expected = d2025.exigences
    .filter((e) => {
      const p = before.get(e.id);
      return !p || p.hash !== e.hash || p.niveau !== e.niveau || p.chapitre !== e.chapitre;
    })
    .map((e) => e.id);
  assert.deepEqual(view.rows.filter((r) => r.changement).map((r) => r.id), expected);
  const row = (id: string) => view.rows.find((r) => r.id === id);
  assert.deepEqual(row('NR-DEC-03')?.changement, { kind: 'nouvelle' });
  assert.deepEqual(row('DOC-ARC-06')?.changement, { kind: 'modifiée', aspects: ['chapitre'] });
  assert.deepEqual(row('DOC-OBJ-02')?.changement, { kind: 'modifiée', aspects: ['contenu', 'niveau'] });
  assert.deepEqual(row('DOC-ARC-06'), {
    id: 'DOC-ARC-06',
    title: 'Accès depuis l\'ENT sans nouvelle authentification',
    niveau: 'recommandé',
    referentiel: 'texte',
    chapitre: 'texte/services-socles',
    chapitreTitle: 'Services socles',
    href: '/2025/texte/services-socles/#DOC-ARC-06',
    cibles: ['ressources', 'vie-scolaire', 'apprentissage'],
    socles: ['gar'],
    changement: { kind: 'modifiée', aspects: ['chapitre'] },
  });
  const first = explorerView(d2023, undefined);
  assert.equal(first.previous, null);
  assert.ok(first.rows.every((r) => r.changement === null));
});

test('socles: each socle’s paragraph from the main text and exactly its requirements, by référentiel', () => {
  const view = soclesView(e2025, vocab);
  assert.deepEqual(view.chapitre && { title: view.chapitre.title, href: view.chapitre.href }, { title: 'Services socles', href: '/2025/texte/services-socles/' });
  assert.match(view.chapitre?.intro ?? '', /^<p>Les <a href="\/2025\/glossaire\/#service-socle" class="ref-terme">services socles<\/a> sont des services nationaux/);
  assert.deepEqual(view.socles.map((s) => [s.id, s.description?.href]), [
    ['educonnect', '/2025/texte/services-socles/#éduconnect'],
    ['guichet-agent', '/2025/texte/services-socles/#guichet-agent'],
    ['scope', '/2025/texte/services-socles/#scope'],
    ['gar', '/2025/texte/services-socles/#gar'],
    ['dnma', '/2025/texte/services-socles/#dnma'],
  ]);
  assert.match(view.socles[0]?.description?.html ?? '', /^<p><a href="\/2025\/glossaire\/#educonnect" class="ref-terme">ÉduConnect<\/a> authentifie les élèves du second degré/);
  for (const socle of view.socles) {
    const expected: Exigence[] = d2025.exigences.filter((e) => e.socles.includes(socle.id));
    assert.equal(socle.count, expected.length, socle.id);
    assert.deepEqual(socle.groups.flatMap((g) => g.exigences.map((e) => e.id)), expected.map((e) => e.id), socle.id);
    for (const group of socle.groups) for (const e of group.exigences) assert.equal(d2025.exigences.find((x) => x.id === e.id)?.referentiel, group.referentiel);
  }
});

test('printable edition: every chapter in reading order, every requirement block with the dataset’s statement', () => {
  const view = printView(e2025);
  assert.ok(view);
  assert.deepEqual(view.referentiels.flatMap((r) => r.chapitres.map((c) => c.slug)), d2025.chapitres.map((c) => c.slug));
  const blocks = view.referentiels.flatMap((r) => r.chapitres.flatMap((c) => c.blocks));
  assert.equal(blocks.length, d2025.exigences.length);
  d2025.exigences.forEach((e, i) => {
    assert.ok(blocks[i]?.includes(`<h4 id="${e.id}" class="exigence-titre">`), e.id);
    assert.ok(blocks[i]?.includes(`<div class="exigence-enonce">${e.statement.html}</div>`), e.id);
  });
  assert.equal(view.glossaire.length, d2025.glossaire.length);
});
