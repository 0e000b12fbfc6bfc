/**
 * Reading an edition dataset from a JSON file (`<edition>/exigences.json`, as written by `doctrine export` and
 * published under `/api/v1/`), so that consumers can diff the files they hold. A file is accepted only if it
 * validates against exigences.schema.json; errors are French sentences located at `file:line:column`.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { describeSchemaError, getValidator } from './schemas.ts';
import { schemaId } from './site.ts';
import type { EditionDataset } from './types.ts';

export type DatasetFileResult = { dataset: EditionDataset; errors: [] } | { dataset: undefined; errors: string[] };

/** At most this many schema errors are listed; the rest are counted. */
const MAX_ERRORS = 10;

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Offset of a JSON syntax error. V8's messages do not always give it, so find the shortest prefix of the text
 * that is not the beginning of some valid JSON (a binary search: being such a beginning is kept by prefixes).
 */
function syntaxErrorOffset(text: string): number {
  const fine = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      // Truncated input fails at its very end ("Unexpected end…", or "Expected … at position <length>").
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message)?.[1];
      return /Unexpected end of JSON input/.test(message) || (position !== undefined && Number(position) >= length);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fine(mid + 1)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fail(errors: string[]): DatasetFileResult {
  return { dataset: undefined, errors };
}

/** Parses and validates the text of a dataset file. `file` is the name used in messages. */
export function parseDatasetJson(text: string, file: string): DatasetFileResult {
  const source = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    const offset = syntaxErrorOffset(source);
    const { line, column } = lineColumn(source, offset);
    const found = source[offset];
    const shown = found !== undefined && /[\p{L}\p{N}\p{P}\p{S}]/u.test(found) ? `« ${found} »` : JSON.stringify(found);
    const what = found === undefined ? 'fin du fichier inattendue' : `caractère ${shown} inattendu`;
    return fail([`${file}:${line}:${column}: JSON invalide, ${what}`]);
  }
  const declared = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).$schema : undefined;
  const expected = schemaId('exigences');
  if (typeof declared === 'string' && declared !== expected) {
    const name = /\/schemas\/([a-z-]+)\.schema\.json$/.exec(declared)?.[1];
    return fail([
      `${file}:1:1: ce fichier déclare le schéma ${name && name !== 'exigences' ? `« ${name} »` : `« ${declared} »`}, attendu un jeu de données d’édition (${expected}), comme <édition>/exigences.json`,
    ]);
  }
  const validate = getValidator('exigences');
  if (validate(value)) return { dataset: value as EditionDataset, errors: [] };
  // Locate each error in the JSON text (JSON is YAML 1.2, whose parser keeps positions).
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const locate = (path: string[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s)), true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return { line: 1, column: 1 };
  };
  const all = validate.errors ?? [];
  const messages = all.slice(0, MAX_ERRORS).map((error) => {
    const { path, message } = describeSchemaError(error, value);
    const { line, column } = locate(path);
    return `${file}:${line}:${column}: ${message}`;
  });
  if (all.length > MAX_ERRORS) messages.push(`… et ${all.length - MAX_ERRORS} autre${all.length - MAX_ERRORS > 1 ? 's' : ''} erreur${all.length - MAX_ERRORS > 1 ? 's' : ''}`);
  return fail(messages);
}

/** Reads, decodes (UTF-8), parses and validates a dataset file. Never throws on a bad file. */
export async function readDatasetFile(path: string, file = path): Promise<DatasetFileResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'fichier introuvable' : code === 'EISDIR' ? 'c’est un dossier, attendu un fichier JSON' : code === 'EACCES' ? 'fichier illisible (droits insuffisants)' : `fichier illisible (${code ?? String(error)})`;
    return fail([`${file} : ${why}`]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail([`${file} : fichier non encodé en UTF-8`]);
  }
  return parseDatasetJson(text, file);
}
