/**
 * Every built page (not a sample) in Debian's Chromium: axe-core with the WCAG 2.0/2.1/2.2 A and AA rules finds
 * nothing, no request leaves the site's origin, and the Content-Security-Policy blocks nothing the page needs.
 * Pages are checked two at a time; the test reports every problem with its page.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext } from 'playwright-core';
import { DIST, launchBrowser, serveDist } from './site-helpers.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: BrowserContext;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function builtPages(): string[] {
  return readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name).slice(DIST.length).replace(/index\.html$/, ''))
    .filter((path) => !path.startsWith('/_astro') && !path.startsWith('/pagefind'))
    .sort();
}

test('on every page: no axe violation, no third-party request, nothing blocked by the CSP', { timeout: 40 * 60 * 1000 }, async () => {
  const paths = builtPages();
  assert.ok(paths.length > 100, `only ${paths.length} pages`);
  const violations: string[] = [];
  const foreign: string[] = [];
  const blocked: string[] = [];
  browser.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.origin) && !url.startsWith('data:')) foreign.push(url);
  });
  browser.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) blocked.push(`${message.location().url}: ${message.text()}`);
  });
  const queue = [...paths];
  const worker = async () => {
    const page = await browser.newPage();
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      await page.goto(server.origin + path, { waitUntil: 'load' });
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of result.violations) {
        violations.push(`${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ') ?? ''}`);
      }
    }
    await page.close();
  };
  await Promise.all([worker(), worker()]);
  assert.deepEqual(violations, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(blocked, []);
});
