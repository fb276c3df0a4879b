import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findExcessNesting, MAX_NESTING_DEPTH } from './nesting-depth';

/**
 * Refuses request input nested deeper than any form, API call or upload needs, for every route
 * (admin, content API, plugins), before a handler sees it. Registered after `strapi::body`: the
 * parsers themselves cope (JSON.parse is not recursive, qs stops at its depth), but the
 * validators and sanitisers behind them walk input recursively and a 10,000-deep body overflowed
 * their stack, which answered 500.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: () => Promise<void>) => {
    const problem = findExcessNesting({
      body: ctx.request?.body,
      query: ctx.query,
      rawQuery: ctx.querystring,
      multipart: Boolean(ctx.is?.('multipart')),
    });
    if (problem) {
      const where = problem.where === 'body' ? 'request body' : 'query string';
      const message = `The ${where} is nested too deeply (more than ${MAX_NESTING_DEPTH} levels${problem.path !== problem.where ? `, at "${problem.path}"` : ''}).`;
      throw new errors.ValidationError(message, {
        errors: [{ path: [problem.where === 'body' ? 'body' : 'query'], message, name: 'ValidationError' }],
      });
    }
    await next();
  };
};
