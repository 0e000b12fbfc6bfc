/**
 * The content folder the site is built from: `content/` by default, or the folder named by the environment
 * variable `DOCTRINE_CONTENT_DIR` (the benchmark builds the site from generated content this way:
 * `DOCTRINE_CONTENT_DIR=bench/work/sets/x500/content astro build`).
 */
export function siteContentDir(): string {
  const value = process.env.DOCTRINE_CONTENT_DIR;
  return value !== undefined && value !== '' ? value : 'content';
}
