/**
 * Diffs between two editions: from two edition datasets to a changelog (schemas/changelog.schema.json).
 * Pure and deterministic; used by `doctrine diff`, by the data files (`evolutions/<A>..<B>.json`) and by the
 * site's pages. The rules (kinds, partition of identifiers, lineage, mirror) are in
 * docs/decisions/0008-changelog.md.
 */
import { compareIds, compareStrings } from './ids.ts';
import { schemaId, SCHEMA_VERSION } from './site.ts';
import type { Change, ChangeKind, Changelog, EditionDataset, Exigence, Retrait, Suggestion } from './types.ts';
import { changesWords, reverseDelta, similarity, wordDelta, type Segment } from './word-diff.ts';

/** Every kind of change, in the order of the summary and of changes with the same ID. */
export const CHANGE_KINDS = [
  'added', 'removed', 'split', 'merged', 'replaced', 'moved', 'level-changed', 'modified',
  'cibles-changed', 'socles-changed', 'normes-changed', 'echeance-changed',
] as const satisfies readonly ChangeKind[];

/** Minimum similarity (Dice coefficient of words) for a removed and an added requirement to be suggested as a rename. */
export const SIMILARITY_THRESHOLD = 0.7;

type Of<K extends ChangeKind> = Extract<Change, { kind: K }>;
type Lineage = Of<'split'> | Of<'merged'> | Of<'replaced'>;
type Linked = { id: string; title: string; url: string }[];
type ChangelogRetrait = Of<'split'>['retraits'][number];

/** Fields every change starts with: the requirement as it is in the later of the two editions holding it. */
function head<K extends ChangeKind>(kind: K, e: Exigence) {
  return { id: e.id, kind, title: e.title, referentiel: e.referentiel, chapitre: e.chapitre, url: e.url };
}

function retraitOf(r: Retrait): ChangelogRetrait {
  return { id: r.id, retiredIn: r.retiredIn, successeurs: r.successeurs, motif: r.motif };
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

function setDifference(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((x) => !b.includes(x));
}

function sortChanges(changes: Change[]): Change[] {
  return changes.sort((a, b) => compareIds(a.id, b.id) || CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind));
}

function sortSuggestions(list: Suggestion[]): Suggestion[] {
  return list.sort((a, b) => compareIds(a.removed, b.removed) || compareIds(a.added, b.added));
}

function assemble(from: string, to: string, changes: Change[], suggestions: Suggestion[]): Changelog {
  const summary = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Changelog['summary'];
  for (const c of changes) summary[c.kind]++;
  return {
    $schema: schemaId('changelog') as Changelog['$schema'],
    schemaVersion: SCHEMA_VERSION,
    from,
    to,
    summary,
    changes: sortChanges(changes),
    suggestions: sortSuggestions(suggestions),
  };
}

/**
 * The changelog from edition `from` to edition `to` (any two editions, in either order).
 *
 * - Requirements are matched by ID. Lineage (splits, merges, replacements) comes from what the editions
 *   declare: the `retraits` (with their successors) and each requirement's `lineage.remplace`, followed
 *   through intermediate editions, as published by the later of the two datasets.
 * - Each ID present on one side only is reported once: in a lineage change if it has declared lineage with
 *   the other side, otherwise as `added` or `removed`.
 * - Word-level deltas are computed from the older text to the newer one, then read in the direction asked,
 *   so that `diffEditions(b, a)` is exactly `mirrorChangelog(diffEditions(a, b))`.
 */
