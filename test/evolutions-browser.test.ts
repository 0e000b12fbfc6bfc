/** The evolution pages in Debian's Chromium: no axe-core violation, cues visible without colour, no third party. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, serveDist } from './site-helpers.ts';

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

// The compare pages and the « Nouveautés » pages share one component: the largest page (every kind of change) and
// the two small layouts are enough, and axe-core takes seconds per large page.
for (const path of ['/evolutions/', '/2023/nouveautes/', '/2025/nouveautes/']) {
  test(`axe-core finds nothing on ${path}`, async () => {
    const page = await browser.newPage();
    await page.goto(server.origin + path);
    const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), []);
    await page.close();
  });
}

test('deletions and insertions are marked by visible text and decoration, not colour alone', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/nouveautes/#modified`);
  const del = page.locator('section[aria-labelledby="modified"] del').first();
  const ins = page.locator('section[aria-labelledby="modified"] ins').first();
  await del.waitFor();
  // Visible cues around the words, and words for screen readers.
  assert.match((await del.textContent()) ?? '', /^supprimé : \[−.+\] \(fin\)$/s);
  assert.match((await ins.textContent()) ?? '', /^ajouté : \[\+.+\] \(fin\)$/s);
  assert.deepEqual(await del.locator('.diff-repere').allTextContents(), ['[−', ']']);
  assert.match(await del.evaluate((e) => getComputedStyle(e).textDecorationLine), /line-through/);
  assert.match(await ins.evaluate((e) => getComputedStyle(e).textDecorationLine), /underline/);
  assert.ok(await del.locator('.diff-repere').first().isVisible());
  await page.close();
});

test('browsing the evolution pages requested nothing outside the site', () => {
  assert.deepEqual(foreign, []);
});
