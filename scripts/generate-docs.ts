/**
 * Generates docs/data-dictionary.md from the schemas (`npm run gen:docs`); a test fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataDictionaryMarkdown } from '../src/lib/index.ts';

export const DICTIONARY_FILE = fileURLToPath(new URL('../docs/data-dictionary.md', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DICTIONARY_FILE, dataDictionaryMarkdown());
  console.log(`wrote ${DICTIONARY_FILE}`);
}
