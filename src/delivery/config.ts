import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { readAppConfig } from '../lib/app-config';

const schema = z
  .object({
    cacheControl: z
      .object({
        maxAge: z.number().int().min(0),
        staleWhileRevalidate: z.number().int().min(0),
      })
      .strict(),
    cache: z
      .object({
        enabled: z.boolean(),
        redisUrl: z.string().refine((url) => url === '' || /^rediss?:\/\//.test(url), 'must be a redis:// or rediss:// URL'),
        keyPrefix: z
          .string()
          .min(1)
          .regex(/^[\w:.-]+$/),
        ttlSeconds: z.number().int().min(1),
        maxEntries: z.number().int().min(1),
        local: z
          .object({
            maxEntries: z.number().int().min(0),
            maxMegabytes: z.number().int().min(1),
          })
          .strict(),
      })
      .strict(),
    mediaUrlPrefixes: z.array(z.string().min(1)).min(1),
    canonicalUrl: z.string().refine((url) => url === '' || /^https?:\/\/\S+$/.test(url), 'must be an http(s) URL template'),
  })
  .strict();

export type DeliveryConfig = z.infer<typeof schema>;

/** The delivery settings from `config/delivery.ts`; a wrong value stops the start with the setting named. */
export function readDeliveryConfig(strapi: Core.Strapi): DeliveryConfig {
  return readAppConfig(strapi, 'delivery', schema);
}

/** `public, max-age=30, stale-while-revalidate=60`. */
export function cacheControlHeader(config: DeliveryConfig['cacheControl']): string {
  return `public, max-age=${config.maxAge}, stale-while-revalidate=${config.staleWhileRevalidate}`;
}
