/**
 * Where the caches live and what they depend on. A light module (no parser, no schema): `doctrine export` checks
 * whether unchanged content is already exported before loading the rest of the library.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The cache folder of the CLI and the site: `DOCTRINE_CACHE_DIR` when set (empty or `off`: no cache), otherwise
 * `node_modules/.cache/doctrine` under the current folder when it has a node_modules folder, otherwise none.
 */
export function defaultCacheDir(): string | false {
  const value = process.env.DOCTRINE_CACHE_DIR;
  if (value !== undefined) return value === '' || value === 'off' ? false : resolve(value);
  return existsSync('node_modules') ? resolve('node_modules', '.cache', 'doctrine') : false;
}

let fingerprint: string | null | undefined;

/**
 * What every cached result depends on besides the chapter: the library's sources and the installed packages
 * (npm's record of node_modules). Null when the sources are not beside this module (a bundle): no cache then.
 */
export function codeFingerprint(): string | null {
  if (fingerprint !== undefined) return fingerprint;
  const lib = fileURLToPath(new URL('.', import.meta.url));
  if (!existsSync(join(lib, 'interpret.ts'))) return (fingerprint = null);
  const hash = createHash('sha256');
  for (const name of readdirSync(lib).filter((f) => f.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(join(lib, name)));
  const installed = fileURLToPath(new URL('../../node_modules/.package-lock.json', import.meta.url));
  if (existsSync(installed)) hash.update(readFileSync(installed));
  return (fingerprint = hash.digest('hex'));
}

