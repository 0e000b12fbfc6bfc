/**
 * The costly part of loading content: decoding, parsing and interpreting each chapter. A chapter's result depends
 * only on its bytes, its path, the vocabularies and the code, so:
 * - `processChapter` computes it on its own (bytes in; records and diagnostics out), anywhere;
 * - a cache keyed by the SHA-256 of all it depends on skips the chapters already seen (`cache` option);
 * - the other chapters are shared between worker threads when there is enough to parse (`workers` option).
 * However a result is obtained, it is the same value, so outputs keep the same bytes
 * (docs/decisions/0010-chapter-cache-and-workers.md).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { codeFingerprint } from './cache.ts';
import { Reporter, type Diagnostic } from './diagnostics.ts';
import { interpretChapter, type InterpretedChapter } from './interpret.ts';
import { parseMarkdown } from './markdown.ts';
import { decodeSource } from './source.ts';
import type { Vocabulaires } from './types.ts';

/** A chapter to process: its absolute path and what it may contain. */
export interface ChapterJob {
  path: string;
  allowExigences: boolean;
  allowTermes: boolean;
}

/** What a chapter gives, whoever computed it. */
export interface ChapterResult {
  /** The normalized text; undefined when the file is not valid UTF-8 (reported). */
  text: string | undefined;
  interpreted: InterpretedChapter | undefined;
  /** The chapter's own diagnostics, sorted. */
  diagnostics: Diagnostic[];
}

export interface ProcessOptions {
  /** Folder of the chapter cache, or false for none. */
  cache: string | false;
  /** Threads that parse: a number (1 = this thread only), or 'auto' (every core, when there is enough to parse). */
  workers: number | 'auto';
}

/** Decodes, parses and interprets one chapter. Pure: same bytes, path, flags and vocabularies, same result. */
export function processChapter(job: ChapterJob, bytes: Uint8Array, vocabulaires: Vocabulaires): ChapterResult {
  const reporter = new Reporter();
  const source = decodeSource(job.path, bytes, reporter);
  if (!source) return { text: undefined, interpreted: undefined, diagnostics: reporter.diagnostics };
  const interpreted = interpretChapter(parseMarkdown(source.text), {
    file: job.path,
    text: source.text,
    vocabulaires,
    allowExigences: job.allowExigences,
    allowTermes: job.allowTermes,
    reporter,
  });
  return { text: source.text, interpreted, diagnostics: reporter.diagnostics };
}

/** Reports a chapter's diagnostics again, into the reporter of the whole content. */
export function replayDiagnostics(result: ChapterResult, reporter: Reporter): void {
  for (const d of result.diagnostics) {
    reporter.report(d.ruleId, { file: d.file, line: d.line, column: d.column }, d.message, d.cause ? { cause: d.cause } : {});
  }
}

// --- cache ------------------------------------------------------------------------------------------------------

/** Entries kept in the cache folder; beyond, the oldest written are removed. */
const CACHE_MAX_ENTRIES = 10_000;
const CACHE_KEEP_ENTRIES = 8_000;

function cacheKey(code: string, vocabulaires: string, job: ChapterJob, bytes: Uint8Array): string {
  return createHash('sha256')
    .update(code)
    .update('\0')
    .update(vocabulaires)
    .update('\0')
    .update(JSON.stringify([job.path, job.allowExigences, job.allowTermes]))
    .update('\0')
    .update(bytes)
    .digest('hex');
}

async function readEntry(file: string): Promise<ChapterResult | undefined> {
  try {
    return deserialize(await readFile(file)) as ChapterResult;
  } catch {
    return undefined; // absent or unreadable: computed again
  }
}

async function writeEntries(dir: string, entries: [string, ChapterResult][]): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    for (const [key, result] of entries) {
      const temp = join(dir, `${key}.${process.pid}.tmp`);
      await writeFile(temp, serialize(result));
      await rename(temp, join(dir, `${key}.bin`));
    }
    const names = (await readdir(dir)).filter((n) => n.endsWith('.bin'));
    if (names.length > CACHE_MAX_ENTRIES) {
      const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })));
      dated.sort((a, b) => a.t - b.t);
      for (const { n } of dated.slice(0, names.length - CACHE_KEEP_ENTRIES)) await rm(join(dir, n), { force: true });
    }
  } catch {
    // A cache that cannot be written only costs time.
  }
}

