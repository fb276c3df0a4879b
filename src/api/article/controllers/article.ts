import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { ARTICLE_UID } from '../../../lib/content-types';
import { getDeliveryService } from '../../../delivery';
import { checkBySlugQuery, checkSlug, pickSecurityHeaders, sendCached } from '../../../delivery/http';
import { checkFeedQuery, checkRssQuery } from '../../../delivery/corrections-feed';
import { respondNinjs } from '../../../ninjs/respond';

/**
 * What a story list answers with when the caller asks for nothing in particular: enough for a list of
 * headlines (title, dek, slug, dates, byline, outlet, lead image), not every story's whole body. A
 * caller who names `fields` or `populate` gets exactly what they asked for.
 */
const SUMMARY_FIELDS = ['title', 'dek', 'slug', 'locale', 'publishedAt', 'firstPublishedAt', 'updatedAt'];
const PERSON_FIELDS = { fields: ['name', 'displayName'] };
const SUMMARY_POPULATE = {
  author: PERSON_FIELDS,
  coAuthors: PERSON_FIELDS,
  source: { fields: ['name', 'shortName'] },
  cover: {
    populate: { image: { fields: ['url', 'width', 'height', 'alternativeText', 'formats'] }, agency: { fields: ['name', 'shortName'] } },
  },
};

export default factories.createCoreController(ARTICLE_UID, ({ strapi }) => ({
  /** `GET /api/articles`: a list in summary shape unless `fields` or `populate` say otherwise. */
  async find(ctx: Context) {
    const query = (ctx.query ?? {}) as Record<string, unknown>;
    if (query.fields === undefined && query.populate === undefined)
      ctx.query = { ...query, fields: SUMMARY_FIELDS, populate: SUMMARY_POPULATE };
    return super.find(ctx);
  },

  /** `GET /api/articles/by-slug/:slug?locale=zh-Hant`: one published story, ready to show. */
  async bySlug(ctx: Context) {
    // Errors (400, 404) must not be kept by browsers or CDNs: the story may be published a second later.
    ctx.set('Cache-Control', 'no-store');
    const delivery = getDeliveryService(strapi);
    const requested = checkBySlugQuery((ctx.query ?? {}) as Record<string, unknown>);
    const slug = checkSlug(ctx.params.slug);
    const locale = await delivery.resolveLocale(requested);
    const { response, cache } = await delivery.respond(slug, locale);
    delivery.recordSecurityHeaders(pickSecurityHeaders(ctx.response.headers as Record<string, unknown>));
    sendCached(ctx, response, delivery.cacheControl, cache);
  },

  /** `GET /api/corrections?locale=zh-Hant&pagination[page]=1`: corrections of published stories, newest first. */
  async corrections(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const delivery = getDeliveryService(strapi);
    const query = checkFeedQuery((ctx.query ?? {}) as Record<string, unknown>, Number(strapi.config.get('api.rest.maxLimit', 100)));
    const locale = await delivery.resolveLocale(query.locale);
    const { response, cache } = await delivery.corrections(locale, query.page, query.pageSize);
    sendCached(ctx, response, delivery.cacheControl, cache);
  },

  /** `GET /api/corrections/rss.xml?locale=zh-Hant`: the latest corrections as RSS 2.0. */
  async correctionsRss(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const delivery = getDeliveryService(strapi);
    const locale = await delivery.resolveLocale(checkRssQuery((ctx.query ?? {}) as Record<string, unknown>));
    const { response, cache } = await delivery.correctionsRss(locale);
    sendCached(ctx, response, delivery.cacheControl, cache, 'application/rss+xml; charset=utf-8');
  },

  /** `GET /api/articles/by-slug/:slug/ninjs?locale=zh-Hant`: the story as IPTC ninjs 2.2, for syndication partners (read-only API token). */
  async ninjs(ctx: Context) {
    await respondNinjs(strapi, ctx);
  },
}));
