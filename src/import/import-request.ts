import { errors } from '@strapi/utils';

export interface ImportFields {
  text?: string;
  locale?: string;
  title?: string;
  dryRun: boolean;
}

type Issue = { path: string[]; message: string; name: 'ValidationError' };

const KNOWN = new Set(['text', 'locale', 'title', 'dryRun']);
const LOCALE_CODE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u;

/**
 * Reads the fields of `POST /newsroom/import` strictly: a `dryRun` that is not a boolean (or, in
 * a multipart form, the text "true"/"false") must not be taken as "no" and create real drafts,
 * and a misspelt field must not be ignored. Every problem is reported at once, each with its field.
 */
export function parseImportFields(body: unknown, { multipart }: { multipart: boolean }): ImportFields {
  const issues: Issue[] = [];
  const fail = (path: string, message: string) => issues.push({ path: [path], message, name: 'ValidationError' });
  const input: Record<string, unknown> = body === undefined || body === null ? {} : (body as Record<string, unknown>);
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new errors.ValidationError('The request body must be an object of fields (text, locale, title, dryRun).', {
      errors: [{ path: ['body'], message: 'must be an object', name: 'ValidationError' }],
    });
  }
  for (const key of Object.keys(input))
    if (!KNOWN.has(key)) fail(key, `Unknown field "${key}"; the fields are file, text, locale, title and dryRun.`);

  let dryRun = false;
  const flag = input.dryRun;
  if (flag === true || flag === false) dryRun = flag;
  else if (multipart && (flag === 'true' || flag === 'false')) dryRun = flag === 'true';
  else if (flag !== undefined) fail('dryRun', `dryRun must be true or false${multipart ? ' ("true" or "false" in a form)' : ''}.`);

  const optionalText = (name: 'text' | 'locale' | 'title', max: number): string | undefined => {
    const value = input[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      fail(name, `${name} must be text.`);
      return undefined;
    }
    if (value.length > max) fail(name, `${name} is longer than ${max} characters.`);
    return value.trim() === '' ? undefined : value;
  };
  const text = optionalText('text', 11 * 1024 * 1024);
  const locale = optionalText('locale', 35);
  const title = optionalText('title', 500);
  if (locale !== undefined && !LOCALE_CODE.test(locale)) fail('locale', `"${locale.slice(0, 35)}" is not a locale code (such as zh-Hant).`);

  if (issues.length > 0) throw new errors.ValidationError(issues.map((i) => `${i.path[0]}: ${i.message}`).join(' '), { errors: issues });
  return { text, locale, title, dryRun };
}
