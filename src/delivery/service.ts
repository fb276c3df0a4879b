import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { cacheControlHeader, readDeliveryConfig, type DeliveryConfig } from './config';
import { createMemoryStore } from './cache/memory-store';
import { createRedisStore } from './cache/redis-store';
import type { CacheLookup, CacheStore, LocalTierStats } from './cache/store';
import { etagOf } from './http';
import { createInvalidator, type Invalidator } from './invalidation';
import { loadPublishedArticle, publishedLocalesOfSlug } from './load-article';
import { serializeArticle, type LoadedArticle } from './serialize';
import { configuredPublicUrl } from '../lib/public-url';
import { canonicalUrlOf } from './story-url';
import { correctionsRss, loadCorrections } from './corrections-feed';
import type { CachedResponse, DeliveryArticle } from './types';

export type CacheState = 'hit' | 'miss' | 'bypass' | 'off';

export interface DeliveryService {
  readonly config: DeliveryConfig;
  readonly cacheControl: string;
  readonly invalidator: Invalidator;
  /** Security headers as recorded from a response that went through Strapi's security middleware. */
  securityHeaders(): Record<string, string> | null;
  recordSecurityHeaders(headers: Record<string, string>): void;
  /** Which store the cache uses, or null when the cache is switched off. */
  cacheKind(): CacheStore['kind'] | null;
  /** The in-process tier in front of Redis: its size and whether it is in use; null without one. */
  localTier(): LocalTierStats | null;
  /** The content locale to serve: the one asked for if it exists (else a 400), or the default. */
  resolveLocale(requested: string | undefined): Promise<string>;
  /** A cached response, or null; never renders. For the fast path in front of the router. */
  cached(slug: string, locale: string): Promise<CachedResponse | null>;
  /** The response for a published story, from the cache or freshly rendered; 404 when not published in that locale. */
  respond(slug: string, locale: string): Promise<{ response: CachedResponse; cache: CacheState }>;
  /** Renders since start, for tests and benchmarks: a burst of misses should cost one per instance. */
  renders(): number;
  /** The same story as data (GraphQL). */
  article(slug: string, locale: string): Promise<DeliveryArticle>;
  /** A loaded story in the delivery's shape, with this server's media and link settings (previews, partner feeds). */
  serialize(loaded: LoadedArticle): DeliveryArticle;
  /** A page of the public corrections feed (`GET /api/corrections`), cached like a story. */
  corrections(locale: string, page: number, pageSize: number): Promise<{ response: CachedResponse; cache: CacheState }>;
  /** The corrections feed as RSS 2.0 (its latest entries), cached like a story. */
  correctionsRss(locale: string): Promise<{ response: CachedResponse; cache: CacheState }>;
  /**
   * Another public rendering of published stories (feeds, sitemaps), cached like a story under a key of
   * its own and invalidated with every story: rendered once per generation, across instances too.
   */
  respondWith(key: string, render: () => Promise<CachedResponse>): Promise<{ response: CachedResponse; cache: CacheState }>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * How long one instance may hold the right to render a missing story before others render it
 * themselves, and how often a waiting instance looks for its fill. A render takes tens of
 * milliseconds on a quiet machine but seconds on a saturated one, and a waiter that gives up early
 * renders too (the burst the claim is there to prevent); the claim still bounds the wait if the
 * renderer dies.
 */
const CLAIM_MS = 10_000;
const CLAIM_POLL_MS = 15;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many corrections the RSS feed carries. */
const RSS_ITEMS = 50;

/** Locales change rarely: the list is re-read every 10 s, at once on an unknown code, and on any locale write. */
const LOCALES_TTL_MS = 10_000;

export function createDeliveryService(strapi: Core.Strapi): DeliveryService {
  const config = readDeliveryConfig(strapi);
  let store: CacheStore | null = null;
  let locales: { codes: Set<string>; fallback: string; at: number } | null = null;
  const rendering = new Map<string, Promise<CachedResponse>>();
  let lastStoreError = 0;
  let securityHeaders: Record<string, string> | null = null;

  const invalidator = createInvalidator(
    strapi,
    () => store,
    () => {
      locales = null;
    },
  );

  /** A store failure costs a database read, not a failed request; logged at most once a minute. */
  const storeFailed = (error: unknown) => {
    if (Date.now() - lastStoreError < 60_000) return;
    lastStoreError = Date.now();
    strapi.log.warn(`Delivery cache unavailable, serving from the database: ${error instanceof Error ? error.message : String(error)}`);
  };

  async function localeInfo(fresh: boolean) {
    if (!fresh && locales && Date.now() - locales.at < LOCALES_TTL_MS) return locales;
    const i18n = strapi.plugin('i18n').service('locales');
    const [list, fallback] = await Promise.all([
      i18n.find() as Promise<Array<{ code: string }>>,
      i18n.getDefaultLocale() as Promise<string>,
    ]);
    locales = { codes: new Set(list.map((l) => l.code)), fallback, at: Date.now() };
    return locales;
  }

  const serialize = (loaded: LoadedArticle): DeliveryArticle =>
    serializeArticle(loaded, {
      mediaUrlPrefixes: config.mediaUrlPrefixes,
      publicUrl: configuredPublicUrl(strapi),
      canonicalUrl: config.canonicalUrl,
    });

  let renders = 0;
  async function render(slug: string, locale: string): Promise<CachedResponse> {
    renders += 1;
    const loaded = await loadPublishedArticle(strapi, slug, locale);
    if (!loaded) {
      const availableLocales = await publishedLocalesOfSlug(strapi, slug);
      const where = availableLocales.length > 0 ? ` It is published in: ${availableLocales.map((l) => l.locale).join(', ')}.` : '';
      throw new errors.NotFoundError(`No story "${slug}" is published in ${locale}.${where}`, { slug, locale, availableLocales });
    }
    const body = JSON.stringify({ data: serialize(loaded), meta: {} });
    return { etag: etagOf(body), body };
  }

  const storyUrl = (locale: string, slug: string) => (config.canonicalUrl ? canonicalUrlOf(config.canonicalUrl, locale, slug, null) : null);

  async function renderCorrections(locale: string, page: number, pageSize: number): Promise<CachedResponse> {
    renders += 1;
    const body = JSON.stringify(await loadCorrections(strapi, locale, page, pageSize, storyUrl));
    return { etag: etagOf(body), body };
  }

  async function renderCorrectionsRss(locale: string): Promise<CachedResponse> {
    renders += 1;
    const latest = await loadCorrections(strapi, locale, 1, RSS_ITEMS, storyUrl);
    const apiPrefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/+$/u, '');
    const body = correctionsRss(latest, { locale, publicUrl: configuredPublicUrl(strapi), apiPrefix });
    return { etag: etagOf(body), body };
  }

