/**
 * The long fuzzing run (`npm run fuzz -- [--runs N] [--cli-runs N] [--seed N]`): the properties of test/fuzz.ts
 * over many more mutations. The seed is printed first, so that a failure replays with the same `--seed`.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { baseExport, caseArb, checkCli, checkInProcess, describeCase, FuzzContent } from '../test/fuzz.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, 'cli-runs': { type: 'string', default: '40' }, seed: { type: 'string' } } });
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const runs = Number(values.runs);
const cliRuns = Number(values['cli-runs']);
console.log(`fuzz : graine ${seed}, ${runs} cas en mémoire, ${cliRuns} cas par la CLI (rejouer : npm run fuzz -- --seed ${seed})`);

const content = new FuzzContent();
const previous = baseExport();
let failed = false;
const report = (name: string, details: fc.RunDetails<[unknown]>) => {
  if (!details.failed) {
    console.log(`${name} : ${details.numRuns} cas, aucun échec`);
    return;
  }
  failed = true;
  console.error(`${name} : échec (graine ${seed}, chemin ${details.counterexamplePath ?? '?'})`);
  console.error(details.errorInstance);
  const example = details.counterexample?.[0];
  if (example) console.error(JSON.stringify(example), '\n' + describeCase(content, example as never));
};
try {
  const start = performance.now();
  report('loadContent', await fc.check(fc.asyncProperty(caseArb, (c) => checkInProcess(content, c)), { numRuns: runs, seed }) as fc.RunDetails<[unknown]>);
  report('CLI', fc.check(fc.property(caseArb, (c) => checkCli(content, c, previous.dir)), { numRuns: cliRuns, seed: seed + 1 }) as fc.RunDetails<[unknown]>);
  console.log(`durée : ${((performance.now() - start) / 1000).toFixed(1)} s`);
} finally {
  content.cleanup();
  previous.cleanup();
}
process.exit(failed ? 1 : 0);
