import { applyPlan, LifecycleError, type ContentBuild, type Plan } from '../lib/index.ts';
import { EXIT } from './errors.ts';
import { printDiagnostics } from './report.ts';

/**
 * Runs a lifecycle plan: content errors (diagnostics, or a state that forbids the operation) exit 1 with
 * nothing written; otherwise the files are written atomically and each change is printed.
 */
export async function runPlan(name: string, build: ContentBuild, makePlan: () => Promise<Plan>): Promise<number> {
  let plan: Plan;
  try {
    plan = await makePlan();
  } catch (error) {
    if (!(error instanceof LifecycleError)) throw error;
    process.stderr.write(`doctrine ${name} : ${error.message}\nRien n’a été écrit.\n`);
    return EXIT.content;
  }
  await applyPlan(plan);
  for (const line of plan.summary) process.stdout.write(`${line}\n`);
  return EXIT.ok;
}

/** Stops on content errors, printing them; returns the exit code, or undefined when the content is fine. */
export function failOnErrors(build: ContentBuild, accept: (d: ContentBuild['reporter']['diagnostics'][number]) => boolean = () => false): number | undefined {
  const blocking = build.reporter.diagnostics.filter((d) => d.severity === 'error' && !accept(d));
  if (blocking.length === 0) return undefined;
  printDiagnostics(build, 'text');
  process.stderr.write('Le contenu a des erreurs : corrigez-les d’abord. Rien n’a été écrit.\n');
  return EXIT.content;
}
