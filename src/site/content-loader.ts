/**
 * The `docs` collection reads the edition chapters from the top-level `content/` folder (not
 * `src/content/docs`): Astro's glob loader, plus each file's last commit date as `lastUpdated`, which Starlight
 * only computes by itself for `src/content/docs` (docs/decisions/0001-content-location.md).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';

/** Last commit date of every file under `dir`, by absolute path (empty outside a git work tree). */
function lastCommitDates(dir: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  try {
    const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' }).trim();
    const log = execFileSync('git', ['log', '--format=t:%ct', '--name-only', '--no-renames', '--', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    let time = 0;
    for (const line of log.split('\n')) {
      if (line.startsWith('t:')) time = Number(line.slice(2)) * 1000;
      else if (line.trim() !== '') {
        const path = resolve(root, line.trim());
        if (!dates.has(path)) dates.set(path, new Date(time));
      }
    }
  } catch {
    // Not a git work tree (e.g. an exported archive): pages simply have no "last updated" date.
  }
  return dates;
}

/**
 * A fingerprint of everything a chapter's rendering depends on besides its own text: the whole content folder
 * (a requirement cited from another chapter may move) and the library and site code that render it.
 */
function renderingFingerprint(contentDir: string): string {
  const hash = createHash('sha256');
  const code = fileURLToPath(new URL('..', import.meta.url));
  for (const dir of [contentDir, join(code, 'lib'), join(code, 'site')]) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function doctrineContentLoader(contentDir: string): Loader {
  const base = resolve(contentDir);
  const inner = glob({ pattern: '[0-9][0-9][0-9][0-9]/**/*.md', base });
  return {
    name: 'doctrine-content',
    load: async (context) => {
      const dates = lastCommitDates(base);
      // Astro reuses a chapter's cached rendering while its digest is unchanged: make the digest depend on
      // everything the rendering depends on, not only on the chapter's own text.
      const fingerprint = renderingFingerprint(base);
      await inner.load({
        ...context,
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? data + fingerprint : { data, fingerprint }),
        parseData: (props) => {
          const date = props.filePath ? dates.get(resolve(props.filePath)) : undefined;
          const data = date && props.data.lastUpdated === undefined ? { ...props.data, lastUpdated: date } : props.data;
          return context.parseData({ ...props, data });
        },
      });
    },
  };
}
