import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Detail = { path: string[]; message: string; name: string; value?: unknown };
type Body = { data?: Record<string, unknown> } | undefined;

/** The field of the request body that holds this relation id. */
function fieldHoldingId(body: Body, id: string): string | null {
  for (const [field, value] of Object.entries(body?.data ?? {})) {
    if (JSON.stringify(value ?? null).includes(`"${id}"`)) return field;
  }
  return null;
}

/** The fields of the request body that are relations to `target` on the route's content type. */
function fieldsRelatingTo(strapi: Core.Strapi, ctx: Context, target: string): string[] {
  const handler: unknown = ctx.state?.route?.handler;
  if (typeof handler !== 'string') return [];
  const uid = handler.split('.').slice(0, 2).join('.');
  const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
    { attributes: Record<string, { type?: string; target?: string }> } | undefined;
  const body = (ctx.request?.body as Body)?.data ?? {};
  return Object.entries(model?.attributes ?? {})
    .filter(([name, attr]) => attr.type === 'relation' && attr.target === target && body[name] !== undefined)
    .map(([name]) => name);
}

/**
 * Gives every 400 a field path. Strapi reports an unknown key only as `details.key`, and a relation
 * to a missing document only in its message; front ends and the admin read `details.errors[].path`,
 * so the error is completed here before Strapi's error middleware formats it.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const details = (error.details ?? {}) as { errors?: Detail[]; key?: string; path?: string | null; param?: string; source?: string };
      if (Array.isArray(details.errors) && details.errors.length > 0 && details.errors.every((e) => e.path?.length)) throw error;

      let path: string[] | null = null;
      if (details.key) {
        // `details.path` is the dotted path of the key's parent (`cover` for `cover.bogus`), or of the key itself.
        const parent = typeof details.path === 'string' && details.path ? details.path.split('.') : [];
        const keyPath = parent[parent.length - 1] === details.key ? parent : [...parent, details.key];
        path = details.source === 'query' && details.param ? [details.param, ...keyPath] : keyPath;
      } else {
        const missingDocument = /Document with id "([^"]+)"/.exec(error.message);
        const missingRelation = /relation\(s\) of type ([\w:.-]+) associated/.exec(error.message);
        const field = missingDocument
          ? fieldHoldingId(ctx.request?.body, missingDocument[1]!)
          : missingRelation
            ? (fieldsRelatingTo(strapi, ctx, missingRelation[1]!)[0] ?? null)
            : null;
        if (field) path = [field];
      }
      if (!path) throw error;
      throw new errors.ValidationError(error.message, {
        ...details,
        errors: [{ path, message: error.message, name: 'ValidationError' }],
      });
    }
  };
};
