// The reference of the benchmark: a bare Starlight site (default Markdown processor, no custom plugin) of the
// same Markdown files as the doctrine site. Copied by bench/run.ts into bench/work/bare/<set>/ with a copy of the
// chapters in src/content/docs/; it resolves its packages from this project's node_modules, up the tree.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://example.org',
  integrations: [starlight({ title: 'Référence Starlight' })],
});
