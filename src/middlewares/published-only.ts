import type { Context } from 'koa';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkContentQuery, type ModelLookup } from '../lib/content-query';

const refuse = (param: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [param], message, name: 'ValidationError' }] });

/**
 * Content-API reads serve published entries only. Strapi 5 lets any caller with `find` ask for
 * `?status=draft`; a newsroom's drafts are unpublished journalism, so the status is forced to
 * `published`, and an explicit request for drafts is refused so the caller learns why.
 * A page size above the configured cap is refused too, instead of being silently cut, and so is
 * any filter, sort, populate or fields path that could reach an unpublished row or a private field
 * (src/lib/content-query.ts).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const lookup: ModelLookup = (uid) => strapi.getModel(uid as UID.ContentType) as ReturnType<ModelLookup>;
  return async (ctx: Context, next: () => Promise<void>) => {
    const query = (ctx.query ?? {}) as Record<string, unknown>;
    if (query.status !== undefined && query.status !== 'published') {
      throw refuse('status', 'Only published content is available on this API: remove the status parameter or use status=published.');
    }
    if (query.publicationState !== undefined) {
      throw refuse('publicationState', 'publicationState is not supported: only published content is available on this API.');
    }
    const maxLimit = Number(strapi.config.get('api.rest.maxLimit', 100));
    const pagination = (query.pagination ?? {}) as Record<string, unknown>;
    for (const key of ['pageSize', 'limit'] as const) {
      const value = pagination[key];
      if (value !== undefined && (!/^\d+$/.test(String(value)) || Number(value) > maxLimit || Number(value) < 1)) {
        throw refuse(`pagination.${key}`, `pagination[${key}] must be a whole number from 1 to ${maxLimit}.`);
      }
    }
    const handler: unknown = ctx.state?.route?.handler;
    const uid = typeof handler === 'string' ? handler.split('.').slice(0, 2).join('.') : '';
    const problems = checkContentQuery(uid, query, lookup);
    if (problems.length > 0) {
      throw new errors.ValidationError(problems[0]!.message, {
        errors: problems.map((problem) => ({ path: problem.path, message: problem.message, name: 'ValidationError' })),
      });
    }
    ctx.query = { ...query, status: 'published' };
    await next();
  };
};
