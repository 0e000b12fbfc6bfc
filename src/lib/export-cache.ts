/**
 * Re-exporting unchanged content: `doctrine export` records, under the cache folder, the SHA-256 of the catalog
 * (`editions.json`) it wrote for a content key (every byte of the content folder, its place, the library's code and
 * the installed packages). When the same key comes back and the target folder still holds exactly that export —
 * the catalog with that hash, every file it lists with its size and SHA-256, nothing else — there is nothing to
 * write. Otherwise the export runs as usual. See docs/decisions/0010-chapter-cache-and-workers.md.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { codeFingerprint } from './cache.ts';
import type { Diagnostic } from './diagnostics.ts';
import { compareStrings } from './ids.ts';

/** What an export wrote, to recognize it and to report it again. */
export interface ExportRecord {
  /** SHA-256 (hex) of the catalog `editions.json` written. */
  catalog: string;
  /** The diagnostics of the content (warnings only: an export with errors writes nothing), absolute paths. */
  diagnostics: Diagnostic[];
  editions: number;
  exigences: number;
  files: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort(compareStrings);
}

/** The key of a content folder: its absolute path, every file's path and bytes, the code. Undefined without code fingerprint. */
export async function contentKey(dir: string): Promise<string | undefined> {
  const code = codeFingerprint();
  if (code === null) return undefined;
  const root = resolve(dir);
  const hash = createHash('sha256').update(code).update('\0').update(root).update('\0');
  // Synchronous reads: thousands of small files are read faster without a round trip to the thread pool.
  for (const path of await filesUnder(root)) {
    const bytes = readFileSync(join(root, path));
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

const recordFile = (cache: string, key: string) => join(cache, 'exports', `${key}.json`);

export async function readExportRecord(cache: string, key: string): Promise<ExportRecord | undefined> {
  try {
    return JSON.parse(await readFile(recordFile(cache, key), 'utf8')) as ExportRecord;
  } catch {
    return undefined;
  }
}

export async function writeExportRecord(cache: string, key: string, record: ExportRecord): Promise<void> {
  try {
    await mkdir(join(cache, 'exports'), { recursive: true });
    const temp = `${recordFile(cache, key)}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(record));
    await rename(temp, recordFile(cache, key));
  } catch {
    // A record that cannot be written only costs time at the next export.
  }
}

interface Listed {
  path: string;
  bytes: number;
  sha256: string;
}

/** True when `out` holds exactly the export whose catalog has SHA-256 `catalog`: the files it lists, intact, and nothing else. */
export async function holdsExport(out: string, catalog: string): Promise<boolean> {
  try {
    const text = await readFile(join(out, 'editions.json'));
    if (createHash('sha256').update(text).digest('hex') !== catalog) return false;
    const parsed = JSON.parse(text.toString('utf8')) as { files: Listed[]; editions: { files: Listed[] }[] };
    const listed = [...parsed.files, ...parsed.editions.flatMap((e) => e.files)];
    const present = await filesUnder(out);
    const expected = [...listed.map((f) => f.path), 'editions.json'].sort(compareStrings);
    if (present.length !== expected.length || present.some((p, i) => p !== expected[i])) return false;
    for (const file of listed) {
      const bytes = readFileSync(join(out, file.path));
      if (bytes.length !== file.bytes || createHash('sha256').update(bytes).digest('hex') !== file.sha256) return false;
    }
    return true;
  } catch {
    return false;
  }
}
