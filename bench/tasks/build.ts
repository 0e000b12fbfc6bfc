/**
 * Benchmark task: a cold `astro build` (content layer cache cleared with `force`) of the project at ROOT into
 * OUT, through Astro's programmatic API, so that the process's peak memory is the build's.
 * Prints one JSON line: { ms, rssMb, pages }.
 */
import { readdirSync } from 'node:fs';
import { build } from 'astro';

const [root = '', outDir = ''] = process.argv.slice(2);
const start = performance.now();
await build({ root, outDir, force: true, logLevel: 'warn' });
const ms = performance.now() - start;
const pages = readdirSync(outDir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, pages }));
// Astro may leave handles open (file watchers of integrations): the measure is done.
process.exit(0);
