/**
 * `doctrine <command>`: dispatches to one lazily loaded file per command (src/cli/commands/*.ts).
 * Exit codes: 0 fine, 1 content errors, 2 usage errors, 3 internal error (a bug).
 */
import { EXIT, UsageError } from './errors.ts';

export interface Command {
  /** One line for the help. */
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  validate: () => import('./commands/validate.ts'),
  export: () => import('./commands/export.ts'),
  diff: () => import('./commands/diff.ts'),
  'new-edition': () => import('./commands/new-edition.ts'),
  publish: () => import('./commands/publish.ts'),
  erratum: () => import('./commands/erratum.ts'),
};

async function help(): Promise<string> {
  const lines = ['Usage : doctrine <commande> [options]', '', 'Commandes :'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const { default: command } = await load();
    lines.push(`  ${name.padEnd(12)} ${command.summary}`, `  ${''.padEnd(12)} ${command.usage}`);
  }
  lines.push('', 'Codes de sortie : 0 succès, 1 erreurs de contenu, 2 erreur d’utilisation, 3 erreur interne.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? console.error : console.log)(await help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`doctrine : commande « ${name} » inconnue, attendu : ${Object.keys(COMMANDS).join(', ')}\n`);
    console.error(await help());
    return EXIT.usage;
  }
  const { default: command } = await load();
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`doctrine ${name} : ${error.message}\nUsage : ${command.usage}`);
      return EXIT.usage;
    }
    console.error(`doctrine ${name} : erreur interne (merci de la signaler)`);
    console.error(error);
    return EXIT.internal;
  }
}
