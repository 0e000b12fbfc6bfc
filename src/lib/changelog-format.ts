/**
 * Changelogs for people: French labels shared by the CLI and the site, and the `text` and `md` outputs of
 * `doctrine diff`. Pure functions of a changelog (plus optional labels); no I/O.
 */
import type { Change, ChangeKind, Changelog, Delta } from './types.ts';

type Of<K extends ChangeKind> = Extract<Change, { kind: K }>;

/** French names of the kinds: singular, plural (for counts), and section heading. */
export const KIND_LABELS: Record<ChangeKind, { one: string; many: string; heading: string }> = {
  added: { one: 'ajoutée', many: 'ajoutées', heading: 'Exigences ajoutées' },
  removed: { one: 'retirée', many: 'retirées', heading: 'Exigences retirées' },
  split: { one: 'scindée', many: 'scindées', heading: 'Exigences scindées' },
  merged: { one: 'fusionnée', many: 'fusionnées', heading: 'Exigences fusionnées' },
  replaced: { one: 'remplacée', many: 'remplacées', heading: 'Exigences remplacées' },
  moved: { one: 'déplacée', many: 'déplacées', heading: 'Exigences déplacées' },
  'level-changed': { one: 'niveau changé', many: 'niveaux changés', heading: 'Niveaux changés' },
  modified: { one: 'reformulée', many: 'reformulées', heading: 'Exigences reformulées' },
  'cibles-changed': { one: 'cibles changées', many: 'cibles changées', heading: 'Cibles changées' },
  'socles-changed': { one: 'services socles changés', many: 'services socles changés', heading: 'Services socles changés' },
  'normes-changed': { one: 'normes changées', many: 'normes changées', heading: 'Normes changées' },
  'echeance-changed': { one: 'échéance changée', many: 'échéances changées', heading: 'Échéances changées' },
};

export const DIRECTION_LABELS = { raised: 'relevé', lowered: 'abaissé' } as const;

/** Optional labels from the datasets' vocabularies, by id. */
export interface ChangelogLabels {
  referentiels?: Record<string, string>;
  cibles?: Record<string, string>;
  socles?: Record<string, string>;
  normes?: Record<string, string>;
}

