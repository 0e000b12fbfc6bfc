import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { doctrineContentLoader } from './site/content-loader.ts';

export const collections = {
  docs: defineCollection({
    loader: doctrineContentLoader('content'),
    schema: docsSchema({ extend: z.object({ source: z.string().url().optional() }) }),
  }),
};
