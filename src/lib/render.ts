/**
 * Rendering of statements (requirement texts, glossary definitions) from mdast to hast, HTML and plain text.
 * The site embeds exactly these hast nodes, so a requirement's text on a page is its text in the dataset.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { RootContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';

/** Resolves inline references within one edition. */
export interface LinkResolver {
  /** Site path of a requirement, e.g. `/2025/interoperabilite/identite/#INT-IDA-01`. */
  exigence(id: string): string | undefined;
  /** Site path of a glossary term, e.g. `/2025/glossaire/#ent`. */
  terme(id: string): string | undefined;
}

/** The element an inline directive becomes (a link), or undefined for plain-text directives. */
export function inlineDirectiveElement(
  node: TextDirective,
  links: LinkResolver,
): { tagName: 'a'; properties: Element['properties'] } | undefined {
  if (node.name === 'exigence') {
    const id = node.children.map((c) => ('value' in c ? c.value : '')).join('').trim();
    const href = links.exigence(id);
    return href ? { tagName: 'a', properties: { href, className: ['ref-exigence'] } } : undefined;
  }
  if (node.name === 'terme') {
    const href = links.terme(node.attributes?.id ?? '');
    return href ? { tagName: 'a', properties: { href, className: ['ref-terme'] } } : undefined;
  }
  return undefined;
}

/** Source text of a directive Starlight would restore as plain text (`10:30`, `Note:x`). */
export function directiveSourceText(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, text: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : text.slice(start, end);
}

export interface Rendered {
  hast: ElementContent[];
  html: string;
  text: string;
}

/** Renders statement nodes. `text` is the normalized source the nodes were parsed from. */
export function renderBody(nodes: RootContent[], links: LinkResolver, text: string): Rendered {
  const textDirective: Handler = (state: State, node: TextDirective) => {
    const element = inlineDirectiveElement(node, links);
    if (!element) return { type: 'text', value: directiveSourceText(node, text) };
    return { type: 'element', tagName: element.tagName, properties: element.properties, children: state.all(node) };
  };
  const blockDirective: Handler = (state: State, node: RootContent & { children: RootContent[] }) => ({
    type: 'element',
    tagName: 'div',
    properties: {},
    children: state.wrap(state.all(node), true),
  });
  const root = toHast(
    { type: 'root', children: nodes },
    { handlers: { textDirective, containerDirective: blockDirective, leafDirective: blockDirective } },
  ) as HastRoot;
  const hast = root.children as ElementContent[];
  return { hast, html: toHtml(root), text: toText(root).trim() };
}
