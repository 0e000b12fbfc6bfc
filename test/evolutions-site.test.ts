/** The built evolution pages (dist/) against the library's changelogs: pages, counts, word marks, links. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGE_KINDS, diffEditions, editionPairs, loadContent, type Changelog, type EditionDataset } from '../src/lib/index.ts';
import { ROOT } from './helpers.ts';
import { assertBuilt, DIST } from './site-helpers.ts';

assertBuilt();
const content = await loadContent(join(ROOT, 'content'));
const datasets = new Map(content.editions.map((e) => [e.name, e.dataset as EditionDataset]));
const names = [...datasets.keys()];
const page = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const changelog = (from: string, to: string) => diffEditions(datasets.get(from) as EditionDataset, datasets.get(to) as EditionDataset);

/** The counts table of a page, by heading. */
function counts(html: string): Record<string, number> {
  const table = /<table class="evolutions-compte"[^]*?<\/table>/.exec(html)?.[0] ?? '';
  return Object.fromEntries([...table.matchAll(/<th scope="row"[^>]*>(?:<a [^>]*>)?([^<]+)(?:<\/a>)?<\/th>\s*<td[^>]*>(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]));
}

/** What the page must show for a changelog: counts, every change, one mark per changed word run. */
function assertShows(html: string, expected: Changelog, where: string): void {
  assert.deepEqual(Object.values(counts(html)), CHANGE_KINDS.map((k) => expected.summary[k]), `${where}: counts`);
  for (const c of expected.changes) assert.ok(html.includes(`<span class="exigence-id">${c.id}</span>`), `${where}: ${c.id} ${c.kind}`);
  const segments = expected.changes.flatMap((c) => (c.kind === 'modified' ? [...(c.titleDelta ?? []), ...(c.statementDelta ?? [])] : []));
  const marks = (op: string) => segments.filter((s) => s.op === op && s.text.trim() !== '').length;
  // The legend holds one <del> and one <ins> of its own.
  assert.equal(html.split('<del>').length - 2, marks('delete'), `${where}: <del> marks`);
  assert.equal(html.split('<ins>').length - 2, marks('insert'), `${where}: <ins> marks`);
  assert.equal(html.split('<span class="diff-repere" aria-hidden="true">[−</span>').length - 1, marks('delete'), `${where}: visible cues`);
  assert.equal(html.split('<span class="sr-only">ajouté : </span>').length - 1, marks('insert'), `${where}: spoken cues`);
}

test('a compare page for every ordered pair of editions, showing its changelog', () => {
  for (const [from, to] of editionPairs(names)) assertShows(page(`evolutions/${from}..${to}`), changelog(from, to), `${from}..${to}`);
});

test('« Nouveautés » of each edition against the previous one; the first says it has none', () => {
  const [first, ...rest] = names;
  assert.match(page(`${first}/nouveautes`), new RegExp(`L’édition ${first} est la première édition publiée`));
  names.slice(0, -1).forEach((previous, i) => {
    const edition = rest[i] as string;
    const html = page(`${edition}/nouveautes`);
    assert.match(html, new RegExp(`<h1[^>]*>Nouveautés de l’édition ${edition}</h1>`));
    assertShows(html, changelog(previous, edition), `${edition}/nouveautes`);
  });
});

test('the index of comparisons links every pair; evolution pages are out of the search index', () => {
  const html = page('evolutions');
  for (const [from, to] of editionPairs(names)) assert.ok(html.includes(`href="/evolutions/${from}..${to}/"`), `${from}..${to}`);
  for (const path of ['evolutions', `evolutions/${names[0]}..${names[1]}`, `${names[1]}/nouveautes`]) {
    assert.doesNotMatch(page(path), /data-pagefind-body/, path);
  }
  // The requirement pages stay indexed.
  assert.match(page(`${names[1]}/securite/hebergement`), /data-pagefind-body/);
});

test('the sidebar links the page’s edition « Nouveautés » and the comparisons', () => {
  for (const name of names) {
    const html = page(`${name}/glossaire`);
    assert.ok(html.includes(`href="/${name}/nouveautes/"`), name);
    assert.ok(html.includes('href="/evolutions/"'), name);
  }
});

test('the published changelogs exist for every ordered pair', () => {
  for (const [from, to] of editionPairs(names)) assert.ok(existsSync(join(DIST, 'api', 'v1', 'evolutions', `${from}..${to}.json`)));
});
