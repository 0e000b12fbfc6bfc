/**
 * The shipped doctrine (content/): the sizes, shapes and kinds of change that the content issue asks for,
 * computed from the datasets and the library's changelogs. It prints the counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { diffEditions, loadContent, type EditionDataset } from '../src/lib/index.ts';
import { ROOT } from './helpers.ts';

const content = await loadContent(join(ROOT, 'content'));
const datasets = new Map(content.editions.map((e) => [e.name, e.dataset as EditionDataset]));
const get = (name: string): EditionDataset => {
  const dataset = datasets.get(name);
  assert.ok(dataset, `edition ${name} has a dataset`);
  return dataset;
};

function counts(dataset: EditionDataset) {
  const byRef: Record<string, number> = {};
  const byNiveau: Record<string, number> = {};
  for (const e of dataset.exigences) {
    byRef[e.referentiel] = (byRef[e.referentiel] ?? 0) + 1;
    byNiveau[e.niveau] = (byNiveau[e.niveau] ?? 0) + 1;
  }
  return { total: dataset.exigences.length, byRef, byNiveau };
}

test('validate passes on every edition with no warning', () => {
  assert.deepEqual(content.reporter.diagnostics, []);
  assert.deepEqual([...datasets.keys()], ['2023', '2024', '2025']);
});

test('edition metadata carries statuses, dates and (2025) the legal basis', () => {
  assert.deepEqual(
    [...datasets.values()].map((d) => [d.edition.edition, d.edition.statut]),
    [['2023', 'remplacée'], ['2024', 'remplacée'], ['2025', 'en-vigueur']],
  );
  for (const d of datasets.values()) assert.match(d.edition.publication, /^\d{4}/);
  assert.equal(get('2023').edition.version, '1.1');
  assert.ok(get('2025').edition.baseLegale.some((b) => b.title === 'Décret n° 2025-1165 du 5 décembre 2025' && b.date === '2025-12-05'));
});

test('sizes: 2025 ≥ 150 (≥ 25 per referential), 2023 ≥ 60, a real mix of niveaux', () => {
  const c2023 = counts(get('2023'));
  const c2024 = counts(get('2024'));
  const c2025 = counts(get('2025'));
  console.log(JSON.stringify({ 2023: c2023, 2024: c2024, 2025: c2025 }));
  assert.ok(c2025.total >= 150, `2025: ${c2025.total}`);
  for (const ref of ['interoperabilite', 'securite', 'numerique-responsable']) assert.ok((c2025.byRef[ref] ?? 0) >= 25, `2025 ${ref}: ${c2025.byRef[ref]}`);
  assert.ok(c2023.total >= 60, `2023: ${c2023.total}`);
  // 2024 fills the referentials in; its numérique responsable part stays the smallest.
  assert.ok((c2024.byRef['numerique-responsable'] ?? 0) < Math.min(c2024.byRef.interoperabilite ?? 0, c2024.byRef.securite ?? 0));
  for (const c of [c2023, c2024, c2025]) {
    const { obligatoire = 0, recommandé = 0 } = c.byNiveau;
    assert.ok(Math.min(obligatoire, recommandé) >= c.total * 0.15, JSON.stringify(c.byNiveau));
  }
  // The decree made the doctrine binding: obligatoire grows as a share.
  assert.ok((c2025.byNiveau.obligatoire ?? 0) / c2025.total > (c2024.byNiveau.obligatoire ?? 0) / c2024.total);
});

test('every requirement has niveau and cibles; socles and normes are used', () => {
  const all = [...datasets.values()].flatMap((d) => d.exigences);
  for (const e of all) assert.ok(e.niveau && e.cibles.length > 0, e.citation);
  assert.ok(all.filter((e) => e.socles.length > 0).length >= 20);
  assert.ok(all.filter((e) => e.normes.length > 0).length >= 40);
});

for (const [from, to] of [['2023', '2024'], ['2024', '2025']] as const) {
  test(`transition ${from} → ${to}: ≥ 40 changes and ≥ 3 of each kind`, () => {
    const changelog = diffEditions(get(from), get(to));
    const raised = changelog.changes.filter((c) => c.kind === 'level-changed' && (c as { direction?: string }).direction === 'raised').length;
    const reworded = changelog.changes.filter((c) => c.kind === 'modified' && !(c as { editorial?: boolean }).editorial).length;
    const retiredWithSuccessors = get(to).retraits.filter((r) => r.retiredIn === to && r.successeurs.length > 0).length;
    const kinds = { added: changelog.summary.added, reworded, raised, moved: changelog.summary.moved, split: changelog.summary.split, merged: changelog.summary.merged, replaced: changelog.summary.replaced, retiredWithSuccessors };
    const total = changelog.changes.length;
    console.log(`${from}→${to}`, JSON.stringify({ total, ...kinds }));
    assert.ok(total >= 40, `${total} changes`);
    for (const [kind, n] of Object.entries(kinds)) assert.ok(n >= 3, `${kind}: ${n}`);
  });
}