  async function lookup(key: string): Promise<CacheLookup | null> {
    if (!store || invalidator.owing()) return null;
    try {
      return await store.lookup(key);
    } catch (error) {
      storeFailed(error);
      return null;
    }
  }

  const keyOf = (slug: string, locale: string) => `${locale}:${slug}`;

  /**
   * Renders a missing story once across instances: the instance that claims it renders and fills; the
   * others poll for that fill. A claim that expires, a generation that moves or a store that fails
   * lets the waiter render for itself (and not fill), so a reader is never stuck behind another
   * instance. A render that throws gives the claim back at once, so the next request renders.
   */
  async function renderOnce(key: string, generation: string, render: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const deadline = Date.now() + CLAIM_MS;
    for (;;) {
      const active = store;
      if (!active) return render();
      let token: string | null;
      try {
        token = await active.claim(key, generation, CLAIM_MS);
      } catch (error) {
        storeFailed(error);
        return render();
      }
      if (token) {
        try {
          const response = await render();
          await active.fill(key, generation, response).catch(storeFailed);
          return response;
        } finally {
          await active.unclaim(key, generation, token).catch(storeFailed);
        }
      }
      await sleep(CLAIM_POLL_MS);
      const again = await lookup(key);
      if (again?.entry) return again.entry;
      if (!again || again.busy || again.generation !== generation || Date.now() > deadline) return render();
    }
  }

