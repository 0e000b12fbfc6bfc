// diagnostics.ts directly, not the whole library: `doctrine export` prints a report before loading it.
import { diagnosticsToJson, formatDiagnosticLine, type Diagnostic } from '../lib/diagnostics.ts';
import type { ContentBuild } from '../lib/index.ts';

/** Prints the diagnostics of a build (text on stdout, or a JSON array) and a summary on stderr. */
export function printDiagnostics(build: ContentBuild, format: string): void {
  const exigences = build.editions.reduce((n, e) => n + (e.dataset?.exigences.length ?? 0), 0);
  printReport(build.reporter.diagnostics, { editions: build.editions.length, exigences }, format);
}

/** Prints diagnostics (sorted) and the summary line, from a build or from an export record. */
export function printReport(list: Diagnostic[], counts: { editions: number; exigences: number }, format: string): void {
  if (format === 'json') process.stdout.write(JSON.stringify(diagnosticsToJson(list), null, 2) + '\n');
  else for (const d of list) process.stdout.write(formatDiagnosticLine(d) + '\n');
  const errorCount = list.filter((d) => d.severity === 'error').length;
  const warningCount = list.length - errorCount;
  const { editions, exigences } = counts;
  process.stderr.write(
    `${errorCount} erreur${errorCount > 1 ? 's' : ''}, ${warningCount} avertissement${warningCount > 1 ? 's' : ''} ` +
      `— ${editions} édition${editions > 1 ? 's' : ''}, ${exigences} exigences valides\n`,
  );
}
