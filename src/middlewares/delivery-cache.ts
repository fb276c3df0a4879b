import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { getDeliveryService } from '../delivery';
import { checkBySlugQuery, checkSlug, sendCached } from '../delivery/http';

/**
 * Answers cached delivery responses before the router and before Strapi's security middleware
 * (whose headers it replays, see `pickSecurityHeaders`), so a warm story costs a cache lookup and
 * little else. Only a clean hit is answered here; a miss, a bad parameter or any doubt falls
 * through to the route (`api::article.article.bySlug`), which renders, fills the cache and reports errors.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = `${String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/+$/u, '')}/articles/by-slug/`;
  return async (ctx: Context, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      // A write answers once the cache has let go of what it changed: a publish inside a transaction
      // holds the cache until its commit and releases it just after, and readers who act on the
      // answer (a front end, another instance's reader) must find the new story, not a held key.
      await next();
      await getDeliveryService(strapi).invalidator.settled();
      return;
    }
    if (!ctx.path.startsWith(prefix)) return next();
    let slug: string;
    let requested: string | undefined;
    try {
      slug = checkSlug(decodeURIComponent(ctx.path.slice(prefix.length)));
      requested = checkBySlugQuery(ctx.query as Record<string, unknown>);
    } catch {
      return next();
    }
    const delivery = getDeliveryService(strapi);
    const headers = delivery.securityHeaders();
    if (!headers) return next();
    const locale = await delivery.resolveLocale(requested).catch(() => null);
    const hit = locale ? await delivery.cached(slug, locale) : null;
    if (!hit) return next();
    ctx.set(headers);
    sendCached(ctx, hit, delivery.cacheControl, 'hit');
  };
};
