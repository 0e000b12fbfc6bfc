/** Requirement histories across editions, on the three fixture editions whose changes are known (README there). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadContent, requirementHistories, type EditionDataset } from '../src/lib/index.ts';
import { FIXTURES } from './helpers.ts';

const build = await loadContent(join(FIXTURES, 'evolutions', 'content'));
assert.deepEqual(build.reporter.diagnostics, []);
const histories = requirementHistories(build.editions.map((e) => e.dataset as EditionDataset));
const steps = (id: string) => histories.get(id)?.steps.map((s) => [s.edition, s.state, s.changes.map((c) => c.kind)]);

test('every ID ever published has a history', () => {
  const ids = new Set(build.editions.flatMap((e) => e.dataset?.exigences.map((x) => x.id) ?? []));
  assert.deepEqual([...histories.keys()].sort(), [...ids].sort());
});

test('a kept requirement: raised, reworded, its attributes changed', () => {
  assert.deepEqual(steps('INT-IDA-01'), [
    ['2023', 'introduced', []],
    ['2024', 'kept', ['modified', 'socles-changed', 'normes-changed']],
    ['2025', 'kept', ['level-changed', 'modified']],
  ]);
  assert.equal(histories.get('INT-IDA-01')?.latest.edition, '2025');
  assert.equal(histories.get('INT-IDA-01')?.retrait, undefined);
});

test('a split, then a replacement: the chain INT-IDA-02 → INT-IDA-03 → INT-IDA-06', () => {
  assert.deepEqual(steps('INT-IDA-02'), [['2023', 'introduced', []], ['2024', 'retired', ['split']]]);
  assert.deepEqual(steps('INT-IDA-03'), [['2024', 'introduced', ['split']], ['2025', 'retired', ['replaced']]]);
  assert.deepEqual(steps('INT-IDA-06'), [['2025', 'introduced', ['replaced']]]);
  // The tombstone names the successors, as the latest edition publishes them.
  const retired = histories.get('INT-IDA-03');
  assert.equal(retired?.latest.edition, '2024');
  assert.deepEqual([retired?.retrait?.retiredIn, retired?.retrait?.successeurs], ['2025', ['INT-IDA-06']]);
});

test('a merge and a removal without successor', () => {
  assert.deepEqual(steps('SEC-HEB-04'), [['2024', 'introduced', ['merged']], ['2025', 'kept', ['replaced']]]);
  assert.deepEqual(steps('SEC-HEB-02'), [['2023', 'introduced', []], ['2024', 'retired', ['merged']]]);
  assert.deepEqual(steps('INT-TRA-01'), [['2024', 'introduced', ['added']], ['2025', 'retired', ['removed']]]);
  assert.deepEqual(histories.get('INT-TRA-01')?.retrait?.successeurs, []);
});
