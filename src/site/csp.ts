/**
 * A strict Content-Security-Policy for every built page, added after the build: scripts only from the site
 * itself or inline scripts whose SHA-256 is listed (Starlight's theme and sidebar scripts), WebAssembly for
 * Pagefind, everything else from the site's own origin only. Styles allow inline attributes, which Starlight
 * uses (`style="--depth: 1"`); they cannot load anything from elsewhere (`default-src 'self'`).
 * Astro's own `security.csp` is not used: it misses Starlight's `is:inline` scripts.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

export function contentSecurityPolicy(html: string): string {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}'`);
  }
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...hashes].sort().join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Inserts the policy as the first element of <head>, so it governs everything after it. */
export function withCsp(html: string): string {
  if (!html.includes('<head>')) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}">`;
  return html.replace('<head>', `<head>${meta}`);
}

export async function addCspToPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let count = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    await writeFile(path, withCsp(await readFile(path, 'utf8')));
    count++;
  }
  return count;
}
