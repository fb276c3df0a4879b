import type { Core } from '@strapi/strapi';
import { mediaUrlPrefixes, readUploadStorage } from '../src/uploads/storage-config';

/**
 * The delivery API for front ends (`GET /api/articles/by-slug/:slug`, GraphQL `articleBySlug`).
 * Checked at start-up by src/delivery/config.ts.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Sent on delivery responses; our own response cache never serves a story stale, these only tell
  // browsers and CDNs how long they may keep a copy.
  cacheControl: {
    maxAge: env.int('DELIVERY_MAX_AGE', 30),
    staleWhileRevalidate: env.int('DELIVERY_STALE_WHILE_REVALIDATE', 60),
  },
  cache: {
    enabled: env.bool('DELIVERY_CACHE_ENABLED', true),
    // Shared by every instance when set; without it each process keeps its own cache (one instance only).
    redisUrl: env('REDIS_URL', ''),
    keyPrefix: env('DELIVERY_CACHE_PREFIX', 'newsroom'),
    ttlSeconds: env.int('DELIVERY_CACHE_TTL', 600),
    maxEntries: env.int('DELIVERY_CACHE_MAX_ENTRIES', 2000),
    // With Redis: recently served stories are also kept in each process, emptied on every instance
    // through Redis pub/sub at every write. 0 entries = every hit asks Redis.
    local: {
      maxEntries: env.int('DELIVERY_CACHE_LOCAL_MAX_ENTRIES', 2000),
      maxMegabytes: env.int('DELIVERY_CACHE_LOCAL_MAX_MB', 64),
    },
  },
  // Body images are shown only from these URL prefixes (the media library's own URLs: /uploads/, and the
  // bucket's public URL with UPLOAD_PROVIDER=s3).
  mediaUrlPrefixes: env.array('DELIVERY_MEDIA_URL_PREFIXES', mediaUrlPrefixes(readUploadStorage(process.env))),
  // The front end's URL of a story, e.g. `https://news.example.com/{locale}/{slug}`; empty = use the original URL.
  canonicalUrl: env('DELIVERY_CANONICAL_URL', ''),
});
