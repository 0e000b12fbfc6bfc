/**
 * The site's remark plugin (thin glue): replaces each `:::exigence` directive of a chapter with the library's
 * block for that requirement, and turns `:exigence[ID]` / `:terme[…]{#id}` into links. No interpretation here:
 * everything comes from the library's build of the content.
 */
import type { Root, Heading } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { exigenceBlock, inlineDirectiveElement, type ContentBuild, type EditionBuild } from '../lib/index.ts';

export function remarkExigences(content: ContentBuild) {
  const editionOf = (path: string | undefined): EditionBuild | undefined =>
    path ? content.editions.find((e) => path.startsWith(e.dir + '/')) : undefined;
  return () => (tree: Root, file: { path?: string }) => {
    const edition = editionOf(file.path);
    const dataset = edition?.dataset;
    if (!edition || !dataset) return;
    const byId = new Map(dataset.exigences.map((e) => [e.id, e]));
    let depth = 1;
    visit(tree, (node) => {
      if (node.type === 'heading') depth = (node as Heading).depth;
      if (node.type === 'containerDirective' && (node as ContainerDirective).name === 'exigence') {
        const directive = node as ContainerDirective;
        const id = directive.attributes?.id ?? '';
        const exigence = byId.get(id);
        const statement = edition.statements.get(id);
        if (!exigence || !statement) throw new Error(`${file.path}: requirement ${id} is not in the dataset`);
        const block = exigenceBlock(exigence, statement, depth + 1, dataset.vocabulaires, {
          searchable: false,
          permalink: `/${edition.name}/exigences/${id}/`,
        });
        directive.data = { hName: block.tagName, hProperties: block.properties, hChildren: block.children };
        directive.children = [];
        return 'skip';
      }
      if (node.type === 'textDirective') {
        const directive = node as TextDirective;
        const element = inlineDirectiveElement(directive, edition.links);
        if (element) directive.data = { hName: element.tagName, hProperties: element.properties };
      }
      return undefined;
    });
  };
}
