import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getDeliveryService } from '../delivery';
import { etagOf, sendCached } from '../delivery/http';
import { configuredPublicUrl } from '../lib/public-url';
import type { CachedResponse, DeliveryArticle } from '../delivery/types';
import { latestSlugs, publishedEditions, recentlyPublished } from './load-stories';
import { newsItems, NEWS_MAX_URLS, NEWS_WINDOW_MS, sitemapItems, sitemapXml, SITEMAP_MAX_URLS } from './sitemaps';
import { FEED_ITEMS, FEED_TYPES, storyFeed, type FeedFormat } from './story-feed';

const XML = 'application/xml; charset=utf-8';
/** Stories are read for a feed a few at a time: each is one cached by-slug response, or six queries. */
const PARALLEL_STORIES = 6;
/** The News sitemap's window moves with the clock: its cached copy is keyed by the minute. */
const NEWS_BUCKET_MS = 60_000;

const cached = (body: string): CachedResponse => ({ etag: etagOf(body), body });

async function inBatches<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

/**
 * Feeds and sitemaps of published stories, on the root router (`auth: false`: they serve what the
 * public API serves, nothing else):
 * - `GET /feeds/:locale/rss.xml`, `/feeds/:locale/atom.xml`, `/feeds/:locale/feed.json`
 * - `GET /sitemap.xml` (every published edition, with its hreflang alternates)
 * - `GET /sitemaps/news.xml` (Google News: stories first published in the last 48 hours)
 * Each is rendered once per cache generation (the delivery cache: every publish, unpublish,
 * correction and edit of a linked record moves it, on every instance) and sent with an ETag, the
 * delivery's Cache-Control and a bodiless 304 on `If-None-Match`. They take no parameters; a query
 * string is ignored, as it changes nothing in the response.
 */
export function registerFeedRoutes(strapi: Core.Strapi): void {
  const delivery = () => getDeliveryService(strapi);
  // Without PUBLIC_URL (development, tests) links are made from the request's origin; the cache key
  // then carries it, so a request with another Host header never shapes what others are sent.
  const originOf = (ctx: Context) => {
    const configured = configuredPublicUrl(strapi);
    return configured !== '' ? { origin: configured, key: '' } : { origin: ctx.origin, key: `|${ctx.origin}` };
  };

  async function send(ctx: Context, key: string, type: string, render: () => Promise<string>): Promise<void> {
    ctx.set('Cache-Control', 'no-store');
    const service = delivery();
    const { response, cache } = await service.respondWith(key, async () => cached(await render()));
    sendCached(ctx, response, service.cacheControl, cache, type);
  }

  /** A content locale's code; any other value is a 404 naming the feeds there are, never a 500. */
  async function feedLocale(requested: string): Promise<string> {
    try {
      return await delivery().resolveLocale(requested);
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const codes = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((l) => l.code);
      throw new errors.NotFoundError(`There is no feed for the locale "${requested}". Feeds exist for: ${codes.join(', ')}.`, {
        locale: requested,
        availableLocales: codes,
      });
    }
  }

  const feed = (format: FeedFormat) => async (ctx: Context) => {
    ctx.set('Cache-Control', 'no-store');
    const locale = await feedLocale(String(ctx.params.locale));
    const { origin, key } = originOf(ctx);
    await send(ctx, `feed|${format}|${locale}${key}`, FEED_TYPES[format], async () => {
      const service = delivery();
      const slugs = await latestSlugs(strapi, locale, FEED_ITEMS);
      // A story taken down between the list and its read is left out, not a failed feed.
      const articles = await inBatches(slugs, PARALLEL_STORIES, (slug) =>
        service.article(slug, locale).catch((error: unknown) => {
          if (error instanceof errors.NotFoundError) return null;
          throw error;
        }),
      );
      return storyFeed(
        articles.filter((a): a is DeliveryArticle => a !== null),
        {
          locale,
          origin,
          publicUrl: configuredPublicUrl(strapi),
          canonicalTemplate: service.config.canonicalUrl,
          mediaUrlPrefixes: service.config.mediaUrlPrefixes,
        },
        format,
      );
    });
  };

  async function sitemap(ctx: Context): Promise<void> {
    const { origin, key } = originOf(ctx);
    await send(ctx, `sitemap${key}`, XML, async () => {
      const { editions, total } = await publishedEditions(strapi, SITEMAP_MAX_URLS);
      if (total > SITEMAP_MAX_URLS)
        strapi.log.warn(
          `sitemap.xml lists the ${SITEMAP_MAX_URLS} most recently published of ${total} published editions (the sitemaps protocol's limit per file).`,
        );
      return sitemapXml(sitemapItems(editions, { origin, canonicalTemplate: delivery().config.canonicalUrl }), { xhtml: true });
    });
  }

  async function news(ctx: Context): Promise<void> {
    const { origin, key } = originOf(ctx);
    const bucket = Math.floor(Date.now() / NEWS_BUCKET_MS);
    await send(ctx, `news|${bucket}${key}`, XML, async () => {
      const since = new Date(bucket * NEWS_BUCKET_MS - NEWS_WINDOW_MS);
      const { entries, total } = await recentlyPublished(strapi, since, NEWS_MAX_URLS);
      if (total > NEWS_MAX_URLS)
        strapi.log.warn(
          `sitemaps/news.xml lists the ${NEWS_MAX_URLS} newest of ${total} stories of the last 48 hours (Google News's limit per sitemap).`,
        );
      return sitemapXml(newsItems(entries, { origin, canonicalTemplate: delivery().config.canonicalUrl }), { news: true });
    });
  }

  strapi.server.routes([
    { method: 'GET', path: '/feeds/:locale/rss.xml', handler: feed('rss'), config: { auth: false } },
    { method: 'GET', path: '/feeds/:locale/atom.xml', handler: feed('atom'), config: { auth: false } },
    { method: 'GET', path: '/feeds/:locale/feed.json', handler: feed('json'), config: { auth: false } },
    { method: 'GET', path: '/sitemap.xml', handler: sitemap, config: { auth: false } },
    { method: 'GET', path: '/sitemaps/news.xml', handler: news, config: { auth: false } },
  ]);
}
