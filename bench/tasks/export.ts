/**
 * Benchmark task: `doctrine export --content DIR --out OUT`, run in-process through the CLI's own entry point
 * (the same code as `npx doctrine export`, without Node's start-up). Prints one JSON line: { ms, rssMb, status }.
 */
import { main } from '../../src/cli/main.ts';

const [content = '', out = ''] = process.argv.slice(2);
const start = performance.now();
const status = await main(['export', '--content', content, '--out', out]);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, status }));
