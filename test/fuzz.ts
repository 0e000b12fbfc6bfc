/**
 * Fuzzing of the content tools: mutations of the valid base fixture (random bytes, invalid UTF-8, deleted,
 * duplicated or truncated lines, broken directives and attributes, broken YAML in edition.yml,
 * vocabulaires.yml, the front matter and the lock) and the properties every mutated content must keep:
 *
 * - `loadContent` never throws; every diagnostic has a file, a line ≥ 1, a column ≥ 1 and a rule of the
 *   registry (`src/lib/rules.ts`); content without errors exports without throwing;
 * - `doctrine validate` exits 0 or 1 and prints only located diagnostics (no stack trace);
 * - `doctrine export` leaves its target folder untouched (errors) or complete (success), never partial.
 *
 * Shared by the bounded run of `npm test` (test/fuzz.test.ts) and the long run `npm run fuzz` (scripts/fuzz.ts).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { dataFiles, getValidator, loadContent, RULES, type Diagnostic } from '../src/lib/index.ts';
import { BASE_CONTENT, cli, tempDir } from './helpers.ts';

const RULE_IDS = new Set<string>(RULES.map((r) => r.id));

/** Files of the base fixture that mutations target, relative to the content folder. */
export const TARGETS = readdirSync(BASE_CONTENT, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(BASE_CONTENT, join(e.parentPath, e.name)))
  .sort();

/** One edit of a file's bytes. Positions are fractions of the file's length, so they fit any file. */
export type Mutation =
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'delete-line' | 'duplicate-line' | 'truncate' | 'swap-lines'; at: number }
  | { kind: 'insert-text' | 'set-value' | 'prefix-line'; at: number; text: string }
  | { kind: 'replace'; at: number; length: number; text: string };

/** Pieces of syntax that break directives, attributes, YAML and JSON when inserted anywhere. */
const SNIPPETS = [
  ':::', '::', ':', ':::exigence', ':::exigence[', ':::exigence[T]{#INT-IDA-99 niveau=obligatoire cibles=ent}\nX\n:::',
  ':::terme[x]{#y}', ':exigence[', ':exigence[INT-IDA-01]', ':exigence[]', ':terme[x]{#', ':terme[a]{#ent}', '::note', ':::danger',
  '{', '}', '[', ']', '{#', '#', '=', '"', "'", '`', '```', '{#INT-IDA-01}', ' niveau=', ' cibles=""', ' cibles="ent,ent"',
  ' socles=gar', ' normes="x"', ' remplace=INT-IDA-01', ' echeance=2026-02-30', ' class=x', ' .x', ' id=', ' foo=bar',
  '\n', '\n\n', '\t', '\r', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u0000', 'é', 'e\u0301', '😀', '\ud800',
  '---', '---\n', '- ', '-', '? ', ': ', 'key: [', 'key: {', '&a ', '*a', '!!binary ', '!!str ', '|', '>', '%YAML 1.2\n',
  '~', 'null', '[]', '{}', '0', '-1', '1e999', 'retraits:', 'retraits: x', 'statut: en-vigueur', 'statut: remplacée',
  'edition: "2024"', 'errata: []', '- id: SEC-HEB-02', 'successeurs: [X]', 'title:', 'order: x', 'sidebar:', '  order: 2',
  '"exigences": {}', '"SEC-HEB-01": "sha256:0"', ',', '":"', '<', '</div>', '<!--', '-->', '$$', '\\', '|a|b|\n|-|-|',
  '[x]: http://a', '[^1]', '***', '> ', '1. ', '* [ ] ', '<script>', '&amp;', '&#0;',
];

/** Values that break YAML documents where a value is expected (anchors, aliases, tags, keys, nesting). */
const YAML_VALUES = [
  '*x', '&a [*a]', '&a {k: *a}', '&a x', '*a', '[*a, *a]', '? [a]\n: 1', '{a: 1}', '[a, [b, [c]]]', '!!binary aGVsbG8=', '!!timestamp 2020-01-01',
  '!!set {a, b}', '!!omap [a: 1]', '!!int 99999999999999999999999', '!!float .nan', '!!null', '!custom x', '|\n  a\n  b', '>-\n  a', '"\\u0000"',
  '"\\ud800"', '2025-13-45', '0x1F', '1_000', '.inf', '-.inf', 'true', '~', '', '"', "'", '{', '[', '- a\n- b', 'a: b: c', '@x', '`x`', '%x',
];

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Arbitrary mutations, biased towards breaking syntax. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('bytes' as const), at: position, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const, 'truncate' as const, 'swap-lines' as const), at: position }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('insert-text' as const), at: position, text: fc.constantFrom(...SNIPPETS) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('insert-text' as const), at: position, text: fc.string({ unit: 'binary', maxLength: 6 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), at: position, length: fc.integer({ min: 1, max: 12 }), text: fc.constantFrom('', ...SNIPPETS) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('set-value' as const), at: position, text: fc.constantFrom(...YAML_VALUES) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('prefix-line' as const), at: position, text: fc.constantFrom(...SNIPPETS, ...YAML_VALUES) }), weight: 2 },
);

