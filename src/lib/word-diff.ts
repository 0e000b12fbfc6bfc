/**
 * Word-level differences of French texts, with jsdiff (`diff`), for the changelog's `modified` changes.
 *
 * French-aware:
 * - texts are compared in Unicode NFC, so a decomposed accent is the same letter;
 * - a word is a run of letters (any script, with their combining accents), digits, `_` or soft hyphens, so
 *   « réversibilité » or « œuvre » stay one word; apostrophes and hyphens separate words, so in
 *   « l’utilisateur » → « l’usager » only the noun changes;
 * - the apostrophes `'` (U+0027), `’` (U+2019) and `ʼ` (U+02BC) are the same character, and every kind of
 *   space (including the non-breaking U+00A0 and narrow non-breaking U+202F of French typography, and line
 *   breaks) is the same space: typography alone never shows as a deleted or inserted word.
 *
 * jsdiff's own tokenizer is Latin-only and keeps `ʼ` inside words; its documented hook for another tokenizer is a
 * word segmenter, so we give it a deterministic one (not `Intl.Segmenter`, whose output depends on the ICU
 * version of the machine).
 */
import { wordDiff, type ChangeObject } from 'diff';
import type { Delta } from './types.ts';

export type Segment = Delta[number];
export type SegmentOp = Segment['op'];

/** Letters (with accents), digits, `_`, soft hyphen — but not the modifier-letter apostrophe `ʼ`. */
const TOKEN_RE = /(?:(?!\u02BC)[\p{L}\p{M}\p{N}_\u00AD])+|\s+|[^]/gu;
const APOSTROPHES_RE = /[\u2019\u02BC]/g;

/** A deterministic word segmenter with the interface jsdiff expects (`intlSegmenter`). */
const frenchSegmenter = {
  segment(text: string) {
    return Array.from(text.matchAll(TOKEN_RE), (m) => ({ segment: m[0], index: m.index, input: text }));
  },
  resolvedOptions() {
    return { granularity: 'word' };
  },
} as unknown as Intl.Segmenter;

/** How two tokens compare: spaces around them ignored, apostrophes unified. */
export function typographicKey(token: string): string {
  return token.trim().replace(APOSTROPHES_RE, "'");
}

const WordDiff = wordDiff.constructor as new () => typeof wordDiff;

class FrenchWordDiff extends WordDiff {
  override equals(left: string, right: string): boolean {
    return typographicKey(left) === typographicKey(right);
  }
}

const frenchWordDiff = new FrenchWordDiff();

function diffTokens(older: string, newer: string): ChangeObject<string>[] {
  return frenchWordDiff.diff(older.normalize('NFC'), newer.normalize('NFC'), { intlSegmenter: frenchSegmenter });
}

/**
 * Puts segments in canonical form: adjacent segments of the same operation joined, and in each run of changes
 * the deletions before the insertions.
 */
function canonical(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  let run: Segment[] = [];
  const push = (s: Segment) => {
    const last = out[out.length - 1];
    if (last && last.op === s.op) last.text += s.text;
    else out.push({ ...s });
  };
  const flush = () => {
    for (const s of run.filter((r) => r.op === 'delete')) push(s);
    for (const s of run.filter((r) => r.op === 'insert')) push(s);
    run = [];
  };
  for (const s of segments) {
    if (s.text === '') continue;
    if (s.op === 'equal') {
      flush();
      push(s);
    } else run.push(s);
  }
  flush();
  return out;
}

/**
 * The word-level difference from `older` to `newer` (chronological order). Common segments carry the newer
 * text. Deletions come before insertions at each place of change.
 */
export function wordDelta(older: string, newer: string): Segment[] {
  const segments = diffTokens(older, newer).map((c): Segment => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
  return canonical(segments);
}

/** The same difference read the other way: insertions become deletions and conversely. */
export function reverseDelta(delta: readonly Segment[]): Segment[] {
  const flip: Record<SegmentOp, SegmentOp> = { equal: 'equal', insert: 'delete', delete: 'insert' };
  return canonical(delta.map((s) => ({ op: flip[s.op], text: s.text })));
}

/** True when a delta deletes or inserts at least one word or sign. */
export function changesWords(delta: readonly Segment[]): boolean {
  return delta.some((s) => s.op !== 'equal' && s.text.trim() !== '');
}

/** The words of a text, for similarity: lowercase, NFC, letters and digits only. */
function words(text: string): string[] {
  return Array.from(text.normalize('NFC').toLowerCase().matchAll(TOKEN_RE), (m) => m[0]).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/**
 * Dice coefficient of the word multisets of two texts (0 = nothing in common, 1 = the same words), rounded to
 * two decimals. Symmetric, independent of word order.
 */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length + wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return Math.round((200 * common) / (wa.length + wb.length)) / 100;
}
