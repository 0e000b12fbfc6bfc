import { readFile } from 'node:fs/promises';
import type { Place } from './diagnostics.ts';
import type { Reporter } from './diagnostics.ts';

/** A content file read from disk, decoded and normalized. */
export interface SourceText {
  /** Absolute path. */
  path: string;
  /** Normalized text: no BOM, LF line endings, NFC, no trailing spaces. */
  text: string;
}

const strictDecoder = () => new TextDecoder('utf-8', { fatal: true });

/** Byte offset of the first invalid UTF-8 sequence (binary search over streaming decodes). */
function firstInvalidByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length; // decoding bytes[0, hi) fails, [0, lo) succeeds
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      strictDecoder().decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  // The faulty character starts where the longest complete, valid prefix ends (at most 3 bytes before `hi`).
  for (let p = hi - 1; p > Math.max(0, hi - 5); p--) {
    try {
      strictDecoder().decode(bytes.subarray(0, p));
      return p;
    } catch {
      // keep looking further back
    }
  }
  return Math.max(0, hi - 1);
}

function placeOfByte(bytes: Uint8Array, offset: number, file: string): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { file, line, column: [...prefix].length + 1 };
}

/** Normalizes text so that equivalent files give the same dataset. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[ \t]+$/gm, '');
}

/** Reads a UTF-8 file; reports `encoding-invalid` and returns undefined when it is not valid UTF-8. */
export async function readSource(path: string, reporter: Reporter): Promise<SourceText | undefined> {
  return decodeSource(path, new Uint8Array(await readFile(path)), reporter);
}

/** Decodes the bytes of a file read from `path`, as `readSource` does. */
export function decodeSource(path: string, bytes: Uint8Array, reporter: Reporter): SourceText | undefined {
  let decoded: string;
  try {
    decoded = strictDecoder().decode(bytes);
  } catch {
    const place = placeOfByte(bytes, firstInvalidByte(bytes), path);
    reporter.report('encoding-invalid', place, 'Octet invalide en UTF-8, attendu un fichier encodé en UTF-8');
    return undefined;
  }
  return { path, text: normalizeText(decoded) };
}

/** Maps offsets in a text to 1-based line and column. */
export class LineIndex {
  readonly #starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }
  place(file: string, offset: number): Place {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - (this.#starts[lo] ?? 0) + 1 };
  }
}