/** A case: which files to edit, and how. */
export interface FuzzCase {
  edits: { file: string; mutations: Mutation[] }[];
}

export const caseArb: fc.Arbitrary<FuzzCase> = fc.record({
  edits: fc.array(fc.record({ file: fc.constantFrom(...TARGETS), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 2 }),
});

function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  bytes.forEach((b, i) => {
    if (b === 0x0a) starts.push(i + 1);
  });
  return starts;
}

/** Applies one mutation to a file's bytes. */
export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.floor(m.at * (bytes.length + 1));
  const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
  switch (m.kind) {
    case 'bytes':
      return concat(bytes.subarray(0, at), Uint8Array.from(m.bytes), bytes.subarray(at));
    case 'insert-text':
      return concat(bytes.subarray(0, at), Buffer.from(m.text, 'utf8'), bytes.subarray(at));
    case 'replace':
      return concat(bytes.subarray(0, at), Buffer.from(m.text, 'utf8'), bytes.subarray(Math.min(bytes.length, at + m.length)));
    case 'truncate':
      return bytes.subarray(0, at);
    default: {
      const starts = lineStarts(bytes);
      const i = Math.min(starts.length - 1, Math.floor(m.at * starts.length));
      const start = starts[i] ?? 0;
      const end = starts[i + 1] ?? bytes.length;
      const line = bytes.subarray(start, end);
      if (m.kind === 'delete-line') return concat(bytes.subarray(0, start), bytes.subarray(end));
      if (m.kind === 'prefix-line') return concat(bytes.subarray(0, start), Buffer.from(m.text, 'utf8'), bytes.subarray(start));
      if (m.kind === 'set-value') {
        // The value after the line's first `: ` (or `:` at its end), or the whole line.
        const text = Buffer.from(line).toString('latin1');
        const colon = text.search(/:( |\n|$)/);
        const keep = colon === -1 ? 0 : colon + 2;
        const newline = line[line.length - 1] === 0x0a ? Buffer.from('\n') : Buffer.alloc(0);
        return concat(bytes.subarray(0, start + Math.min(keep, line.length)), Buffer.from(m.text, 'utf8'), newline, bytes.subarray(end));
      }
      if (m.kind === 'duplicate-line') return concat(bytes.subarray(0, end), line, bytes.subarray(end));
      const nextEnd = starts[i + 2] ?? bytes.length;
      return concat(bytes.subarray(0, start), bytes.subarray(end, nextEnd), line, bytes.subarray(nextEnd));
    }
  }
}

/** A writable copy of the base fixture that cases are applied to and undone from. */
export class FuzzContent {
  readonly dir: string;
  readonly #temp: { dir: string; cleanup: () => void };
  readonly #original = new Map<string, Buffer>();

