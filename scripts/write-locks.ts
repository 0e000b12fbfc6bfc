/**
 * Rewrites the locks of every edition of a content folder from its current text (maintainers only: a published
 * edition's lock must normally change through `doctrine erratum`). Usage: node scripts/write-locks.ts [DIR]
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { editionLock, formatDiagnosticLine, LOCK_FILE, loadContent, lockText } from '../src/lib/index.ts';

const dir = resolve(process.argv[2] ?? 'content');
const temp = mkdtempSync(join(tmpdir(), 'doctrine-locks-'));
const copy = join(temp, 'content');
cpSync(dir, copy, { recursive: true });
// Loaded as drafts, so that the old locks are not checked.
for (const name of readdirSync(copy).filter((d) => /^\d{4}$/.test(d))) {
  const file = join(copy, name, 'edition.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^statut: .*$/m, 'statut: projet'));
}
const build = await loadContent(copy);
rmSync(temp, { recursive: true, force: true });
if (build.reporter.errorCount > 0) {
  for (const d of build.reporter.diagnostics) console.error(formatDiagnosticLine(d));
  process.exit(1);
}
for (const edition of build.editions) {
  const hashes = new Map((edition.dataset?.exigences ?? []).map((e) => [e.id, e.hash]));
  writeFileSync(join(dir, edition.name, LOCK_FILE), lockText(editionLock(edition.name, hashes)));
  console.log(`${edition.name}: ${hashes.size} exigences verrouillées`);
}