export function diffEditions(from: EditionDataset, to: EditionDataset): Changelog {
  const forward = compareStrings(from.edition.edition, to.edition.edition) <= 0;
  const [older, newer] = forward ? [from, to] : [to, from];
  const F = byId(from.exigences);
  const T = byId(to.exigences);
  const O = byId(older.exigences);
  const N = byId(newer.exigences);
  /** The requirement as it is in the later edition that holds it. */
  const latest = (id: string): Exigence => {
    const e = N.get(id) ?? O.get(id);
    if (!e) throw new Error(`${id} is in neither edition`);
    return e;
  };
  const retraits = new Map<string, Retrait>([...older.retraits, ...newer.retraits].map((r) => [r.id, r]));

  // Declared lineage, chronological: old ID → IDs that take it over.
  const successors = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    if (!successors.has(a)) successors.set(a, new Set());
    successors.get(a)?.add(b);
  };
  for (const r of retraits.values()) for (const s of r.successeurs) link(r.id, s);
  for (const e of [...older.exigences, ...newer.exigences]) for (const r of e.lineage.remplace) link(r, e.id);
  /** Successors of `id` in the newer edition, each with the IDs in neither edition it was reached through. */
  const resolve = (id: string, seen: Set<string>, via: string[]): { target: string; via: string[] }[] => {
    const found: { target: string; via: string[] }[] = [];
    for (const s of successors.get(id) ?? []) {
      if (seen.has(s)) continue;
      seen.add(s);
      if (N.has(s)) found.push({ target: s, via });
      else found.push(...resolve(s, seen, [...via, s]));
    }
    return found;
  };

  // Edges oriented from the `from` side to the `to` side, and the intermediate IDs of each edge.
  const out = new Map<string, Set<string>>();
  const into = new Map<string, Set<string>>();
  const through = new Map<string, string[]>();
  for (const x of O.keys()) {
    if (N.has(x)) continue;
    for (const { target: y, via } of resolve(x, new Set([x]), [])) {
      const [f, t] = forward ? [x, y] : [y, x];
      if (!out.has(f)) out.set(f, new Set());
      if (!into.has(t)) into.set(t, new Set());
      out.get(f)?.add(t);
      into.get(t)?.add(f);
      through.set(`${f} ${t}`, via);
    }
  }

  const changes: Change[] = [];
  const linked = (ids: Iterable<string>): Linked =>
    [...ids].sort(compareIds).map((id) => {
      const e = latest(id);
      return { id, title: e.title, url: e.url };
    });
  const lineage = (kind: Lineage['kind'], id: string, preds: Iterable<string>, succs: Iterable<string>): Lineage => {
    const predecesseurs = linked(preds);
    const successeurs = linked(succs);
    const intermediate = predecesseurs.flatMap((p) => successeurs.flatMap((q) => through.get(`${p.id} ${q.id}`) ?? []));
    const ids = [...new Set([...predecesseurs.map((l) => l.id), ...successeurs.map((l) => l.id), ...intermediate])].sort(compareIds);
    const declared = ids.flatMap((i) => {
      const r = retraits.get(i);
      return r ? [retraitOf(r)] : [];
    });
    return { ...head(kind, latest(id)), predecesseurs, successeurs, retraits: declared } as Lineage;
  };
  for (const [f, ts] of out) if (ts.size >= 2) changes.push(lineage('split', f, [f], ts));
  for (const [t, fs] of into) if (fs.size >= 2) changes.push(lineage('merged', t, fs, [t]));
  for (const [f, ts] of out) {
    const [t] = ts;
    if (ts.size === 1 && t !== undefined && into.get(t)?.size === 1) changes.push(lineage('replaced', forward ? f : t, [f], [t]));
  }

  // Appearances and disappearances without lineage.
  const existence = (kind: 'added' | 'removed', e: Exigence): Change => {
    const change: Of<'added'> | Of<'removed'> = { ...head(kind, e), niveau: e.niveau, statement: e.statement.text };
    const r = retraits.get(e.id);
    if (r) change.retrait = retraitOf(r);
    return change;
  };
  const removed: Exigence[] = [];
  const added: Exigence[] = [];
  for (const [id, e] of F) if (!T.has(id) && !out.has(id)) removed.push(e);
  for (const [id, e] of T) if (!F.has(id) && !into.has(id)) added.push(e);
  for (const e of removed) changes.push(existence('removed', e));
  for (const e of added) changes.push(existence('added', e));

  // Requirements in both editions.
  const orient = (delta: Segment[]) => (forward ? delta : reverseDelta(delta));
  for (const [id, a] of F) {
    const b = T.get(id);
    if (!b) continue;
    const [o, n] = forward ? [a, b] : [b, a];
    const base = (kind: ChangeKind) => head(kind, n);
    if (a.chapitre !== b.chapitre) {
      changes.push({ ...base('moved'), kind: 'moved', from: { referentiel: a.referentiel, chapitre: a.chapitre }, to: { referentiel: b.referentiel, chapitre: b.chapitre } });
    }
    if (a.niveau !== b.niveau) {
      changes.push({ ...base('level-changed'), kind: 'level-changed', from: a.niveau, to: b.niveau, direction: b.niveau === 'obligatoire' ? 'raised' : 'lowered' });
    }
    if (a.title !== b.title || a.statement.markdown !== b.statement.markdown) {
      const change: Of<'modified'> = { ...base('modified'), kind: 'modified', editorial: true };
      if (a.title !== b.title) change.titleDelta = orient(wordDelta(o.title, n.title));
      if (a.statement.markdown !== b.statement.markdown) change.statementDelta = orient(wordDelta(o.statement.text, n.statement.text));
      change.editorial = !changesWords(change.titleDelta ?? []) && !changesWords(change.statementDelta ?? []);
      changes.push(change);
    }
    for (const [field, kind] of [['cibles', 'cibles-changed'], ['socles', 'socles-changed'], ['normes', 'normes-changed']] as const) {
      const plus = setDifference(b[field], a[field]);
      const minus = setDifference(a[field], b[field]);
      if (plus.length || minus.length) {
        changes.push({ ...base(kind), kind, from: a[field], to: b[field], added: plus, removed: minus } as Change);
      }
    }
    if ((a.echeance ?? null) !== (b.echeance ?? null)) {
      changes.push({ ...base('echeance-changed'), kind: 'echeance-changed', from: a.echeance ?? null, to: b.echeance ?? null });
    }
  }

  // Probable undeclared renames: suggestions only.
  const text = (e: Exigence) => `${e.title}\n${e.statement.text}`;
  const suggestions: Suggestion[] = [];
  for (const r of removed) {
    for (const a of added) {
      const score = similarity(text(r), text(a));
      if (score >= SIMILARITY_THRESHOLD) suggestions.push({ removed: r.id, added: a.id, similarity: score });
    }
  }

  return assemble(from.edition.edition, to.edition.edition, changes, suggestions);
}