  constructor() {
    this.#temp = tempDir('doctrine-fuzz-');
    this.dir = join(this.#temp.dir, 'content');
    cpSync(BASE_CONTENT, this.dir, { recursive: true });
    for (const file of TARGETS) this.#original.set(file, readFileSync(join(BASE_CONTENT, file)));
  }

  /** Applies a case; returns the mutated bytes of every edited file (to print a failing case). */
  apply(c: FuzzCase): Map<string, Uint8Array> {
    const written = new Map<string, Uint8Array>();
    for (const edit of c.edits) {
      let bytes: Uint8Array = written.get(edit.file) ?? this.#original.get(edit.file) ?? new Uint8Array();
      for (const m of edit.mutations) bytes = mutate(bytes, m);
      written.set(edit.file, bytes);
    }
    for (const [file, bytes] of written) writeFileSync(join(this.dir, file), bytes);
    return written;
  }

  reset(): void {
    for (const [file, bytes] of this.#original) writeFileSync(join(this.dir, file), bytes);
  }

  cleanup(): void {
    this.#temp.cleanup();
  }
}

/** Every diagnostic is located and named by a rule of the registry. */
export function assertLocated(diagnostics: readonly Pick<Diagnostic, 'file' | 'line' | 'column' | 'ruleId'>[]): void {
  for (const d of diagnostics) {
    assert.equal(typeof d.file, 'string');
    assert.notEqual(d.file, '', `diagnostic without file: ${JSON.stringify(d)}`);
    assert.ok(Number.isInteger(d.line) && d.line >= 1, `line < 1: ${JSON.stringify(d)}`);
    assert.ok(Number.isInteger(d.column) && d.column >= 1, `column < 1: ${JSON.stringify(d)}`);
    assert.ok(RULE_IDS.has(d.ruleId), `unknown rule: ${JSON.stringify(d)}`);
  }
}

/** Process warnings (`process.emitWarning`, e.g. from a parser) since the last call: none are expected. */
const warnings: string[] = [];
process.on('warning', (warning) => warnings.push(`${warning.name}: ${warning.message}`));
async function takeWarnings(): Promise<string[]> {
  await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  return warnings.splice(0);
}

/** In-process property: loadContent never throws nor warns, diagnostics are located, clean content exports. */
export async function checkInProcess(content: FuzzContent, c: FuzzCase): Promise<void> {
  content.apply(c);
  try {
    await takeWarnings();
    const build = await loadContent(content.dir);
    assert.deepEqual(await takeWarnings(), []);
    assertLocated(build.reporter.diagnostics);
    if (build.reporter.errorCount === 0) {
      const files = await dataFiles(build);
      assert.ok(files.has('editions.json'));
    }
  } finally {
    content.reset();
  }
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = sha256(join(e.parentPath, e.name));
  }
  return out;
}

const LINE_RE = /^(.+):(\d+):(\d+): (error|warning) ([a-z-]+) .+$/;

/**
 * Through the CLI: `validate` (text and JSON) exits 0 or 1 with located diagnostics; `export` over a previous
 * export leaves it untouched or writes a complete new one.
 */
export function checkCli(content: FuzzContent, c: FuzzCase, previousExport: string): void {
  content.apply(c);
  const work = tempDir('doctrine-fuzz-out-');
  try {
    const text = cli(['validate', '--content', content.dir]);
    assert.ok(text.status === 0 || text.status === 1, `validate exited ${text.status}: ${text.stderr}`);
    assert.doesNotMatch(text.stdout + text.stderr, /\n\s+at |erreur interne/);
    for (const line of text.stdout.split('\n').filter((l) => l !== '')) {
      const match = LINE_RE.exec(line);
      assert.ok(match, `unlocated diagnostic line: ${line}`);
      assert.ok(Number(match[2]) >= 1 && Number(match[3]) >= 1 && RULE_IDS.has(match[5] ?? ''), line);
    }
    const json = cli(['validate', '--content', content.dir, '--format', 'json']);
    assert.equal(json.status, text.status);
    const diagnostics = JSON.parse(json.stdout) as Diagnostic[];
    const validate = getValidator('diagnostics');
    assert.ok(validate(diagnostics), JSON.stringify(validate.errors));
    assertLocated(diagnostics);
    assert.equal(diagnostics.filter((d) => d.severity === 'error').length > 0, text.status === 1);

    // Export over a copy of a previous export: untouched on errors, complete on success.
    const out = join(work.dir, 'api');
    cpSync(previousExport, out, { recursive: true });
    const before = snapshot(out);
    const exported = cli(['export', '--content', content.dir, '--out', out]);
    assert.ok(exported.status === 0 || exported.status === 1, `export exited ${exported.status}: ${exported.stderr}`);
    assert.equal(exported.status, text.status);
    assert.doesNotMatch(exported.stdout + exported.stderr, /\n\s+at |erreur interne/);
    if (exported.status === 1) {
      assert.deepEqual(snapshot(out), before);
    } else {
      const catalog = JSON.parse(readFileSync(join(out, 'editions.json'), 'utf8')) as { files: { path: string; sha256: string }[]; editions: { files: { path: string; sha256: string }[] }[] };
      const listed = [...catalog.files, ...catalog.editions.flatMap((e) => e.files)];
      for (const f of listed) assert.equal(sha256(join(out, f.path)), f.sha256, f.path);
      assert.deepEqual(Object.keys(snapshot(out)).sort(), [...listed.map((f) => f.path), 'editions.json'].sort());
    }
    // Nothing left beside the target (temporary or old folders).
    assert.deepEqual(readdirSync(work.dir), ['api']);
  } finally {
    work.cleanup();
    content.reset();
  }
}

/** A previous export of the base fixture, made once. */
export function baseExport(): { dir: string; cleanup: () => void } {
  const temp = tempDir('doctrine-fuzz-base-');
  const dir = join(temp.dir, 'api');
  const result = cli(['export', '--content', BASE_CONTENT, '--out', dir]);
  assert.equal(result.status, 0, result.stderr);
  assert.ok(existsSync(join(dir, 'editions.json')));
  return { dir, cleanup: temp.cleanup };
}

/** Describes a case for a failure report: the mutated files, as JSON strings of their bytes. */
export function describeCase(content: FuzzContent, c: FuzzCase): string {
  const written = content.apply(c);
  content.reset();
  return [...written].map(([file, bytes]) => `--- ${file}\n${JSON.stringify(Buffer.from(bytes).toString('latin1'))}`).join('\n');
}

