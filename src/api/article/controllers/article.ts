import { factories } from '@strapi/strapi';
import { ARTICLE_UID } from '../../../lib/content-types';
import { getDeliveryService } from '../../../delivery';
import { checkBySlugQuery, checkSlug, pickSecurityHeaders, sendCached } from '../../../delivery/http';

export default factories.createCoreController(ARTICLE_UID as any, ({ strapi }) => ({
  /** `GET /api/articles/by-slug/:slug?locale=zh-Hant`: one published story, ready to show. */
  async bySlug(ctx: any) {
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
}));
