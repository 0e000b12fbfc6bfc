/**
 * Bounded fuzzing (the long run is `npm run fuzz`): thousands of mutations of the base fixture never make
 * `loadContent` throw and always give located diagnostics; a few through the CLI check exit codes and that
 * `export` never leaves partial output. Seeds are fixed, so a failure replays; see test/fuzz.ts.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { baseExport, caseArb, checkCli, checkInProcess, FuzzContent } from './fuzz.ts';

test('fuzz: loadContent never throws and locates every diagnostic', async () => {
  const content = new FuzzContent();
  try {
    await fc.assert(fc.asyncProperty(caseArb, (c) => checkInProcess(content, c)), { numRuns: 1500, seed: 20270107 });
  } finally {
    content.cleanup();
  }
});

test('fuzz: validate exits 0 or 1 with located diagnostics; export is complete or untouched', () => {
  const content = new FuzzContent();
  const previous = baseExport();
  try {
    fc.assert(fc.property(caseArb, (c) => checkCli(content, c, previous.dir)), { numRuns: 4, seed: 20270108 });
  } finally {
    content.cleanup();
    previous.cleanup();
  }
});
