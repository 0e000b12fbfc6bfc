import { join } from 'node:path';
import { planErratum, today } from '../../lib/index.ts';
import { CONTENT_OPTION, contentDir, dateOption, editionArgument, parse, requireEdition } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { Command } from '../main.ts';
import { failOnErrors, runPlan } from '../lifecycle.ts';
import { loadContentOrFail } from './validate.ts';

const command: Command = {
  summary: 'déclare les corrections d’une édition publiée comme erratum (edition.yml) et renouvelle son verrou',
  usage: 'doctrine erratum AAAA --motif TEXTE [--date AAAA-MM-JJ] [--content DIR]',
  async run(args) {
    const { values, positionals } = parse(args, { ...CONTENT_OPTION, motif: { type: 'string' }, date: { type: 'string' } }, true);
    const year = editionArgument(positionals);
    const motif = values.motif?.trim();
    if (!motif) throw new UsageError('option --motif TEXTE manquante : dites ce qui est corrigé et pourquoi');
    const date = dateOption(values.date, today());
    const build = await loadContentOrFail(contentDir(values.content));
    requireEdition(build, year);
    // The differences from the lock are what the erratum declares: only they may be reported.
    const editionDir = join(build.dir, year) + '/';
    return failOnErrors(build, (d) => d.ruleId === 'edition-frozen' && d.file.startsWith(editionDir)) ?? runPlan('erratum', build, () => planErratum(build, year, motif, date));
  },
};
export default command;
