// Takes a screenshot of a page in Debian's Chromium: node scripts/screenshot.mjs URL OUT.png [WIDTH] [HEIGHT]
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, out, width = '1280', height = '900'] = process.argv.slice(2);
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'doctrine-shot-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: Number(width), height: Number(height) },
});
const page = await context.newPage();
await page.goto(url);
await page.screenshot({ path: out });
await context.close();
