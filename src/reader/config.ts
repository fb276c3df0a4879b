import type { Core } from '@strapi/strapi';
import { z } from 'zod';

const schema = z
  .object({
    preview: z
      .object({
        secret: z.string().min(16, 'must be at least 16 characters (PREVIEW_SECRET)'),
        tokenMinutes: z.number().int().min(1).max(24 * 60),
      })
      .strict(),
  })
  .strict();

export type ReaderConfig = z.infer<typeof schema>;

/** The reader settings from `config/reader.ts`; a wrong value stops the start with the setting named. */
export function readReaderConfig(strapi: Core.Strapi): ReaderConfig {
  const parsed = schema.safeParse(strapi.config.get('reader'));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `reader.${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid reader configuration (config/reader.ts): ${problems.join('; ')}`);
  }
  return parsed.data;
}
