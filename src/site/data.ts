/**
 * The content build, shared by the config (integration.ts) and the pages: Astro prerenders pages in the same
 * process as the config, so the build made once at config time is reused through `globalThis` instead of
 * loading the content again.
 */
import { defaultCacheDir, loadContent, requirementHistories, type ContentBuild, type EditionBuild, type EditionDataset, type RequirementHistory } from '../lib/index.ts';
import { siteContentDir } from './content-dir.ts';

const KEY = Symbol.for('doctrine.content');
type Holder = { [KEY]?: Promise<ContentBuild> };

export function shareContent(content: ContentBuild): void {
  (globalThis as Holder)[KEY] = Promise.resolve(content);
}

export function getContent(): Promise<ContentBuild> {
  const holder = globalThis as Holder;
  holder[KEY] ??= loadContent(siteContentDir(), { cache: defaultCacheDir() });
  return holder[KEY];
}

let histories: Promise<Map<string, RequirementHistory>> | undefined;

/** Every requirement ID's history (computed once per build). */
export function getHistories(): Promise<Map<string, RequirementHistory>> {
  histories ??= getContent().then((content) =>
    requirementHistories(content.editions.flatMap((e) => (e.dataset ? [e.dataset as EditionDataset] : []))),
  );
  return histories;
}

/** The edition in force (or the latest one when none is). */
export function editionInForce(content: ContentBuild): EditionBuild | undefined {
  return content.editions.find((e) => e.dataset?.edition.statut === 'en-vigueur') ?? content.editions[content.editions.length - 1];
}

/** Pages every edition has besides its chapters (generated pages). */
const EDITION_PAGES = new Set(['explorateur', 'imprimer', 'socles', 'nouveautes', 'glossaire']);

/**
 * The same page in another edition, where it exists: a chapter, a requirement's permanent page, or a generated
 * page; otherwise that edition's home page.
 */
export function equivalentPath(content: ContentBuild, path: string, target: EditionBuild): string {
  const match = /^\/(\d{4})\/(.*)$/.exec(path);
  const home = `/${target.name}/`;
  if (!match) return home;
  const rest = (match[2] ?? '').replace(/\/$/, '');
  if (rest === '') return home;
  const requirement = /^exigences\/([A-Z0-9-]+)$/.exec(rest);
  if (requirement) {
    const id = requirement[1] ?? '';
    return target.dataset?.exigences.some((e) => e.id === id) ? `/${target.name}/exigences/${id}/` : `/exigences/${id}/`;
  }
  if (target.chapters.some((c) => c.slug === rest) || EDITION_PAGES.has(rest.split('/')[0] ?? '')) return `/${target.name}/${rest}/`;
  return home;
}
