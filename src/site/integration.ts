/**
 * Wires the library into Astro (thin glue): builds the content once with the library, fails the build with the
 * library's located diagnostics, feeds the remark plugin and the sidebar, exposes edition facts to components
 * through a virtual module, and writes the data API (`/api/v1/`) after the build.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { API_PATH, dataFiles, describeErratum, explorerView, formatDiagnosticLine, loadContent, printView, soclesView, writeTreeAtomic, type ContentBuild } from '../lib/index.ts';
import { remarkExigences } from './remark-exigences.ts';
import { shareContent } from './data.ts';
import { addCspToPages } from './csp.ts';

const VIRTUAL_ID = 'virtual:doctrine/editions';
/** What the explorer, the socle pages and the printable edition show (`src/lib/views.ts`), computed once. */
const VIEWS_ID = 'virtual:doctrine/views';

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
  const content = await loadContent(contentDir);
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
  const sidebar = [...content.editions].reverse().map((edition) => ({
    label: `Édition ${edition.name} (${STATUT_LABELS[edition.dataset?.edition.statut ?? 'projet']})`,
    collapsed: false,
    items: [
      { label: 'Explorer les exigences', link: `/${edition.name}/explorateur/` },
      { label: 'Présentation', link: `/${edition.name}/` },
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
  sidebar.push({
    label: 'Ressources',
    collapsed: false,
    items: [
      { label: 'Utiliser les données', link: '/donnees/' },
      { label: 'Règles de validation', link: '/regles/' },
      { label: 'Dictionnaire des données', link: '/donnees/dictionnaire/' },
    ],
  });

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
                resolveId: (id: string) => (id === VIRTUAL_ID ? '\0' + VIRTUAL_ID : undefined),
                load: (id: string) =>
                  id === '\0' + VIRTUAL_ID
                    ? `export const editions = ${JSON.stringify(editions)};\nexport const inForce = ${JSON.stringify(inForce)};`
                    : undefined,
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
