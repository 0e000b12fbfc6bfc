import { formatDiagnosticLine, isEditionName, readDatasetFile, diffEditions, formatChangelogMarkdown, formatChangelogText, toJson, type ChangelogLabels, type ContentBuild, type EditionDataset } from '../../lib/index.ts';
import { CONTENT_OPTION, contentDir, formatOption, parse } from '../args.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Command } from '../main.ts';
import { loadContentOrFail } from './validate.ts';

/** Content errors: the editions cannot be compared; the diagnostics go to stderr, stdout stays empty. */
class ContentErrors extends Error {}

function labelsOf(dataset: EditionDataset): ChangelogLabels {
  const map = (entries: { id: string; libelle: string }[]) => Object.fromEntries(entries.map((e) => [e.id, e.libelle]));
  const v = dataset.vocabulaires;
  return { referentiels: map(v.referentiels), cibles: map(v.cibles), socles: map(v.socles), normes: map(v.normes) };
}

const command: Command = {
  summary: 'compare deux éditions : ce qui change, exigence par exigence et mot à mot',
  usage: 'doctrine diff A B [--content DIR] [--format text|md|json]   (A, B : édition du contenu ou fichier <édition>/exigences.json)',
  async run(args) {
    const { values, positionals } = parse(args, { ...CONTENT_OPTION, format: { type: 'string' } }, true);
    const format = formatOption(values.format, ['text', 'md', 'json'], 'text');
    if (positionals.length !== 2) {
      throw new UsageError(positionals.length < 2 ? 'deux éditions attendues, A et B' : `deux éditions attendues, A et B, reçu ${positionals.length} arguments`);
    }
    let content: Promise<ContentBuild> | undefined;
    const dir = contentDir(values.content);
    const resolveDataset = async (arg: string): Promise<EditionDataset> => {
      if (isEditionName(arg)) {
        content ??= loadContentOrFail(dir);
        const build = await content;
        const edition = build.editions.find((e) => e.name === arg);
        if (!edition) {
          const names = build.editions.map((e) => e.name);
          throw new UsageError(`édition « ${arg} » introuvable dans « ${dir} »${names.length ? `, attendu : ${names.join(', ')}` : ''} (ou le chemin d’un fichier exigences.json)`);
        }
        if (build.reporter.errorCount > 0 || !edition.dataset) throw new ContentErrors();
        return edition.dataset;
      }
      const result = await readDatasetFile(arg);
      if (!result.dataset) throw new UsageError(`jeu de données « ${arg} » refusé :\n  ${result.errors.join('\n  ')}`);
      return result.dataset;
    };
    let from: EditionDataset;
    let to: EditionDataset;
    try {
      from = await resolveDataset(positionals[0] ?? '');
      to = await resolveDataset(positionals[1] ?? '');
    } catch (error) {
      if (!(error instanceof ContentErrors) || !content) throw error;
      const build = await content;
      for (const d of build.reporter.diagnostics) process.stderr.write(formatDiagnosticLine(d) + '\n');
      process.stderr.write(`${build.reporter.errorCount} erreur(s) de contenu : corrigez-les (doctrine validate) avant de comparer les éditions.\n`);
      return EXIT.content;
    }
    const changelog = diffEditions(from, to);
    const labels = labelsOf(to);
    process.stdout.write(format === 'json' ? toJson(changelog) : format === 'md' ? formatChangelogMarkdown(changelog, labels) : formatChangelogText(changelog, labels));
    return EXIT.ok;
  },
};
export default command;
