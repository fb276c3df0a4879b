import { errors } from '@strapi/utils';
import { z } from 'zod';

/** Parses request input at the edge; unknown keys and wrong types are a 400 naming the field. */
export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message:
      issue.code === 'unrecognized_keys' ? `Unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` : issue.message,
    name: 'ValidationError',
  }));
  throw new errors.ValidationError(details.map((d) => `${d.path.join('.') || 'body'}: ${d.message}`).join('; '), { errors: details });
}

export const contentTypeUid = z.string().regex(/^(api|plugin)::[\w-]+\.[\w-]+$/, 'must be a content-type uid like api::article.article');
export const documentId = z.string().min(1).max(64);
export const locale = z.string().min(2).max(16);
