import type { Core } from '@strapi/strapi';
import type { z } from 'zod';

/**
 * A section of the app's own configuration (`config/<name>.ts`), checked against its schema: a wrong
 * value stops the start with the setting named, rather than failing later in a request.
 */
export function readAppConfig<TSchema extends z.ZodTypeAny>(strapi: Core.Strapi, name: string, schema: TSchema): z.infer<TSchema> {
  const parsed = schema.safeParse(strapi.config.get(name));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${name}.${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid ${name} configuration (config/${name}.ts): ${problems.join('; ')}`);
  }
  return parsed.data;
}
