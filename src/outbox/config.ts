import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { readAppConfig } from '../lib/app-config';

const schema = z
  .object({
    worker: z.boolean(),
    pollMs: z.number().int().min(50),
    batchSize: z.number().int().min(1).max(500),
    concurrency: z.number().int().min(1).max(64),
    timeoutMs: z.number().int().min(100),
    leaseMs: z.number().int().min(500),
    backoff: z.object({ baseMs: z.number().int().min(1), maxMs: z.number().int().min(1) }).strict(),
    maxAttempts: z.number().int().min(1),
  })
  .strict()
  // A claim must outlive the attempt it covers, or a slow receiver would be sent the event twice at once.
  .refine((c) => c.leaseMs > c.timeoutMs, { message: 'leaseMs must be longer than timeoutMs', path: ['leaseMs'] })
  .refine((c) => c.backoff.maxMs >= c.backoff.baseMs, {
    message: 'backoff.maxMs must be at least backoff.baseMs',
    path: ['backoff', 'maxMs'],
  });

export type OutboxConfig = z.infer<typeof schema>;

/** The outbox settings from `config/outbox.ts`; a wrong value stops the start with the setting named. */
export function readOutboxConfig(strapi: Core.Strapi): OutboxConfig {
  return readAppConfig(strapi, 'outbox', schema);
}
