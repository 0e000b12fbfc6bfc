/**
 * What the site's generated pages show, computed from the editions once: the explorer's rows (with what changed
 * since the previous edition), the pages of the services socles, the printable edition. Pure functions of the
 * library's build, Astro-free, so the site serialises their results instead of reloading the content per page.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { exigenceBlock } from './blocks.ts';
import { exigenceHash, pagePath, type EditionBuild } from './content.ts';
import { parseMarkdown } from './markdown.ts';
import { renderBody } from './render.ts';
import type { EditionDataset, EditionMeta, Exigence, Vocabulaires } from './types.ts';

/** What changed in a requirement since the previous edition; `null` when nothing did. */
export type Changement =
  | { kind: 'nouvelle' }
  | {
      kind: 'modifiée';
      /** `contenu`: text or attributes other than the niveau (the hash differs for another reason). */
      aspects: ('contenu' | 'niveau' | 'chapitre')[];
    };

/** Site path (with anchor) of a requirement's absolute `url`, e.g. `/2025/texte/objet-et-portee/#DOC-OBJ-01`. */
export function sitePath(url: string): string {
  const u = new URL(url);
  return u.pathname + u.hash;
}

/**
 * Compares a requirement with the same ID in the previous edition: new when absent, changed when its hash, niveau
 * or chapitre differs. A niveau change alone changes the hash too, so `contenu` is reported only when the hash
 * would still differ with the previous niveau.
 */
export function changement(current: Exigence, previous: Exigence | undefined): Changement | null {
  if (!previous) return { kind: 'nouvelle' };
  const aspects: ('contenu' | 'niveau' | 'chapitre')[] = [];
  if (previous.hash !== current.hash) {
    const withNewNiveau = exigenceHash({
      title: previous.title,
      niveau: current.niveau,
      cibles: previous.cibles,
      socles: previous.socles,
      normes: previous.normes,
      echeance: previous.echeance,
      remplace: previous.lineage.remplace,
      markdown: previous.statement.markdown,
    });
    if (withNewNiveau !== current.hash) aspects.push('contenu');
  }
  if (previous.niveau !== current.niveau) aspects.push('niveau');
  if (previous.chapitre !== current.chapitre) aspects.push('chapitre');
  return aspects.length ? { kind: 'modifiée', aspects } : null;
}

export interface ExplorerRow {
  id: string;
  title: string;
  niveau: Exigence['niveau'];
  referentiel: string;
  /** Chapter slug and title. */
  chapitre: string;
  chapitreTitle: string;
  /** Site path of the requirement's anchor on its chapter page. */
  href: string;
  cibles: string[];
  socles: string[];
  changement: Changement | null;
}

export interface ExplorerView {
  edition: string;
  /** The edition compared against for `changement`, or null for the first edition. */
  previous: string | null;
  rows: ExplorerRow[];
}

/** Every requirement of an edition, in reading order, with what changed since `previous`. */
export function explorerView(dataset: EditionDataset, previous: EditionDataset | undefined): ExplorerView {
  const before = new Map((previous?.exigences ?? []).map((e) => [e.id, e]));
  const chapterTitles = new Map(dataset.chapitres.map((c) => [c.slug, c.title]));
  return {
    edition: dataset.edition.edition,
    previous: previous?.edition.edition ?? null,
    rows: dataset.exigences.map((e) => ({
      id: e.id,
      title: e.title,
      niveau: e.niveau,
      referentiel: e.referentiel,
      chapitre: e.chapitre,
      chapitreTitle: chapterTitles.get(e.chapitre) ?? e.chapitre,
      href: sitePath(e.url),
      cibles: e.cibles,
      socles: e.socles,
      changement: previous ? changement(e, before.get(e.id)) : null,
    })),
  };
}

export interface SocleExigence {
  id: string;
  title: string;
  niveau: Exigence['niveau'];
  href: string;
}

