/** The built site in Debian's Chromium: requirement anchors, Pagefind search, no third-party request. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
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

test('Pagefind finds a requirement by its ID and links to its anchor', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/2025/`);
  await page.keyboard.press('Control+k');
  const input = page.locator('site-search dialog input');
  await input.waitFor();
  await input.fill('INT-IDA-01');
  const hit = page.locator('site-search dialog a[href="/2025/interoperabilite/identite-authentification/#INT-IDA-01"]');
  await hit.waitFor({ timeout: 15000 });
  assert.match((await hit.textContent()) ?? '', /^INT-IDA-01 /);
  await hit.click();
  await page.waitForURL(/#INT-IDA-01$/);
  assert.ok(await page.locator('[id="INT-IDA-01"]').isVisible());
  await page.close();
});

test('browsing requested nothing outside the site', () => {
  assert.deepEqual(foreign, []);
});