/** « 41 ajoutées, 4 retirées, … » — only the kinds that occur; « aucun changement » otherwise. */
export function summaryText(changelog: Changelog): string {
  const parts = (Object.entries(changelog.summary) as [ChangeKind, number][])
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${n === 1 ? KIND_LABELS[kind].one : KIND_LABELS[kind].many}`);
  return parts.length ? parts.join(', ') : 'aucun changement';
}

export function title(changelog: Changelog): string {
  return changelog.from === changelog.to
    ? `Évolutions au sein de l’édition ${changelog.from}`
    : `Évolutions de l’édition ${changelog.from} à l’édition ${changelog.to}`;
}

function label(map: Record<string, string> | undefined, id: string): string {
  return map?.[id] ?? id;
}

/** One-line description of what changed, without the deltas (shared by text and md). */
function detail(c: Change, labels: ChangelogLabels): string {
  switch (c.kind) {
    case 'added':
    case 'removed': {
      const where = `${c.niveau}, ${c.chapitre}`;
      const r = c.retrait;
      return r
        ? `${where} ; retirée en ${r.retiredIn} (successeurs déclarés : ${r.successeurs.length ? r.successeurs.join(', ') : 'aucun'}) : ${r.motif}`
        : where;
    }
    case 'split':
    case 'merged':
    case 'replaced': {
      const arrow = `${c.predecesseurs.map((p) => p.id).join(', ')} → ${c.successeurs.map((s) => s.id).join(', ')}`;
      const motifs = c.retraits.map((r) => (c.retraits.length > 1 ? `${r.id} : ${r.motif}` : r.motif)).join(' ; ');
      return motifs ? `${arrow} ; ${motifs}` : arrow;
    }
    case 'moved':
      return `${c.from.chapitre} → ${c.to.chapitre}`;
    case 'level-changed':
      return `${c.from} → ${c.to} (${DIRECTION_LABELS[c.direction]})`;
    case 'modified':
      return c.editorial ? 'forme seulement (typographie ou balisage)' : 'formulation';
    case 'cibles-changed':
    case 'socles-changed':
    case 'normes-changed': {
      const map = c.kind === 'cibles-changed' ? labels.cibles : c.kind === 'socles-changed' ? labels.socles : labels.normes;
      const parts = [...c.added.map((v) => `+ ${label(map, v)}`), ...c.removed.map((v) => `− ${label(map, v)}`)];
      return parts.join(', ');
    }
    case 'echeance-changed':
      return `${c.from ?? 'aucune'} → ${c.to ?? 'aucune'}`;
  }
}

/** A delta in git's word-diff notation: `[-supprimé-]{+inséré+}`. */
export function deltaText(delta: Delta): string {
  return delta.map((s) => (s.op === 'equal' ? s.text : s.op === 'delete' ? `[-${s.text}-]` : `{+${s.text}+}`)).join('');
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((line) => (line === '' ? '' : prefix + line)).join('\n');
}

/** `doctrine diff --format text`: one line per change, then word deltas and suggestions. */
export function formatChangelogText(changelog: Changelog, labels: ChangelogLabels = {}): string {
  const lines = [title(changelog), `Résumé : ${summaryText(changelog)}`];
  if (changelog.changes.length) lines.push('');
  const width = Math.max(...changelog.changes.map((c) => KIND_LABELS[c.kind].one.length), 0);
  for (const c of changelog.changes) {
    lines.push(`${c.id.padEnd(11)} ${KIND_LABELS[c.kind].one.padEnd(width)}  ${c.title} — ${detail(c, labels)}`);
    if (c.kind === 'modified') {
      if (c.titleDelta) lines.push(indent(`titre : ${deltaText(c.titleDelta)}`, '    '));
      if (c.statementDelta) lines.push(indent(`énoncé : ${deltaText(c.statementDelta)}`, '    '));
    }
  }
  if (changelog.suggestions.length) {
    lines.push('', 'Renommages probables, non déclarés (à vérifier) :');
    for (const s of changelog.suggestions) lines.push(`  ${s.removed} → ${s.added} (ressemblance ${s.similarity.toFixed(2).replace('.', ',')})`);
  }
  return lines.join('\n') + '\n';
}

/** Escapes text for Markdown (inline), so that requirement texts never become markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&!]/g, (c) => `\\${c}`);
}

/** A delta in Markdown with `<del>`/`<ins>`, each tag closed before a line break. */
function deltaMarkdown(delta: Delta): string {
  return delta
    .map((s) => {
      if (s.op === 'equal') return escapeMarkdown(s.text);
      const tag = s.op === 'delete' ? 'del' : 'ins';
      return s.text
        .split('\n')
        .map((part) => {
          const core = part.trim();
          if (core === '') return part;
          const start = part.slice(0, part.indexOf(core));
          const end = part.slice(part.indexOf(core) + core.length);
          return `${start}<${tag}>${escapeMarkdown(core)}</${tag}>${end}`;
        })
        .join('\n');
    })
    .join('');
}

function quote(text: string, prefix: string): string {
  return text.split('\n').map((line) => `${prefix}>${line === '' ? '' : ' ' + line}`).join('\n');
}

/** `doctrine diff --format md`: summary table, then one section per kind, grouped by référentiel. */
export function formatChangelogMarkdown(changelog: Changelog, labels: ChangelogLabels = {}): string {
  const out: string[] = [`# ${title(changelog)}`, ''];
  out.push('| Nature du changement | Nombre |', '|---|---:|');
  for (const [kind, n] of Object.entries(changelog.summary) as [ChangeKind, number][]) out.push(`| ${KIND_LABELS[kind].heading} | ${n} |`);
  for (const [kind, n] of Object.entries(changelog.summary) as [ChangeKind, number][]) {
    if (n === 0) continue;
    out.push('', `## ${KIND_LABELS[kind].heading} (${n})`);
    const ofKind = changelog.changes.filter((c) => c.kind === kind);
    const referentiels = [...new Set(ofKind.map((c) => c.referentiel))];
    for (const referentiel of referentiels) {
      out.push('', `### ${escapeMarkdown(label(labels.referentiels, referentiel))}`, '');
      for (const c of ofKind.filter((x) => x.referentiel === referentiel)) {
        out.push(`- **${c.id}** [${escapeMarkdown(c.title)}](${c.url}) — ${escapeMarkdown(detail(c, labels))}`);
        if (c.kind === 'modified') {
          const m = c as Of<'modified'>;
          if (m.titleDelta) out.push(`  - Titre : ${deltaMarkdown(m.titleDelta)}`);
          if (m.statementDelta) out.push('  - Énoncé :', '', quote(deltaMarkdown(m.statementDelta), '    '), '');
        }
      }
    }
  }
  if (changelog.suggestions.length) {
    out.push('', '## Renommages probables, non déclarés', '', 'Des exigences retirées et ajoutées dont les textes se ressemblent : des indices à vérifier, pas des faits.', '');
    for (const s of changelog.suggestions) out.push(`- ${s.removed} → ${s.added} (ressemblance ${s.similarity.toFixed(2).replace('.', ',')})`);
  }
  out.push('', 'Légende : <del>texte supprimé</del>, <ins>texte ajouté</ins>.');
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
