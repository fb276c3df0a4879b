import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DocumentMiddleware } from '../lib/document-middleware';

const CACHE_MS = 10_000;

/**
 * Refuses a locale that is not one of the configured content locales. Strapi would otherwise
 * store an entry under any code it is given (`?locale=xx`), where no editor would ever find it.
 * The list is cached briefly and re-read on a miss, so a locale added in the admin works at once.
 */
export const createKnownLocaleMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  let cached: { codes: Set<string>; at: number } | null = null;
  const codes = async (fresh: boolean): Promise<Set<string>> => {
    if (!fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.codes;
    const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
    cached = { codes: new Set(locales.map((l) => l.code)), at: Date.now() };
    return cached.codes;
  };

  return async (ctx, next) => {
    const model = strapi.getModel(ctx.uid as UID.ContentType) as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
    const locale = (ctx.params as { locale?: unknown }).locale;
    if (!model?.pluginOptions?.i18n?.localized || locale === undefined || locale === null || locale === '*') return next();

    const requested = (Array.isArray(locale) ? locale : [locale]).map(String);
    let known = await codes(false);
    if (requested.some((code) => !known.has(code))) known = await codes(true);
    const unknown = requested.filter((code) => !known.has(code));
    if (unknown.length > 0) {
      throw new errors.ValidationError(
        `Unknown locale ${unknown.map((c) => `"${c}"`).join(', ')}. Available locales: ${[...known].join(', ')}.`,
        {
          errors: [{ path: ['locale'], message: `Unknown locale "${unknown[0]}"`, name: 'ValidationError', value: unknown[0] }],
        },
      );
    }
    return next();
  };
};
