import { planPublish, today } from '../../lib/index.ts';
import { CONTENT_OPTION, contentDir, dateOption, editionArgument, parse, requireEdition } from '../args.ts';
import type { Command } from '../main.ts';
import { failOnErrors, runPlan } from '../lifecycle.ts';
import { loadContentOrFail } from './validate.ts';

const command: Command = {
  summary: 'publie une édition en projet : en vigueur à la date donnée, la précédente remplacée, verrou écrit',
  usage: 'doctrine publish AAAA [--date AAAA-MM-JJ] [--content DIR]',
  async run(args) {
    const { values, positionals } = parse(args, { ...CONTENT_OPTION, date: { type: 'string' } }, true);
    const year = editionArgument(positionals);
    const date = dateOption(values.date, today());
    const build = await loadContentOrFail(contentDir(values.content));
    requireEdition(build, year);
    return failOnErrors(build) ?? runPlan('publish', build, () => planPublish(build, year, date));
  },
};
export default command;