// --- worker threads -----------------------------------------------------------------------------------------------

const WORKER_URL = new URL('./chapter-worker.ts', import.meta.url);

/** Below this many bytes to parse, starting threads costs more than it saves. */
const PARALLEL_MIN_BYTES = 512 * 1024;

export interface WorkerRequest {
  jobs: ChapterJob[];
  bytes: Uint8Array[];
  vocabulaires: Vocabulaires;
}

function inWorker(request: WorkerRequest): Promise<ChapterResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    worker.once('message', (results: ChapterResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with code ${code}`)));
    worker.postMessage(request, request.bytes.map((b) => b.buffer as ArrayBuffer));
  });
}

/** Splits jobs into `n` batches of about the same number of bytes (largest first, to the lightest batch). */
function balance(indexes: number[], sizes: number[], n: number): number[][] {
  const batches = Array.from({ length: n }, () => ({ bytes: 0, items: [] as number[] }));
  for (const i of [...indexes].sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b)) {
    const lightest = batches.reduce((min, b) => (b.bytes < min.bytes ? b : min));
    lightest.items.push(i);
    lightest.bytes += sizes[i] ?? 0;
  }
  return batches.map((b) => b.items.sort((x, y) => x - y));
}

async function computeAll(jobs: ChapterJob[], bytes: Uint8Array[], vocabulaires: Vocabulaires, workers: ProcessOptions['workers']): Promise<ChapterResult[]> {
  const sizes = bytes.map((b) => b.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const wanted = workers === 'auto' ? (total >= PARALLEL_MIN_BYTES ? availableParallelism() : 1) : Math.max(1, Math.floor(workers));
  const threads = Math.min(wanted, jobs.length);
  const here = (i: number) => processChapter(jobs[i] as ChapterJob, bytes[i] as Uint8Array, vocabulaires);
  if (threads <= 1 || !existsSync(fileURLToPath(WORKER_URL))) return jobs.map((_, i) => here(i));
  const [mine = [], ...theirs] = balance(jobs.map((_, i) => i), sizes, threads);
  const results: ChapterResult[] = new Array(jobs.length);
  // Workers receive copies of their bytes (transferred); this thread keeps the first batch for itself.
  const pending = theirs.map((batch) =>
    inWorker({ jobs: batch.map((i) => jobs[i] as ChapterJob), bytes: batch.map((i) => (bytes[i] as Uint8Array).slice()), vocabulaires }).then(
      (out) => batch.forEach((i, k) => (results[i] = out[k] as ChapterResult)),
      // A thread that cannot start or fails: its chapters are processed here.
      () => batch.forEach((i) => (results[i] = here(i))),
    ),
  );
  for (const i of mine) results[i] = here(i);
  await Promise.all(pending);
  return results;
}

/**
 * Processes chapters (the results in the order of `jobs`): from the cache when possible, otherwise on this thread
 * or shared between worker threads; new results are written to the cache.
 */
export async function processChapters(jobs: ChapterJob[], bytes: Uint8Array[], vocabulaires: Vocabulaires, options: ProcessOptions): Promise<ChapterResult[]> {
  const code = options.cache === false ? null : codeFingerprint();
  if (options.cache === false || code === null) return computeAll(jobs, bytes, vocabulaires, options.workers);
  const dir = join(options.cache, 'chapters');
  const vocab = createHash('sha256').update(JSON.stringify(vocabulaires)).digest('hex');
  const keys = jobs.map((job, i) => cacheKey(code, vocab, job, bytes[i] as Uint8Array));
  const results = await Promise.all(keys.map((key) => readEntry(join(dir, `${key}.bin`))));
  const missing = results.flatMap((r, i) => (r === undefined ? [i] : []));
  if (missing.length > 0) {
    const computed = await computeAll(missing.map((i) => jobs[i] as ChapterJob), missing.map((i) => bytes[i] as Uint8Array), vocabulaires, options.workers);
    missing.forEach((i, k) => (results[i] = computed[k]));
    await writeEntries(dir, missing.map((i, k) => [keys[i] as string, computed[k] as ChapterResult]));
  }
  return results as ChapterResult[];
}
