/**
 * The README's screenshots, taken from the built site (dist/) in Debian's Chromium:
 * node scripts/screenshots.ts → docs/screenshots/*.png
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, serveDist } from '../test/site-helpers.ts';

const SHOTS = [
  { path: '/2025/explorateur/?referentiel=securite&niveau=obligatoire', file: 'explorateur.png' },
  { path: '/2025/exigences/INT-IDA-01/', file: 'exigence.png' },
  { path: '/exigences/DOC-GOU-01/', file: 'historique.png' },
];

mkdirSync('docs/screenshots', { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
const page = await browser.newPage();
await page.setViewportSize({ width: 1280, height: 900 });
await page.emulateMedia({ colorScheme: 'light' });
for (const shot of SHOTS) {
  await page.goto(server.origin + shot.path, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `docs/screenshots/${shot.file}` });
  console.log(`docs/screenshots/${shot.file}`);
}
await browser.close();
await server.close();
