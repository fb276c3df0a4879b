import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { readAppConfig } from '../lib/app-config';

const schema = z
  .object({
    preview: z
      .object({
        secret: z.string().min(16, 'must be at least 16 characters (PREVIEW_SECRET)'),
        tokenMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
      })
      .strict(),
  })
  .strict();

export type ReaderConfig = z.infer<typeof schema>;

/** The reader settings from `config/reader.ts`; a wrong value stops the start with the setting named. */
export function readReaderConfig(strapi: Core.Strapi): ReaderConfig {
  let config = checked.get(strapi);
  if (!config) {
    config = readAppConfig(strapi, 'reader', schema);
    checked.set(strapi, config);
  }
  return config;
}

/** Read and checked once per app: at start (the routes read it when they register), not per request. */
const checked = new WeakMap<Core.Strapi, ReaderConfig>();
