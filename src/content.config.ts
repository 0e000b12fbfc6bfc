import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { z } from 'astro/zod';
import { doctrineContentLoader } from './site/content-loader.ts';
import { siteContentDir } from './site/content-dir.ts';

export const collections = {
  // The edition chapters, read from the top-level content/ folder (docs/decisions/0001-content-location.md), or
  // from the folder named by DOCTRINE_CONTENT_DIR.
  docs: defineCollection({
    loader: doctrineContentLoader(siteContentDir()),
    schema: docsSchema({ extend: z.object({ source: z.string().url().optional() }) }),
  }),
  // French strings Starlight lacks (Pagefind's search UI).
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
