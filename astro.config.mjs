// The site: Astro + Starlight, reading the chapters from `content/` through the doctrine library.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { doctrineSite } from './src/site/integration.ts';
import { siteContentDir } from './src/site/content-dir.ts';
import { SITE_URL } from './src/lib/site.ts';

// `content/`, or the folder named by DOCTRINE_CONTENT_DIR (the benchmark's generated content).
const site = await doctrineSite(siteContentDir());

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // Unified (remark) so that the library's requirement blocks are embedded as they are; no smartypants, which
  // would change apostrophes and quotes in requirement texts (docs/decisions/0004-markdown-processor.md).
  markdown: { syntaxHighlight: false, processor: unified({ remarkPlugins: [site.remarkPlugin], smartypants: false }) },
  // Processed <script>s are always served as files, never inlined into pages, so that a strict Content Security
  // Policy can allow scripts by origin (docs/decisions/0007-generated-pages.md). Other assets keep Vite's default.
  vite: { build: { assetsInlineLimit: (path) => (path.endsWith('.js') ? false : undefined) } },
  integrations: [
    starlight({
      title: 'Doctrine du numérique pour l’éducation',
      defaultLocale: 'root',
      locales: { root: { label: 'Français', lang: 'fr' } },
      lastUpdated: true,
      disable404Route: true,
      sidebar: site.sidebar,
      customCss: ['./src/styles/doctrine.css'],
      routeMiddleware: './src/site/route-middleware.ts',
      // Code examples wrap instead of scrolling: a scrolling <pre> is not reachable with the keyboard.
      expressiveCode: { defaultProps: { wrap: true } },
      components: {
        Banner: './src/components/Banner.astro',
        PageTitle: './src/components/PageTitle.astro',
        Sidebar: './src/components/Sidebar.astro',
        Footer: './src/components/Footer.astro',
      },
    }),
    site.integration,
  ],
});
