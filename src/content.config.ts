import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { z } from 'astro/zod';
import { doctrineContentLoader } from './site/content-loader.ts';

export const collections = {
  // The edition chapters, read from the top-level content/ folder (docs/decisions/0001-content-location.md).
  docs: defineCollection({
    loader: doctrineContentLoader('content'),
    schema: docsSchema({ extend: z.object({ source: z.string().url().optional() }) }),
  }),
  // French strings Starlight lacks (Pagefind's search UI).
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
