/**
 * Syntax layer: turns a normalized Markdown text into an mdast tree (remark-parse, remark-frontmatter,
 * remark-gfm, remark-directive). It only parses; meaning is given by `interpret.ts`.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';
import type {} from 'mdast-util-directive';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}
