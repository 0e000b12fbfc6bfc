/** Helpers of the evolution pages (thin glue over the library's changelog). */
import { CHANGE_KINDS } from '../lib/changelog.ts';
import { KIND_LABELS } from '../lib/changelog-format.ts';
import type { Changelog } from '../lib/types.ts';

/** The page's table of contents: one entry per kind of change that occurs, and the suggestions. */
export function evolutionHeadings(changelog: Changelog): { depth: number; slug: string; text: string }[] {
  const headings: { depth: number; slug: string; text: string }[] = CHANGE_KINDS.filter((kind) => changelog.summary[kind] > 0).map((kind) => ({
    depth: 2,
    slug: kind,
    text: `${KIND_LABELS[kind].heading} (${changelog.summary[kind]})`,
  }));
  if (changelog.suggestions.length) headings.push({ depth: 2, slug: 'suggestions', text: `Renommages probables, non déclarés (${changelog.suggestions.length})` });
  return headings;
}
