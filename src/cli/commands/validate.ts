import { stat } from 'node:fs/promises';
import { defaultCacheDir, loadContent } from '../../lib/index.ts';
import { CONTENT_OPTION, contentDir, formatOption, parse } from '../args.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Command } from '../main.ts';
import { printDiagnostics } from '../report.ts';

/** Loads the content folder (with the chapter cache) or fails with a usage error when it does not exist. */
export async function loadContentOrFail(dir: string) {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new UsageError(`dossier de contenu « ${dir} » introuvable`);
  return loadContent(dir, { cache: defaultCacheDir() });
}

const command: Command = {
  summary: 'vérifie toutes les éditions et affiche les diagnostics',
  usage: 'doctrine validate [--content DIR] [--format text|json]',
  async run(args) {
    const { values } = parse(args, { ...CONTENT_OPTION, format: { type: 'string' } });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const build = await loadContentOrFail(contentDir(values.content));
    printDiagnostics(build, format);
    return build.reporter.errorCount > 0 ? EXIT.content : EXIT.ok;
  },
};
export default command;
