/**
 * Benchmark task: `diffEditions` (the library's diff, with word deltas) between two editions of a content
 * folder, timed `runs` times in one process after one warm-up. Prints one JSON line: { ms: [..], changes, exigences }.
 */
import { diffEditions, loadContent } from '../../src/lib/index.ts';

const [content = '', from = '', to = '', runs = '3'] = process.argv.slice(2);
const build = await loadContent(content);
const a = build.editions.find((e) => e.name === from)?.dataset;
const b = build.editions.find((e) => e.name === to)?.dataset;
if (!a || !b) throw new Error(`editions ${from} and ${to} must load without errors`);
let changes = diffEditions(a, b).changes.length;
const ms: number[] = [];
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  changes = diffEditions(a, b).changes.length;
  ms.push(performance.now() - start);
}
console.log(JSON.stringify({ ms, changes, exigences: [a.exigences.length, b.exigences.length] }));
