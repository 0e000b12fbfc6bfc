/** Renders short inline Markdown (code spans, emphasis) of trusted strings such as rule help texts. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();

export function renderInline(markdown: string): string {
  return String(processor.processSync(markdown)).replace(/^<p>|<\/p>$/g, '');
}
