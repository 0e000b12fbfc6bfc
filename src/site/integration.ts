/**
 * Wires the library into Astro (thin glue): builds the content once with the library, fails the build with the
 * library's located diagnostics, feeds the remark plugin and the sidebar, exposes edition facts and changelogs to
 * pages through virtual modules, and writes the data API (`/api/v1/`) after the build.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { API_PATH, dataFiles, defaultCacheDir, describeErratum, diffEditions, editionPairs, explorerView, formatDiagnosticLine, loadContent, printView, soclesView, writeTreeAtomic, type Changelog, type ContentBuild, type EditionDataset } from '../lib/index.ts';
import { remarkExigences } from './remark-exigences.ts';
import { shareContent } from './data.ts';
import { addCspToPages } from './csp.ts';

const VIRTUAL_ID = 'virtual:doctrine/editions';
/** What the explorer, the socle pages and the printable edition show (`src/lib/views.ts`), computed once. */
const VIEWS_ID = 'virtual:doctrine/views';
/** Index of the changelogs: `pairs` and one lazy loader per ordered pair of editions. */
const EVOLUTIONS_ID = 'virtual:doctrine/evolutions';
/** One module per pair (`virtual:doctrine/evolution/2024..2025`), so that a page loads only its changelog. */
const EVOLUTION_PREFIX = 'virtual:doctrine/evolution/';

/** What an evolution page needs: the changelog and labels from the two datasets' vocabularies and chapters. */
export interface SiteEvolution {
  changelog: Changelog;
  labels: {
    referentiels: Record<string, string>;
    cibles: Record<string, string>;
    socles: Record<string, string>;
    normes: Record<string, string>;
    /** Chapter titles by slug, in the later edition when a slug is in both. */
    chapitres: Record<string, string>;
  };
}

function siteEvolution(from: EditionDataset, to: EditionDataset): SiteEvolution {
  const [older, newer] = from.edition.edition <= to.edition.edition ? [from, to] : [to, from];
  const map = (entries: { id: string; libelle: string }[]) => Object.fromEntries(entries.map((e) => [e.id, e.libelle]));
  const v = newer.vocabulaires;
  return {
    changelog: diffEditions(from, to),
    labels: {
      referentiels: map(v.referentiels),
      cibles: map(v.cibles),
      socles: map(v.socles),
      normes: map(v.normes),
      chapitres: Object.fromEntries([...older.chapitres, ...newer.chapitres].map((c) => [c.slug, c.title])),
    },
  };
}

export interface SiteEdition {
  name: string;
  title: string;
  statut: string;
  /** The edition's errata, each in one French sentence (shown on every page of the edition). */
  errata: string[];
}

export interface DoctrineSite {
  content: ContentBuild;
  remarkPlugin: ReturnType<typeof remarkExigences>;
  integration: AstroIntegration;
  sidebar: unknown[];
}

const STATUT_LABELS: Record<string, string> = { 'en-vigueur': 'en vigueur', remplacée: 'remplacée', projet: 'projet' };

