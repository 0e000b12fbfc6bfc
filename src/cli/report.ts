import { diagnosticsToJson, formatDiagnosticLine, type ContentBuild } from '../lib/index.ts';

/** Prints the diagnostics of a build (text on stdout, or a JSON array) and a summary on stderr. */
export function printDiagnostics(build: ContentBuild, format: string): void {
  const list = build.reporter.diagnostics;
  if (format === 'json') process.stdout.write(JSON.stringify(diagnosticsToJson(list), null, 2) + '\n');
  else for (const d of list) process.stdout.write(formatDiagnosticLine(d) + '\n');
  const { errorCount, warningCount } = build.reporter;
  const exigences = build.editions.reduce((n, e) => n + (e.dataset?.exigences.length ?? 0), 0);
  process.stderr.write(
    `${errorCount} erreur${errorCount > 1 ? 's' : ''}, ${warningCount} avertissement${warningCount > 1 ? 's' : ''} ` +
      `— ${build.editions.length} édition${build.editions.length > 1 ? 's' : ''}, ${exigences} exigences valides\n`,
  );
}
