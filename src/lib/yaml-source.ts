import { isAlias, isNode, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Place, Reporter } from './diagnostics.ts';
import type { RuleId } from './rules.ts';
import { describeSchemaError, getValidator, type SchemaName } from './schemas.ts';

/** A YAML document that can tell where each value was written. */
export interface YamlSource {
  value: unknown;
  /** Place of the value at `path`, or of its nearest ancestor. */
  locate(path: readonly (string | number)[]): Place;
}

/**
 * Parses YAML text. `lineOffset` shifts lines (front matter starts after its `---` line).
 * Syntax errors are reported with `ruleId`; returns undefined when the text is not valid YAML.
 */
export function parseYaml(
  text: string,
  file: string,
  reporter: Reporter,
  ruleId: RuleId,
  lineOffset = 0,
): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeAt = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      reporter.report(ruleId, placeAt(error.pos[0]), `YAML invalide : ${error.message.split('\n')[0]}`);
    }
    return undefined;
  }
  const { value, fault } = toValue(doc);
  if (fault) {
    reporter.report(ruleId, placeAt(fault.node?.range?.[0] ?? doc.contents?.range?.[0] ?? 0), fault.message);
    return undefined;
  }
  return {
    value,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return placeAt(node.range[0]);
      }
      return placeAt(doc.contents?.range?.[0] ?? 0);
    },
  };
}

/** A node of the document that cannot become a JSON value, and why (in French). */
interface Fault {
  node: Node | undefined;
  message: string;
}

/** The first node of `doc` that `test` accepts. */
function findNode(doc: Document, test: (node: Node) => boolean): Node | undefined {
  let found: Node | undefined;
  visit(doc, (_key, node) => {
    if (isNode(node) && test(node)) {
      found = node;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/** True when a value contains itself (a recursive alias such as `&a [*a]`). */
function isCircular(value: unknown, path = new Set<object>(), done = new Set<object>()): boolean {
  if (typeof value !== 'object' || value === null || done.has(value)) return false;
  if (path.has(value)) return true;
  path.add(value);
  for (const child of value instanceof Map ? value.values() : Object.values(value)) {
    if (isCircular(child, path, done)) return true;
  }
  path.delete(value);
  done.add(value);
  return false;
}

/**
 * The document's value, or why it has none that a JSON Schema can check: a list or a map used as a key, an alias
 * to an anchor that is not set before it, too many aliases (exponential expansion), a value that contains itself.
 */
function toValue(doc: Document): { value: unknown; fault?: Fault } {
  let keyNode: Node | undefined;
  let badKey = false;
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key;
      // A key becomes a JSON property name: a plain scalar (text, number, boolean, null), not a list, a map, an
      // alias or a tagged binary or date.
      if (key === null || (isScalar(key) && (typeof key.value !== 'object' || key.value === null))) return undefined;
      badKey = true;
      keyNode = isNode(key) ? key : undefined;
      return visit.BREAK;
    },
  });
  if (badKey) {
    return { value: undefined, fault: { node: keyNode, message: 'YAML inattendu : une clé composée (liste, objet, alias ou valeur typée), attendu une clé de texte simple' } };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    const name = /alias\): (.*)$/.exec((error as Error).message)?.[1];
    if (name !== undefined) {
      const alias = findNode(doc, (node) => isAlias(node) && node.source === name);
      return { value: undefined, fault: { node: alias, message: `YAML invalide : alias « *${name} » sans ancre « &${name} » définie avant lui` } };
    }
    return { value: undefined, fault: { node: findNode(doc, isAlias), message: 'YAML invalide : trop d’alias (plus de 100 valeurs recopiées), attendu des valeurs écrites sans alias' } };
  }
  if (isCircular(value)) {
    return { value: undefined, fault: { node: findNode(doc, isAlias), message: 'YAML invalide : alias récursif, une valeur se contient elle-même' } };
  }
  return { value };
}

/** Validates a YAML value against a published schema; reports each error at its YAML position. */
export function checkYamlAgainstSchema(source: YamlSource, schema: SchemaName, reporter: Reporter, ruleId: RuleId): boolean {
  const validate = getValidator(schema);
  if (validate(source.value)) return true;
  for (const error of validate.errors ?? []) {
    const { path, message } = describeSchemaError(error, source.value);
    reporter.report(ruleId, source.locate(path.map((s) => (/^\d+$/.test(s) ? Number(s) : s))), message);
  }
  return false;
}