function mirrorChange(c: Change): Change {
  switch (c.kind) {
    case 'added':
    case 'removed':
      return { ...c, kind: c.kind === 'added' ? 'removed' : 'added' };
    case 'split':
    case 'merged':
    case 'replaced': {
      const kind = c.kind === 'split' ? 'merged' : c.kind === 'merged' ? 'split' : 'replaced';
      const { predecesseurs, successeurs, retraits, ...rest } = c;
      return { ...rest, kind, predecesseurs: successeurs, successeurs: predecesseurs, retraits } as Change;
    }
    case 'moved':
      return { ...c, from: c.to, to: c.from };
    case 'level-changed':
      return { ...c, from: c.to, to: c.from, direction: c.direction === 'raised' ? 'lowered' : 'raised' };
    case 'modified': {
      const { titleDelta, statementDelta, editorial, ...rest } = c;
      const out: Of<'modified'> = { ...rest, editorial };
      if (titleDelta) out.titleDelta = reverseDelta(titleDelta);
      if (statementDelta) out.statementDelta = reverseDelta(statementDelta);
      out.editorial = editorial;
      return out;
    }
    case 'cibles-changed':
    case 'socles-changed':
    case 'normes-changed':
      return { ...c, from: c.to, to: c.from, added: c.removed, removed: c.added };
    case 'echeance-changed':
      return { ...c, from: c.to, to: c.from };
  }
}

/**
 * The mirror rule: the changelog from `to` to `from`, derived from the changelog from `from` to `to`.
 * added ↔ removed, split ↔ merged (predecessors ↔ successors), replaced stays replaced (lists swapped, same
 * id), raised ↔ lowered, every from/to swapped, insertions ↔ deletions; order re-sorted. An involution.
 */
export function mirrorChangelog(changelog: Changelog): Changelog {
  return assemble(
    changelog.to,
    changelog.from,
    changelog.changes.map(mirrorChange),
    changelog.suggestions.map((s) => ({ removed: s.added, added: s.removed, similarity: s.similarity })),
  );
}

/** Every ordered pair of distinct editions, by `from` then `to`. */
export function editionPairs(names: readonly string[]): [string, string][] {
  const sorted = [...names].sort(compareStrings);
  return sorted.flatMap((a) => sorted.filter((b) => b !== a).map((b): [string, string] => [a, b]));
}

/** Path of a changelog in the data API: `evolutions/2024..2025.json`. */
export function changelogPath(from: string, to: string): string {
  return `evolutions/${from}..${to}.json`;
}
