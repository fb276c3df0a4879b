import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Content-API reads serve published entries only. Strapi 5 lets any caller with `find`
 * ask for `?status=draft`; a newsroom's drafts are unpublished journalism, so the status is
 * forced to `published` whatever the query says, and an explicit request for drafts is refused
 * so a front-end developer learns why instead of silently getting something else.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const query = (ctx.query ?? {}) as Record<string, unknown>;
    if (query.status !== undefined && query.status !== 'published') {
      throw new errors.ValidationError('Only published content is available on this API: remove the status parameter or use status=published.', {
        errors: [{ path: ['status'], message: 'status must be "published"', name: 'ValidationError' }],
      });
    }
    if (query.publicationState !== undefined) {
      throw new errors.ValidationError('publicationState is not supported: only published content is available on this API.', {
        errors: [{ path: ['publicationState'], message: 'Unknown parameter', name: 'ValidationError' }],
      });
    }
    ctx.query = { ...query, status: 'published' };
    await next();
  };
};
