import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DocumentMiddleware } from '../lib/document-middleware';
import { ARTICLE_UID } from '../lib/content-types';
import { slugFromTitle } from '../lib/slug';

/**
 * Fills an empty article slug from the title (Chinese → pinyin) and refuses a slug already used
 * by another article in the same locale with a 400 naming it: a silent `-1` suffix would give
 * the story a URL the editor never chose.
 */
export const createArticleSlugMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID || (ctx.action !== 'create' && ctx.action !== 'update')) return next();

    const params = ctx.params as { data?: Record<string, unknown>; locale?: string; documentId?: string };
    const data = params.data;
    if (!data || typeof data !== 'object') return next();

    const locale = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const documentId = params.documentId;

    if ((data.slug === undefined || data.slug === null || data.slug === '') && typeof data.title === 'string' && data.title.trim()) {
      if (ctx.action === 'create' || !(await currentSlug(strapi, documentId, locale))) {
        data.slug = slugFromTitle(data.title);
      }
    }

    if (typeof data.slug === 'string' && data.slug !== '') {
      const clash = await strapi.db.query(ARTICLE_UID).findOne({
        select: ['documentId', 'title'],
        where: { slug: data.slug, locale, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
      });
      if (clash) {
        throw new errors.ValidationError(
          `The slug "${data.slug}" is already used by another article in ${locale} ("${clash.title}"). Choose a different slug.`,
          {
            errors: [
              { path: ['slug'], message: `Slug "${data.slug}" is already used in ${locale}`, name: 'ValidationError', value: data.slug },
            ],
          },
        );
      }
    }
    return next();
  };

async function currentSlug(strapi: Core.Strapi, documentId: string | undefined, locale: string): Promise<string | null> {
  if (!documentId) return null;
  const row = await strapi.db.query(ARTICLE_UID).findOne({ select: ['slug'], where: { documentId, locale, publishedAt: null } });
  return (row?.slug as string | undefined) || null;
}