  /** A response from the cache, or rendered once (per process and across instances) and cached. */
  async function respondKey(key: string, render: () => Promise<CachedResponse>): Promise<{ response: CachedResponse; cache: CacheState }> {
    if (!store) return { response: await render(), cache: 'off' };
    const found = await lookup(key);
    if (found?.entry) return { response: found.entry, cache: 'hit' };
    if (!found || found.busy) return { response: await render(), cache: 'bypass' };

    // Concurrent misses for the same key in the same generation share one render: in this
    // process through `rendering`, across instances through the store's claim.
    const flightKey = `${found.generation}:${key}`;
    let flight = rendering.get(flightKey);
    if (!flight) {
      flight = renderOnce(key, found.generation, render);
      rendering.set(flightKey, flight);
      void flight.then(
        () => rendering.delete(flightKey),
        () => rendering.delete(flightKey),
      );
    }
    return { response: await flight, cache: 'miss' };
  }

  const service: DeliveryService = {
    config,
    cacheControl: cacheControlHeader(config.cacheControl),
    invalidator,
    cacheKind: () => store?.kind ?? null,
    localTier: () => store?.local?.() ?? null,
    renders: () => renders,
    serialize,
    securityHeaders: () => securityHeaders,
    recordSecurityHeaders(headers) {
      securityHeaders = headers;
    },

    async resolveLocale(requested) {
      let info = await localeInfo(false);
      if (requested === undefined) return info.fallback;
      if (!info.codes.has(requested)) info = await localeInfo(true);
      if (!info.codes.has(requested)) {
        const message = `Unknown locale "${requested}". Available locales: ${[...info.codes].join(', ')}.`;
        throw new errors.ValidationError(message, { errors: [{ path: ['locale'], message, name: 'ValidationError', value: requested }] });
      }
      return requested;
    },

    async cached(slug, locale) {
      const found = await lookup(keyOf(slug, locale));
      return found?.entry ?? null;
    },

    respond(slug, locale) {
      return respondKey(keyOf(slug, locale), () => render(slug, locale));
    },

    // Keys of their own ('|' never occurs in a locale code or a slug), invalidated with every story.
    corrections(locale, page, pageSize) {
      return respondKey(`corrections|${locale}|${page}|${pageSize}`, () => renderCorrections(locale, page, pageSize));
    },

    correctionsRss(locale) {
      return respondKey(`corrections-rss|${locale}`, () => renderCorrectionsRss(locale));
    },

    respondWith(key, renderWith) {
      return respondKey(`with|${key}`, () => {
        renders += 1;
        return renderWith();
      });
    },

    async article(slug, locale) {
      const { response } = await service.respond(slug, locale);
      return (JSON.parse(response.body) as { data: DeliveryArticle }).data;
    },

    async start() {
      if (!config.cache.enabled) return;
      if (config.cache.redisUrl) {
        try {
          store = await createRedisStore({
            url: config.cache.redisUrl,
            keyPrefix: config.cache.keyPrefix,
            ttlSeconds: config.cache.ttlSeconds,
            local: { maxEntries: config.cache.local.maxEntries, maxBytes: config.cache.local.maxMegabytes * 1024 * 1024 },
            warn: (message) => strapi.log.warn(message),
          });
        } catch (error) {
          throw new Error(
            `REDIS_URL is set but the delivery cache cannot reach Redis: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
      } else {
        store = createMemoryStore({ maxEntries: config.cache.maxEntries, ttlSeconds: config.cache.ttlSeconds });
      }
      const where = store.kind === 'memory' ? ' (this process only)' : store.local?.() ? ', with a local tier in each process' : '';
      strapi.log.info(`Delivery cache: ${store.kind}${where}.`);
    },

    async stop() {
      invalidator.stop();
      await invalidator.settled();
      const closing = store;
      store = null;
      await closing?.close();
    },
  };
  return service;
}
