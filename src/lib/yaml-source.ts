import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
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
  return {
    value: doc.toJS() as unknown,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return placeAt(node.range[0]);
      }
      return placeAt(doc.contents?.range?.[0] ?? 0);
    },
  };
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
