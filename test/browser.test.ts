/** The built site in Debian's Chromium: requirement anchors, Pagefind search, no third-party request. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, serveDist } from './site-helpers.ts';

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: BrowserContext;
const foreign: string[] = [];
const cspViolations: string[] = [];

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  browser.on('request', (request) => {
    if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  browser.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) cspViolations.push(`${message.location().url}: ${message.text()}`);
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the search dialog with the keyboard shortcut, once the page's scripts are ready, and types a query. */
async function search(page: Page, query: string) {
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Control+k');
  const input = page.locator('site-search dialog input.pagefind-ui__search-input');
  await input.waitFor();
  await input.fill(query);
}

test('a requirement link lands on its heading, with its facts and citation', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/interoperabilite/identite-authentification/#INT-IDA-01`);
  const heading = page.locator('h2#INT-IDA-01, h3#INT-IDA-01, h4#INT-IDA-01');
  await heading.waitFor();
  assert.match((await heading.textContent()) ?? '', /^INT-IDA-01 \S/);
  const block = page.locator('section.exigence', { has: heading });
  assert.match((await block.locator('.exigence-faits').textContent()) ?? '', /Niveau.*Obligatoire/);
  assert.equal(await block.locator('.exigence-citation code').textContent(), '2025/INT-IDA-01');
  assert.ok(await heading.isVisible());
  await page.close();
});

test('Pagefind finds a requirement by its ID and leads to its permanent page, with the keyboard alone', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/`);
  await search(page, 'INT-IDA-01');
  const target = '/2025/exigences/INT-IDA-01/';
  const hit = page.locator(`site-search dialog a[href="${target}"]`);
  await hit.waitFor({ timeout: 15000 });
  assert.match((await hit.textContent()) ?? '', /^INT-IDA-01 — .*\(édition 2025\)$/);
  // Tab from the search field to the result, then Enter.
  let focused = '';
  for (let i = 0; i < 60 && focused !== target; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
  }
  assert.equal(focused, target);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/2025\/exigences\/INT-IDA-01\/$/);
  assert.ok(await page.locator('[id="INT-IDA-01"]').isVisible());
  await page.close();
});

test('search filters by edition and shows each result’s edition', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/`);
  await search(page, 'INT-IDA-01');
  const titles = page.locator('site-search dialog .pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title');
  await page.locator('site-search dialog a[href="/2023/exigences/INT-IDA-01/"]').waitFor({ timeout: 15000 });
  await page.locator('site-search dialog summary', { hasText: 'Édition' }).click();
  await page.locator('site-search dialog input[name="Édition"][value="2025"]').check();
  await page.locator('site-search dialog a[href="/2023/exigences/INT-IDA-01/"]').waitFor({ state: 'detached', timeout: 15000 });
  const texts = await titles.allTextContents();
  assert.ok(texts.length > 0);
  for (const text of texts) assert.match(text, /\(édition 2025\)$/);
  await page.close();
});

test('the edition switcher works with the keyboard and keeps the same requirement', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2024/exigences/INT-IDA-01/`);
  const summary = page.locator('.edition-switcher summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  const link = page.locator('.edition-switcher a', { hasText: 'Édition 2025' }).first();
  assert.ok(await link.isVisible());
  assert.equal(await link.getAttribute('href'), '/2025/exigences/INT-IDA-01/');
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/2025\/exigences\/INT-IDA-01\/$/);
  assert.match((await page.locator('h1').textContent()) ?? '', /^INT-IDA-01 — /);
  await page.close();
});

test('a retired ID has a tombstone naming its successors, and its history links each edition’s text', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/exigences/DOC-GOU-01/`);
  assert.match((await page.locator('h1').textContent()) ?? '', /DOC-GOU-01 — exigence retirée/);
  const tombstone = (await page.locator('.tombe').textContent()) ?? '';
  assert.match(tombstone, /retirée dans l’édition 2025/);
  for (const successor of ['DOC-GOU-07', 'DOC-GOU-08']) assert.ok(await page.locator(`.tombe a[href="/exigences/${successor}/"]`).isVisible(), successor);
  assert.ok(await page.locator('.historique a[href="/2024/exigences/DOC-GOU-01/"]').isVisible());
  assert.match((await page.locator('.historique').textContent()) ?? '', /Scindée en DOC-GOU-07/);
  await page.close();
});

test('searching a requirement’s own words lands on that requirement', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/`);
  // Words of INT-IDA-01's statement (not its ID), restricted to the edition in force.
  await search(page, 'propagation d’identité authentification unique');
  await page.locator('site-search dialog summary', { hasText: 'Édition' }).click();
  await page.locator('site-search dialog input[name="Édition"][value="2025"]').check();
  const hit = page.locator('site-search dialog a[href="/2025/exigences/INT-IDA-01/"]');
  await hit.waitFor({ timeout: 15000 });
  await hit.click();
  await page.waitForURL(/\/2025\/exigences\/INT-IDA-01\/$/);
  assert.match((await page.locator('h1').textContent()) ?? '', /^INT-IDA-01 — Propagation de l'identité/);
  await page.close();
});

test('the site opens on the edition in force; a superseded edition’s banner leads to the same requirement in force', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  assert.ok(await page.locator('main a[href="/2025/"]').first().isVisible(), 'home page links the edition in force');
  assert.equal(await page.locator('.bandeau-edition').count(), 0, 'no superseded banner outside an edition');
  await page.goto(`${server.origin}/2024/exigences/INT-IDA-01/`);
  const banner = page.locator('.bandeau-edition');
  assert.match((await banner.textContent()) ?? '', /Édition 2024 : remplacée\. L’édition en vigueur est l’édition 2025 : voir cette page dans l’édition 2025\./);
  await banner.locator('a', { hasText: 'voir cette page' }).click();
  await page.waitForURL(/\/2025\/exigences\/INT-IDA-01\/$/);
  assert.equal(await page.locator('.bandeau-edition').count(), 0, 'no banner on the edition in force');
  // A requirement retired before the edition in force: the banner leads to its history instead.
  await page.goto(`${server.origin}/2024/exigences/DOC-GOU-01/`);
  await page.locator('.bandeau-edition a', { hasText: 'voir l’historique de cette exigence' }).click();
  await page.waitForURL(/\/exigences\/DOC-GOU-01\/$/);
  await page.close();
});

test('copy buttons put the page’s link and its citation on the clipboard, and say so', async () => {
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/exigences/INT-IDA-01/`);
  const box = page.locator('[data-copier]').first();
  await box.waitFor({ state: 'visible' });
  await box.locator('button', { hasText: 'Copier la citation' }).click();
  await page.locator('.copier-statut', { hasText: 'Copié : 2025/INT-IDA-01' }).first().waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '2025/INT-IDA-01');
  await box.locator('button', { hasText: 'Copier le lien' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^https:\/\/[^/]+\/2025\/exigences\/INT-IDA-01\/$/);
  await page.close();
});

test('browsing requested nothing outside the site, and the CSP blocked nothing the site needs', () => {
  assert.deepEqual(foreign, []);
  assert.deepEqual(cspViolations, []);
});
