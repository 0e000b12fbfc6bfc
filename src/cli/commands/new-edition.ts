import { planNewEdition } from '../../lib/index.ts';
import { CONTENT_OPTION, contentDir, editionArgument, parse } from '../args.ts';
import type { Command } from '../main.ts';
import { failOnErrors, runPlan } from '../lifecycle.ts';
import { loadContentOrFail } from './validate.ts';

const command: Command = {
  summary: 'commence l’édition suivante, en projet, copie de l’édition en vigueur',
  usage: 'doctrine new-edition AAAA [--content DIR]',
  async run(args) {
    const { values, positionals } = parse(args, { ...CONTENT_OPTION }, true);
    const year = editionArgument(positionals);
    const build = await loadContentOrFail(contentDir(values.content));
    return failOnErrors(build) ?? runPlan('new-edition', build, () => planNewEdition(build, year));
  },
};
export default command;
