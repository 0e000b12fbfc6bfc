/**
 * The data dictionary, derived from the published schemas (never written by hand, so it cannot drift):
 * one table per schema, one row per field with its JSON path, type, whether it is required, and its French
 * title and description.
 */
import { readSchemas, type JsonSchema } from './schemas.ts';

type Node = Record<string, unknown>;

export interface DictionaryRow {
  /** Field path: `exigences[].cibles[]`. */
  path: string;
  type: string;
  required: boolean;
  title: string;
  description: string;
}

export interface DictionaryTable {
  name: string;
  id: string;
  title: string;
  description: string;
  rows: DictionaryRow[];
}

function resolvePointer(root: Node, pointer: string): Node | undefined {
  let node: unknown = root;
  for (const seg of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) node = (node as Node | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node as Node | undefined;
}

export function dataDictionary(): DictionaryTable[] {
  const schemas = readSchemas();
  const byFile = new Map<string, [string, JsonSchema]>([...schemas].map(([name, s]) => [`${name}.schema.json`, [name, s]]));

  /** Follows `$ref`s; a reference to another whole schema is not expanded (it has its own table). */
  const deref = (node: Node, root: Node): { node: Node; root: Node; external?: string } => {
    const ref = node.$ref;
    if (typeof ref !== 'string') return { node, root };
    const [file, pointer = ''] = ref.split('#');
    const target = file ? byFile.get(file) : undefined;
    const targetRoot = file ? (target?.[1] as Node | undefined) : root;
    if (!targetRoot) return { node, root };
    if (file && (pointer === '' || pointer === '/')) {
      const { $ref: _ref, ...local } = node;
      return { node: { title: targetRoot.title, description: targetRoot.description, ...local }, root, external: target?.[0] };
    }
    const resolved = resolvePointer(targetRoot, pointer) ?? {};
    const merged = deref(resolved, targetRoot);
    // Keywords written beside the $ref (title, description…) take precedence.
    const { $ref: _ref, ...local } = node;
    return { ...merged, node: { ...merged.node, ...local } };
  };

  const typeOf = (node: Node, external?: string): string => {
    if (external) return `objet « ${external} » (voir sa table)`;
    if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
    if ('const' in node) return `constante ${JSON.stringify(node.const)}`;
    if (Array.isArray(node.oneOf)) return (node.oneOf as Node[]).map((n) => typeOf(n)).join(' ou ');
    let type = typeof node.type === 'string' ? node.type : 'valeur';
    if (typeof node.format === 'string') type += ` (${node.format})`;
    else if (typeof node.pattern === 'string') type += ` (motif ${node.pattern})`;
    return type;
  };

  const tables: DictionaryTable[] = [];
  for (const [name, schema] of schemas) {
    const rows: DictionaryRow[] = [];
    const walk = (raw: Node, root: Node, path: string, required: boolean, depth: number): void => {
      const { node, root: nodeRoot, external } = deref(raw, root);
      if (path !== '') {
        rows.push({
          path,
          type: typeOf(node, external),
          required,
          title: typeof node.title === 'string' ? node.title : '',
          description: typeof node.description === 'string' ? node.description : '',
        });
      }
      if (external || depth > 8) return;
      const props = node.properties as Record<string, Node> | undefined;
      const req = new Set((node.required as string[] | undefined) ?? []);
      for (const [key, child] of Object.entries(props ?? {})) walk(child, nodeRoot, path === '' ? key : `${path}.${key}`, req.has(key), depth + 1);
      if (node.items && typeof node.items === 'object') {
        const { node: item, external: itemExternal } = deref(node.items as Node, nodeRoot);
        if (itemExternal || item.properties) walk(node.items as Node, nodeRoot, `${path}[]`, true, depth + 1);
      }
    };
    walk(schema as Node, schema as Node, '', true, 0);
    tables.push({ name, id: schema.$id, title: String(schema.title ?? name), description: String(schema.description ?? ''), rows });
  }
  return tables;
}

/** The dictionary as Markdown (docs/data-dictionary.md). */
export function dataDictionaryMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [
    '# Dictionnaire des données',
    '',
    '<!-- Généré par `npm run gen:docs` depuis schemas/*.schema.json : ne pas modifier à la main. -->',
    '',
    'Convention de nommage : clés camelCase en ASCII ; les termes de la doctrine restent en français',
    '(`exigences`, `niveau`, `cibles`, `socles`, `normes`, `echeance`, `remplace`, `referentiel`, `chapitre`,',
    '`statut`, `retraits`, `successeurs`, `motif`, `glossaire`, `vocabulaires`), les termes techniques génériques',
    'sont en anglais (`id`, `title`, `url`, `slug`, `order`, `statement`, `markdown`, `text`, `html`, `source`,',
    '`file`, `line`, `column`, `hash`, `lineage`, `schemaVersion`).',
    '',
  ];
  for (const table of dataDictionary()) {
    out.push(`## ${table.title} (\`${table.name}\`)`, '', table.description, '', `Schéma : <${table.id}>`, '');
    out.push('| champ | type | requis | titre | description |', '|---|---|---|---|---|');
    for (const row of table.rows) out.push(`| \`${cell(row.path)}\` | ${cell(row.type)} | ${row.required ? 'oui' : 'non'} | ${cell(row.title)} | ${cell(row.description)} |`);
    out.push('');
  }
  return out.join('\n');
}
