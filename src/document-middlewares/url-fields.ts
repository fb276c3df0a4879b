import { errors } from '@strapi/utils';
import type { DocumentMiddleware } from '../lib/document-middleware';
import { URL_FIELDS, URL_LIST_FIELDS } from '../lib/content-types';
import { httpUrlProblem } from '../lib/http-url';

/**
 * Refuses a web-address field that is not an absolute http(s) address, on every create and update.
 * These values are delivered as links (the original story, the outlet's site) and in JSON-LD, where
 * a `javascript:` value would run in a front end that trusts them. Blank stays blank.
 */
export const urlFieldsMiddleware: DocumentMiddleware = async (ctx, next) => {
  const fields = URL_FIELDS[ctx.uid] ?? [];
  const lists = URL_LIST_FIELDS[ctx.uid] ?? [];
  if ((fields.length === 0 && lists.length === 0) || (ctx.action !== 'create' && ctx.action !== 'update')) return next();

  const data = (ctx.params as { data?: Record<string, unknown> }).data;
  if (data && typeof data === 'object') {
    const problems = fields.flatMap((field) => {
      const value = data[field];
      if (typeof value !== 'string' || value.trim() === '') return [];
      const problem = httpUrlProblem(value.trim());
      return problem ? [{ path: [field], message: `${field} ${problem}.`, name: 'ValidationError' }] : [];
    });
    for (const field of lists) {
      const value = data[field];
      if (value === undefined || value === null) continue;
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        problems.push({
          path: [field],
          message: `${field} must be a list of web addresses, e.g. ["https://twitter.com/name"].`,
          name: 'ValidationError',
        });
        continue;
      }
      value.forEach((item, i) => {
        const problem = httpUrlProblem(item.trim());
        if (problem) problems.push({ path: [field, String(i)], message: `${field}[${i}] ${problem}.`, name: 'ValidationError' });
      });
      if (problems.length === 0) data[field] = value.map((item) => item.trim()).filter((item) => item !== '');
    }
    if (problems.length > 0) throw new errors.ValidationError(problems.map((p) => p.message).join(' '), { errors: problems });
    for (const field of fields) if (typeof data[field] === 'string') data[field] = (data[field] as string).trim();
  }
  return next();
};
