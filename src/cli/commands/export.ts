import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
// The light modules first: unchanged content already exported is reported without loading the parser, the
// schemas or the writers (the rest of the library is imported below, when needed).
import { defaultCacheDir } from '../../lib/cache.ts';
import { contentKey, holdsExport, readExportRecord, writeExportRecord } from '../../lib/export-cache.ts';
import { CONTENT_OPTION, contentDir, parse } from '../args.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Command } from '../main.ts';
import { printDiagnostics, printReport } from '../report.ts';

/** Refuses to replace a folder that is neither empty nor a previous export (it holds editions.json). */
async function checkTarget(out: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw new UsageError(`« ${out} » existe et n’est pas un dossier`);
  const entries = await readdir(out);
  const previousExport = await stat(join(out, 'editions.json')).then(() => true, () => false);
  if (entries.length > 0 && !previousExport) {
    throw new UsageError(`« ${out} » n’est pas vide et ne contient pas d’export précédent (editions.json) : choisissez un dossier vide`);
  }
}

const command: Command = {
  summary: 'écrit les fichiers de données (catalogue, jeux de données JSON, NDJSON, CSV et XLSX, paquets de données, exigences, schémas, types)',
  usage: 'doctrine export [--content DIR] --out DIR',
  async run(args) {
    const { values } = parse(args, { ...CONTENT_OPTION, out: { type: 'string' } });
    if (!values.out) throw new UsageError('option --out DIR manquante');
    const out = resolve(values.out);
    await checkTarget(out);
    const content = contentDir(values.content);
    // Unchanged content already exported there: nothing to write (src/lib/export-cache.ts).
    const cache = defaultCacheDir();
    const key = cache && (await stat(content).then((s) => s.isDirectory(), () => false)) ? await contentKey(content) : undefined;
    const record = cache && key ? await readExportRecord(cache, key) : undefined;
    if (record && (await holdsExport(out, record.catalog))) {
      printReport(record.diagnostics, record, 'text');
      process.stderr.write(`Contenu inchangé : ${out} contient déjà ces ${record.files} fichiers\n`);
      return EXIT.ok;
    }
    const [{ dataFiles, writeTreeAtomic }, { loadContentOrFail }] = await Promise.all([import('../../lib/index.ts'), import('./validate.ts')]);
    const build = await loadContentOrFail(content);
    if (build.reporter.errorCount > 0) {
      printDiagnostics(build, 'text');
      process.stderr.write(`Rien n’a été écrit : « ${out} » est inchangé.\n`);
      return EXIT.content;
    }
    const files = await dataFiles(build);
    await writeTreeAtomic(out, files);
    printDiagnostics(build, 'text');
    process.stderr.write(`${files.size} fichiers écrits dans ${out}\n`);
    if (cache && key) {
      const catalog = createHash('sha256').update(files.get('editions.json') ?? '').digest('hex');
      const exigences = build.editions.reduce((n, e) => n + (e.dataset?.exigences.length ?? 0), 0);
      await writeExportRecord(cache, key, { catalog, diagnostics: build.reporter.diagnostics, editions: build.editions.length, exigences, files: files.size });
    }
    return EXIT.ok;
  },
};
export default command;
