import { errors } from '@strapi/utils';
import type { DocumentMiddleware } from '../lib/document-middleware';
import { URL_FIELDS } from '../lib/content-types';
import { httpUrlProblem } from '../lib/http-url';

/**
 * Refuses a web-address field that is not an absolute http(s) address, on every create and update.
 * These values are delivered as links (the original story, the outlet's site) and in JSON-LD, where
 * a `javascript:` value would run in a front end that trusts them. Blank stays blank.
 */
export const urlFieldsMiddleware: DocumentMiddleware = async (ctx, next) => {
  const fields = URL_FIELDS[ctx.uid];
  if (!fields || (ctx.action !== 'create' && ctx.action !== 'update')) return next();

  const data = (ctx.params as { data?: Record<string, unknown> }).data;
  if (data && typeof data === 'object') {
    const problems = fields.flatMap((field) => {
      const value = data[field];
      if (typeof value !== 'string' || value.trim() === '') return [];
      const problem = httpUrlProblem(value.trim());
      return problem ? [{ path: [field], message: `${field} ${problem}.`, name: 'ValidationError' }] : [];
    });
    if (problems.length > 0) throw new errors.ValidationError(problems.map((p) => p.message).join(' '), { errors: problems });
    for (const field of fields) if (typeof data[field] === 'string') data[field] = (data[field] as string).trim();
  }
  return next();
};
