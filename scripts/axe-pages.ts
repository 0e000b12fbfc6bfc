// Runs axe-core on the given paths of the built site: node scripts/axe-pages.ts /2025/ /donnees/
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, serveDist } from '../test/site-helpers.ts';
const server = await serveDist(); const browser = await launchBrowser();
const page = await browser.newPage();
for (const p of process.argv.slice(2)) {
  await page.goto(server.origin + p);
  const r = await new AxeBuilder({ page }).withTags(['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']).analyze();
  console.log(p, r.violations.map((v) => v.id + ' ' + v.nodes[0]?.target));
}
await browser.close(); await server.close();
