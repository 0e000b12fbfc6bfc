/**
 * Benchmark task: the floor of any export, a raw single-threaded remark parse (the library's own parser,
 * unified + remark-parse, -frontmatter, -gfm, -directive) of every Markdown file of a content folder.
 * Prints one JSON line: { ms, rssMb, files, bytes }.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../../src/lib/markdown.ts';

const dir = process.argv[2] ?? '';
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.md'))
  .map((e) => join(e.parentPath, e.name))
  .sort();
const start = performance.now();
let bytes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  parseMarkdown(text);
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, files: files.length, bytes }));
