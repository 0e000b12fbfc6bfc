/**
 * Golden tests of diagnostics: each folder of test/fixtures/cases overlays the base fixture with a faulty
 * file; `expected.json` holds the exact (rule, file, line, column) tuples. A missing golden file is written
 * (review it!), a different one fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadContent } from '../src/lib/index.ts';
import { cli, contentWith, FIXTURES, BASE_CONTENT } from './helpers.ts';

const CASES = join(FIXTURES, 'cases');

test('the base fixture is clean', async () => {
  const build = await loadContent(BASE_CONTENT);
  assert.deepEqual(build.reporter.diagnostics, []);
  assert.deepEqual(build.editions.map((e) => e.dataset?.exigences.length), [2, 4]);
});

for (const name of readdirSync(CASES).sort()) {
  test(`diagnostics: ${name}`, async () => {
    const content = contentWith(join(CASES, name, 'content'));
    try {
      const build = await loadContent(content.dir);
      const actual = build.reporter.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        file: relative(content.dir, d.file),
        line: d.line,
        column: d.column,
        ...(d.cause ? { cause: `${relative(content.dir, d.cause.file)}:${d.cause.line}:${d.cause.column}` } : {}),
      }));
      const golden = join(CASES, name, 'expected.json');
      if (!existsSync(golden)) writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
      assert.deepEqual(actual, JSON.parse(readFileSync(golden, 'utf8')));
      // The case is named after the rule it exercises, which must be among the errors.
      assert.ok(actual.some((d) => name.startsWith(d.ruleId)), `${name}: expected a ${name} diagnostic`);
      // Content errors mean no dataset for the faulty edition, and exit code 1 from the CLI without a stack.
      const result = cli(['validate', '--content', content.dir]);
      assert.equal(result.status, 1);
      assert.doesNotMatch(result.stderr + result.stdout, /\n\s+at /);
      assert.match(result.stdout, new RegExp(`:${actual[0]?.line}:${actual[0]?.column}: error ${actual[0]?.ruleId} `));
    } finally {
      content.cleanup();
    }
  });
}
