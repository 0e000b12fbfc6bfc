/**
 * Presentation of a requirement as a hast block, shared by every page that shows one. The statement inside is
 * the dataset's rendering, node for node, so the page text is the dataset text by construction.
 */
import type { Element, ElementContent } from 'hast';
import type { Exigence, Vocabulaires } from './types.ts';

const NIVEAU_LABELS: Record<Exigence['niveau'], string> = { obligatoire: 'Obligatoire', recommandé: 'Recommandé' };

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function labels(ids: string[], entries: { id: string; libelle: string }[]): string {
  return ids.map((id) => entries.find((e) => e.id === id)?.libelle ?? id).join(', ');
}

export interface BlockOptions {
  /**
   * Whether the site search indexes this block. Chapter pages set it to false: each requirement is indexed once,
   * on its own permanent page, where its edition, niveau and référentiel are search filters. Default: true.
   */
  searchable?: boolean;
  /** Where the requirement's permanent page is; when given, the title links there. */
  permalink?: string;
}

/** The block: heading (id = requirement ID), facts, statement, citation. `depth` is the heading level. */
export function exigenceBlock(exigence: Exigence, statement: ElementContent[], depth: number, vocab: Vocabulaires, options: BlockOptions = {}): Element {
  const level = Math.min(Math.max(depth, 2), 6);
  const facts: ElementContent[] = [
    el('div', {}, [el('dt', {}, [text('Niveau')]), el('dd', {}, [el('span', { className: ['niveau', `niveau-${exigence.niveau === 'obligatoire' ? 'obligatoire' : 'recommande'}`] }, [text(NIVEAU_LABELS[exigence.niveau])])])]),
    el('div', {}, [el('dt', {}, [text('Cibles')]), el('dd', {}, [text(labels(exigence.cibles, vocab.cibles))])]),
  ];
  if (exigence.socles.length) facts.push(el('div', {}, [el('dt', {}, [text('Services socles')]), el('dd', {}, [text(labels(exigence.socles, vocab.socles))])]));
  if (exigence.normes.length) facts.push(el('div', {}, [el('dt', {}, [text('Normes')]), el('dd', {}, [text(labels(exigence.normes, vocab.normes))])]));
  if (exigence.echeance) facts.push(el('div', {}, [el('dt', {}, [text('Échéance')]), el('dd', {}, [el('time', { dateTime: exigence.echeance }, [text(exigence.echeance)])])]));
  if (exigence.lineage.remplace.length) facts.push(el('div', {}, [el('dt', {}, [text('Remplace')]), el('dd', {}, [text(exigence.lineage.remplace.join(', '))])]));
  const title: ElementContent = options.permalink ? el('a', { href: options.permalink }, [text(exigence.title)]) : text(exigence.title);
  const properties: Element['properties'] = { className: ['exigence', `exigence-${exigence.niveau === 'obligatoire' ? 'obligatoire' : 'recommande'}`], 'aria-labelledby': exigence.id };
  if (options.searchable === false) properties.dataPagefindIgnore = 'all';
  return el('section', properties, [
    el(`h${level}`, { id: exigence.id, className: ['exigence-titre'] }, [
      el('span', { className: ['exigence-id'] }, [text(exigence.id)]),
      text(' '),
      title,
    ]),
    el('dl', { className: ['exigence-faits'], dataPagefindIgnore: '' }, facts),
    el('div', { className: ['exigence-enonce'] }, statement),
    el('p', { className: ['exigence-citation'], dataPagefindIgnore: '' }, [
      text('Citer : '),
      el('code', {}, [text(exigence.citation)]),
    ]),
  ]);
}
