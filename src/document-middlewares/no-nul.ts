import type { DocumentMiddleware } from '../lib/document-middleware';

/** Copies a value with U+0000 removed from every string in it, at any depth. */
export function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replace(/\u0000/gu, '') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNul(item)]));
  }
  return value;
}

/**
 * PostgreSQL cannot store U+0000 in text or JSON: a NUL in any field (a pasted Blocks body, a
 * title) would fail the insert with a database error instead of saving. It never carries meaning
 * in a story, so it is removed from the data of every create and update, for every content type.
 */
export const noNulMiddleware: DocumentMiddleware = async (ctx, next) => {
  if (ctx.action !== 'create' && ctx.action !== 'update') return next();
  const params = ctx.params as { data?: unknown };
  if (params.data && typeof params.data === 'object') params.data = withoutNul(params.data);
  return next();
};
