/**
 * The explorer, the socle pages, the printable edition, the accessibility statement and the legal notice, in the
 * built site (dist/) and in Debian's Chromium: contents against the datasets, filters with the keyboard, state in
 * the URL, print rules, axe-core.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { loadContent, type EditionDataset, type Exigence } from '../src/lib/index.ts';
import { countSentence } from '../src/site/format.ts';
import { ROOT } from './helpers.ts';
import { DIST, launchBrowser, serveDist } from './site-helpers.ts';

const content = await loadContent(join(ROOT, 'content'));
const datasets = content.editions.map((e) => e.dataset).filter((d): d is EditionDataset => d !== undefined);
const d2025 = datasets.find((d) => d.edition.edition === '2025');
const d2024 = datasets.find((d) => d.edition.edition === '2024');
assert.ok(d2025 && d2024 && datasets.length === content.editions.length);
const count2025 = (test: (e: Exigence) => boolean) => d2025.exigences.filter(test).length;

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: BrowserContext;
const foreign: string[] = [];

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  browser.on('request', (request) => {
    if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');

/** Presses Tab until the focused element matches `selector` (keyboard only, no click). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

const visibleRows = (page: Page) => page.locator('[data-explorateur] tbody tr:visible');

test('explorer without JavaScript: the whole edition, in reading order, and no dead form', async () => {
  for (const dataset of datasets) {
    const page = html(`${dataset.edition.edition}/explorateur`);
    const ids = [...page.matchAll(/<tr id="ligne-([A-Z0-9-]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, dataset.exigences.map((e) => e.id), dataset.edition.edition);
    assert.match(page, /<form class="explorateur-filtres" data-filtres hidden/);
  }
  const page = await browser.newPage();
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(`${server.origin}/2025/explorateur/?referentiel=securite`);
  assert.equal(await visibleRows(page).count(), d2025.exigences.length);
  assert.equal(await page.locator('form[data-filtres]').isVisible(), false);
  await page.close();
});

test('explorer with JavaScript: keyboard filtering, counts, URL state, reload and back', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/explorateur/`);
  await page.locator('form[data-filtres]').waitFor({ state: 'visible' });
  const result = page.locator('[data-resultat]');
  assert.equal(await result.getAttribute('aria-live'), 'polite');
  assert.equal(await visibleRows(page).count(), d2025.exigences.length);

  await tabTo(page, '#f-referentiel-securite');
  await page.keyboard.press('Space');
  const securite = count2025((e) => e.referentiel === 'securite');
  assert.equal(await visibleRows(page).count(), securite);
  assert.equal(new URL(page.url()).search, '?referentiel=securite');

  await tabTo(page, '#f-niveau-obligatoire');
  await page.keyboard.press('Space');
  const expected = count2025((e) => e.referentiel === 'securite' && e.niveau === 'obligatoire');
  const check = async () => {
    assert.equal(await visibleRows(page).count(), expected);
    assert.equal(await result.textContent(), countSentence(expected, d2025.exigences.length));
    assert.equal(await page.locator('#f-referentiel-securite').isChecked(), true);
    assert.equal(await page.locator('#f-niveau-obligatoire').isChecked(), true);
    // Facet counts: what each other value would give, given the other groups.
    const facet = (id: string) => page.locator(`label[for="${id}"] [data-compte]`).textContent();
    assert.equal(await facet('f-niveau-recommandé'), String(count2025((e) => e.referentiel === 'securite' && e.niveau === 'recommandé')));
    assert.equal(await facet('f-referentiel-texte'), String(count2025((e) => e.referentiel === 'texte' && e.niveau === 'obligatoire')));
    assert.equal(await facet('f-cible-ressources'), String(count2025((e) => e.referentiel === 'securite' && e.niveau === 'obligatoire' && e.cibles.includes('ressources'))));
  };
  await check();
  assert.equal(new URL(page.url()).search, '?referentiel=securite&niveau=obligatoire');

  await page.reload();
  await page.locator('form[data-filtres]').waitFor({ state: 'visible' });
  await check();

  await page.goBack();
  await page.waitForURL((url) => url.search === '?referentiel=securite');
  assert.equal(await visibleRows(page).count(), securite);
  assert.equal(await page.locator('#f-niveau-obligatoire').isChecked(), false);

  await tabTo(page, 'button[data-effacer]');
  await page.keyboard.press('Enter');
  assert.equal(await visibleRows(page).count(), d2025.exigences.length);
  assert.equal(new URL(page.url()).search, '');
  await page.close();
});

test('explorer: several values of one group, socles, and the changes since the previous edition', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/explorateur/?cible=emploi-du-temps&cible=infrastructure&socle=scope`);
  await page.locator('form[data-filtres]').waitFor({ state: 'visible' });
  assert.equal(
    await visibleRows(page).count(),
    count2025((e) => (e.cibles.includes('emploi-du-temps') || e.cibles.includes('infrastructure')) && e.socles.includes('scope')),
  );
  const before = new Map(d2024.exigences.map((e) => [e.id, e]));
  const changed = d2025.exigences.filter((e) => {
    const p = before.get(e.id);
    return !p || p.hash !== e.hash || p.niveau !== e.niveau || p.chapitre !== e.chapitre;
  });
  await page.goto(`${server.origin}/2025/explorateur/?changement=oui`);
  await page.locator('form[data-filtres]').waitFor({ state: 'visible' });
  assert.deepEqual(
    await visibleRows(page).evaluateAll((rows) => rows.map((r) => r.id.replace('ligne-', ''))),
    changed.map((e) => e.id),
  );
  // The first edition has nothing to compare with: no such filter.
  await page.goto(`${server.origin}/2023/explorateur/`);
  assert.equal(await page.locator('input[name="changement"]').count(), 0);
  await page.close();
});

test('each socle page lists exactly the edition’s requirements that name it, and links to its section', () => {
  for (const dataset of datasets) {
    const edition = dataset.edition.edition;
    for (const socle of dataset.vocabulaires.socles) {
      const page = html(`${edition}/socles/${socle.id}`);
      const lists = [...page.matchAll(/<ul class="socle-exigences">(.*?)<\/ul>/gs)].map((m) => m[1] ?? '');
      const listed = lists.flatMap((list) => [...list.matchAll(/<a href="([^"]+)"><code>([A-Z0-9-]+)<\/code>/g)].map((m) => [m[2], m[1]]));
      const expected = dataset.exigences.filter((e) => e.socles.includes(socle.id));
      assert.deepEqual(listed, expected.map((e) => [e.id, new URL(e.url).pathname + new URL(e.url).hash]), `${edition}/${socle.id}`);
      const section = /Extrait du chapitre <a href="([^"#]+)#([^"]+)">/.exec(page);
      assert.ok(section, `${edition}/${socle.id}: no link to the main text`);
      assert.ok(html(section[1] ?? '').includes(` id="${section[2]}"`), `${edition}/${socle.id}: anchor #${section[2]} missing`);
    }
    const index = html(`${edition}/socles`);
    for (const socle of dataset.vocabulaires.socles) assert.ok(index.includes(`<a href="/${edition}/socles/${socle.id}/">`), `${edition} index: ${socle.id}`);
  }
});

test('the printable edition holds every requirement’s exact statement and every chapter, and prints without navigation', async () => {
  for (const dataset of datasets) {
    const page = html(`${dataset.edition.edition}/imprimer`);
    for (const e of dataset.exigences) assert.ok(page.includes(`<div class="exigence-enonce">${e.statement.html}</div>`), e.citation);
    for (const c of dataset.chapitres) assert.ok(page.includes(`>${c.title.replaceAll("'", '&#39;')}</h3>`) || page.includes(`>${c.title}</h3>`), `${dataset.edition.edition}: ${c.title}`);
  }
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/imprimer/`);
  assert.equal(await page.locator('#starlight__sidebar').isVisible(), true);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['#starlight__sidebar', 'header.header', 'site-search', '.right-sidebar-container', '.doctrine-pied']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
  }
  assert.equal(await page.locator('.bandeau-avertissement').isVisible(), true);
  const first = page.locator('section.exigence').first();
  assert.equal(await first.evaluate((el) => getComputedStyle(el).breakInside), 'avoid');
  const fonts = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.match(fonts, /sans-serif/);
  assert.doesNotMatch(fonts, /(^|,\s*)serif\b/);
  await page.close();
});

test('every page links to the accessibility statement and the legal notice, after Starlight’s own footer', () => {
  for (const path of ['', '2025', '2025/securite/hebergement', '2025/explorateur', 'accessibilite', 'regles']) {
    const page = html(path);
    assert.match(page, /<nav class="doctrine-pied" aria-label="Informations sur le site" data-pagefind-ignore>\s*<ul>\s*<li><a href="\/accessibilite\/">Accessibilité : non conforme<\/a><\/li>\s*<li><a href="\/mentions-legales\/">Mentions légales<\/a><\/li>/, path);
  }
  assert.match(html('2025/securite/hebergement'), /class="pagination-links[^"]*"[\s\S]*class="doctrine-pied"/);
});

test('the accessibility statement and the legal notice say what is true of this site', () => {
  const a11y = html('accessibilite');
  assert.match(a11y, /<strong>Ce site est non conforme au RGAA<\/strong>, au sens du référentiel : il n’a fait l’objet d’aucun audit/);
  assert.match(a11y, /Aucun taux de conformité n’est donc\s+annoncé/);
  assert.match(a11y, /WCAG\) dans leur version 2\.2/);
  assert.match(a11y, /axe-core/);
  const legal = html('mentions-legales');
  assert.match(legal, /L’éditeur et l’hébergeur de ce site sont indiqués par l’organisme qui le déploie\./);
  assert.match(legal, /licence MIT/);
  assert.match(legal, /<a href="https:\/\/www\.etalab\.gouv\.fr\/licence-ouverte-open-licence\/">Licence Ouverte 2\.0 \(Etalab\)<\/a>/);
  assert.match(legal, /Ce site ne dépose aucun cookie et n’utilise aucun traceur/);
  assert.match(legal, /Il ne charge aucune ressource d’un tiers/);
  for (const page of [a11y, legal]) assert.doesNotMatch(page, /à compléter|\[.*éditeur.*\]/i);
});

test('the explorer is the first entry of each edition in the sidebar (one edition per page)', () => {
  for (const dataset of datasets) {
    const edition = dataset.edition.edition;
    const page = html(edition);
    const group = page.indexOf(`Édition ${edition} (`, page.indexOf('id="starlight__sidebar"'));
    assert.ok(group > 0, edition);
    assert.equal(/<a href="([^"]+)"/.exec(page.slice(group))?.[1], `/${edition}/explorateur/`);
  }
});

// One page of each kind (the same templates serve every edition): the explorer with its form in use, the
// printable edition of the smallest edition (axe's contrast checks grow with the number of text nodes).
const PAGES = [
  '/2025/explorateur/?referentiel=securite&niveau=obligatoire&cible=ent',
  '/2025/socles/',
  '/2025/socles/gar/',
  '/2023/imprimer/',
  '/accessibilite/',
  '/mentions-legales/',
];

test('axe-core finds no violation on these pages', async () => {
  const page = await browser.newPage();
  for (const path of PAGES) {
    await page.goto(server.origin + path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const violations = results.violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
    assert.deepEqual(violations, [], path);
  }
  await page.close();
});

test('these pages requested nothing outside the site', () => {
  assert.deepEqual(foreign, []);
});