export async function doctrineSite(contentDir: string): Promise<DoctrineSite> {
  const content = await loadContent(contentDir, { cache: defaultCacheDir() });
  const diagnostics = content.reporter.diagnostics;
  for (const d of diagnostics) console.error(formatDiagnosticLine(d));
  if (content.reporter.errorCount > 0) {
    console.error(`${content.reporter.errorCount} erreur(s) de contenu : le site n’est pas construit.`);
    process.exit(1);
  }
  shareContent(content);
  const editions: SiteEdition[] = content.editions.map((e) => ({
    name: e.name,
    title: e.dataset?.edition.title ?? e.name,
    statut: e.dataset?.edition.statut ?? 'projet',
    errata: (e.dataset?.edition.errata ?? []).map(describeErratum),
  }));
  const inForce = editions.find((e) => e.statut === 'en-vigueur')?.name ?? editions[editions.length - 1]?.name;
  const vocab = content.vocabulaires;
  const editionGroups = [...content.editions].reverse().map((edition) => ({
    label: `Édition ${edition.name} (${STATUT_LABELS[edition.dataset?.edition.statut ?? 'projet']})`,
    collapsed: false,
    items: [
      { label: 'Explorer les exigences', link: `/${edition.name}/explorateur/` },
      { label: 'Présentation', link: `/${edition.name}/` },
      { label: 'Nouveautés', link: `/${edition.name}/nouveautes/` },
      ...(vocab?.referentiels ?? [])
        .filter((r) => edition.chapters.some((c) => c.referentiel === r.id))
        .map((r) => ({
          label: r.libelle,
          collapsed: true,
          // Explicit links: Starlight's `autogenerate` only sees files under src/content/docs.
          items: edition.chapters
            .filter((c) => c.referentiel === r.id && c.frontmatter)
            .sort((a, b) => (a.frontmatter?.order ?? 0) - (b.frontmatter?.order ?? 0) || (a.slug < b.slug ? -1 : 1))
            .map((c) => ({ label: c.frontmatter?.title ?? c.slug, link: `/${edition.name}/${c.slug}/` })),
        })),
      ...(edition.chapters.some((c) => c.slug === 'glossaire') ? [{ label: 'Glossaire', link: `/${edition.name}/glossaire/` }] : []),
      { label: 'Services socles', link: `/${edition.name}/socles/` },
      { label: 'Version imprimable', link: `/${edition.name}/imprimer/` },
    ],
  }));
  // The comparison of any two editions sits outside the edition groups, so that an edition switcher can swap groups.
  const sidebar: unknown[] = [
    ...editionGroups,
    { label: 'Comparer les éditions', link: '/evolutions/' },
    {
      label: 'Ressources',
      collapsed: false,
      items: [
        { label: 'Utiliser les données', link: '/donnees/' },
        { label: 'Règles de validation', link: '/regles/' },
        { label: 'Dictionnaire des données', link: '/donnees/dictionnaire/' },
      ],
    },
  ];

  const datasets = new Map(content.editions.map((e) => [e.name, e.dataset as EditionDataset]));
  const pairs = editionPairs([...datasets.keys()]);
  const evolutionsModule = [
    `export const pairs = ${JSON.stringify(pairs.map(([from, to]) => ({ from, to })))};`,
    'export const loaders = {',
    ...pairs.map(([from, to]) => `  ${JSON.stringify(`${from}..${to}`)}: () => import(${JSON.stringify(EVOLUTION_PREFIX + `${from}..${to}`)}),`),
    '};',
  ].join('\n');
  const evolutionModule = (key: string): string | undefined => {
    const [from, to] = key.split('..');
    const a = datasets.get(from ?? '');
    const b = datasets.get(to ?? '');
    return a && b && from !== to ? `export default ${JSON.stringify(siteEvolution(a, b))};` : undefined;
  };


  const built = content.editions.flatMap((e) => (e.dataset ? [{ edition: e, dataset: e.dataset }] : []));
  const views = vocab
    ? [
        `export const vocabulaires = ${JSON.stringify(vocab)};`,
        `export const explorer = ${JSON.stringify(Object.fromEntries(built.map((b, i) => [b.edition.name, explorerView(b.dataset, built[i - 1]?.dataset)])))};`,
        `export const socles = ${JSON.stringify(Object.fromEntries(built.map((b) => [b.edition.name, soclesView(b.edition, vocab)])))};`,
        `export const print = ${JSON.stringify(Object.fromEntries(built.map((b) => [b.edition.name, printView(b.edition)])))};`,
      ].join('\n')
    : '';

  const integration: AstroIntegration = {
    name: 'doctrine',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'doctrine-virtual-editions',
                resolveId: (id: string) => (id === VIRTUAL_ID || id === EVOLUTIONS_ID || id.startsWith(EVOLUTION_PREFIX) ? '\0' + id : undefined),
                load: (id: string) => {
                  if (id === '\0' + VIRTUAL_ID) return `export const editions = ${JSON.stringify(editions)};\nexport const inForce = ${JSON.stringify(inForce)};`;
                  if (id === '\0' + EVOLUTIONS_ID) return evolutionsModule;
                  if (id.startsWith('\0' + EVOLUTION_PREFIX)) return evolutionModule(id.slice(1 + EVOLUTION_PREFIX.length));
                  return undefined;
                },
              },
              {
                name: 'doctrine-virtual-views',
                resolveId: (id: string) => (id === VIEWS_ID ? '\0' + VIEWS_ID : undefined),
                load: (id: string) => (id === '\0' + VIEWS_ID ? views : undefined),
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const files = await dataFiles(content);
        await writeTreeAtomic(join(fileURLToPath(dir), API_PATH), files);
        logger.info(`${files.size} fichiers de données écrits dans ${API_PATH}`);
        const pages = await addCspToPages(fileURLToPath(dir));
        logger.info(`Content-Security-Policy ajoutée à ${pages} pages`);
      },
    },
  };
  return { content, remarkPlugin: remarkExigences(content), integration, sidebar };
}
