import { relative } from 'node:path';
import { getRule, type RuleId, type Severity } from './rules.ts';
import { rulePath, SITE_URL } from './site.ts';
import { compareStrings } from './ids.ts';

/** A place in a source file: absolute path, 1-based line and column. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/** One diagnostic, as printed by `doctrine validate` (see schemas/diagnostics.schema.json). */
export interface Diagnostic extends Place {
  severity: Severity;
  ruleId: RuleId;
  message: string;
  /** Documentation page of the rule. */
  url: string;
  /** Where the conflicting earlier item is (e.g. the first occurrence of a duplicate). */
  cause?: Place & { message: string };
}

export interface ReportOptions {
  cause?: Place & { message: string };
}

/** Collects diagnostics; content mistakes are reported, never thrown. */
export class Reporter {
  readonly #items: Diagnostic[] = [];

  report(ruleId: RuleId, place: Place, message: string, options: ReportOptions = {}): void {
    const rule = getRule(ruleId);
    const item: Diagnostic = {
      file: place.file,
      line: place.line,
      column: place.column,
      severity: rule.severity,
      ruleId,
      message,
      url: SITE_URL + rulePath(ruleId),
    };
    if (options.cause) item.cause = options.cause;
    this.#items.push(item);
  }

  /** Diagnostics in a stable order: file, line, column, rule. */
  get diagnostics(): Diagnostic[] {
    return [...this.#items].sort(
      (a, b) =>
        compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.ruleId, b.ruleId),
    );
  }

  get errorCount(): number {
    return this.#items.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.#items.filter((d) => d.severity === 'warning').length;
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' ? file : rel.split('\\').join('/');
}

/** `path:line:column: error rule-id message` — one line per diagnostic. */
export function formatDiagnosticLine(d: Diagnostic, cwd = process.cwd()): string {
  let line = `${displayPath(d.file, cwd)}:${d.line}:${d.column}: ${d.severity} ${d.ruleId} ${d.message}`;
  if (d.cause) line += ` (voir ${displayPath(d.cause.file, cwd)}:${d.cause.line}:${d.cause.column} : ${d.cause.message})`;
  return line;
}

/** The JSON form: paths relative to `cwd`, as in the text form. */
export function diagnosticsToJson(list: Diagnostic[], cwd = process.cwd()): Diagnostic[] {
  return list.map((d) => {
    const out: Diagnostic = { ...d, file: displayPath(d.file, cwd) };
    if (d.cause) out.cause = { ...d.cause, file: displayPath(d.cause.file, cwd) };
    return out;
  });
}