export interface SocleView {
  id: string;
  libelle: string;
  /** The paragraph that introduces the socle in the main text, when the main text has a section on it. */
  description: { html: string; chapitre: string; href: string } | undefined;
  /** The edition's requirements that name this socle, by référentiel (vocabulary order; empty groups left out). */
  groups: { referentiel: string; libelle: string; exigences: SocleExigence[] }[];
  count: number;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A heading names a socle when it is its label, the abbreviation in its label's parentheses, or its id. */
function namesSocle(heading: string, socle: { id: string; libelle: string }): boolean {
  const h = fold(heading);
  const label = fold(socle.libelle);
  return h === label || label.endsWith(`(${h})`) || h === socle.id;
}

interface Section {
  heading: string;
  anchor: string;
  paragraph: RootContent | undefined;
}

/**
 * A chapter's first paragraph and its second-level sections, with the anchor Astro gives their heading
 * (github-slugger over the chapter's headings in order; requirement blocks carry their own ids and take no slug)
 * and their first paragraph.
 */
function sections(text: string): { intro: RootContent | undefined; list: Section[] } {
  const tree = parseMarkdown(text);
  const slugger = new GithubSlugger();
  const list: Section[] = [];
  let intro: RootContent | undefined;
  let seenHeading = false;
  let open: Section | undefined; // the section whose first paragraph is still awaited
  for (const node of tree.children) {
    if (node.type === 'heading') {
      seenHeading = true;
      const heading = node as Heading;
      const anchor = slugger.slug(toString(heading));
      open = heading.depth === 2 ? { heading: toString(heading), anchor, paragraph: undefined } : undefined;
      if (open) list.push(open);
    } else if (node.type === 'paragraph' && open) {
      open.paragraph = node;
      open = undefined;
    } else if (node.type === 'paragraph' && !seenHeading) intro ??= node;
  }
  return { intro, list };
}

export interface SoclesView {
  /** The main-text chapter that presents the services socles, with its first paragraph, when there is one. */
  chapitre: { title: string; href: string; intro: string | undefined } | undefined;
  socles: SocleView[];
}

/** One view per socle of the vocabulary, for an edition; descriptions come from the main text only. */
export function soclesView(edition: EditionBuild, vocab: Vocabulaires): SoclesView {
  const dataset = edition.dataset;
  if (!dataset) return { chapitre: undefined, socles: [] };
  const mainText = edition.chapters
    .filter((c) => c.referentiel === 'texte' && c.frontmatter)
    .sort((a, b) => (a.frontmatter?.order ?? 0) - (b.frontmatter?.order ?? 0))
    .map((chapter) => ({ chapter, ...sections(chapter.text) }));
  let chapitre: SoclesView['chapitre'];
  const socles = vocab.socles.map((socle) => {
    let description: SocleView['description'];
    for (const { chapter, intro, list } of mainText) {
      const section = list.find((s) => s.paragraph && namesSocle(s.heading, socle));
      if (section?.paragraph) {
        const title = chapter.frontmatter?.title ?? chapter.slug;
        const path = pagePath(edition.name, chapter.slug);
        description = { html: renderBody([section.paragraph], edition.links, chapter.text).html, chapitre: title, href: `${path}#${section.anchor}` };
        chapitre ??= { title, href: path, intro: intro && renderBody([intro], edition.links, chapter.text).html };
        break;
      }
    }
    const groups = vocab.referentiels
      .map((r) => ({
        referentiel: r.id,
        libelle: r.libelle,
        exigences: dataset.exigences
          .filter((e) => e.referentiel === r.id && e.socles.includes(socle.id))
          .map((e) => ({ id: e.id, title: e.title, niveau: e.niveau, href: sitePath(e.url) })),
      }))
      .filter((g) => g.exigences.length > 0);
    return { id: socle.id, libelle: socle.libelle, description, groups, count: groups.reduce((n, g) => n + g.exigences.length, 0) };
  });
  return { chapitre, socles };
}

export interface PrintChapter {
  slug: string;
  title: string;
  /** Absolute address of the chapter page. */
  url: string;
  /** Each requirement block, as the chapter page shows it (heading level 4). */
  blocks: string[];
}

export interface PrintView {
  edition: EditionMeta;
  referentiels: { id: string; libelle: string; chapitres: PrintChapter[] }[];
  glossaire: { id: string; terme: string; html: string }[];
}

/** The whole edition on one page: chapters in reading order, each requirement block, the glossary. */
export function printView(edition: EditionBuild): PrintView | undefined {
  const dataset = edition.dataset;
  if (!dataset) return undefined;
  const vocab = dataset.vocabulaires;
  const chapitres: (PrintChapter & { referentiel: string })[] = dataset.chapitres.map((c) => ({
    slug: c.slug,
    title: c.title,
    url: c.url,
    referentiel: c.referentiel,
    blocks: dataset.exigences
      .filter((e) => e.chapitre === c.slug)
      .map((e) => toHtml(exigenceBlock(e, edition.statements.get(e.id) ?? [], 4, vocab))),
  }));
  return {
    edition: dataset.edition,
    referentiels: vocab.referentiels
      .map((r) => ({ id: r.id, libelle: r.libelle, chapitres: chapitres.filter((c) => c.referentiel === r.id).map(({ referentiel: _r, ...c }) => c) }))
      .filter((r) => r.chapitres.length > 0),
    glossaire: dataset.glossaire.map((t) => ({ id: t.id, terme: t.terme, html: t.definition.html })),
  };
}
