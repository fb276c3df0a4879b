import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createInvalidationLink, type InvalidationLink } from './invalidation-link';
import { createLocalTier, type LocalTier } from './local-tier';
import type { CachedResponse } from '../types';
import type { CacheLookup, CacheStore, LocalTierStats } from './store';
import { decodeEntry, encodeEntry } from './store';

/*
 * Each operation is one script, so it is atomic and one round trip. The hash tag `{delivery}` keeps
 * every key in one slot. An expired hold (its owner died before releasing) is removed by the next
 * lookup and counted as a write, so the generation moves on. Every script that invalidates also
 * publishes on the invalidation channel (ARGV[1] of BUMP/HOLD/RELEASE is the message), in the same
 * step, so no instance can miss an invalidation that happened: it hears it or its link is down.
 */
const LOOKUP = `
local expired = redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
if expired > 0 then
  redis.call('INCR', KEYS[1])
  redis.call('PUBLISH', ARGV[4], '|lapsed')
end
local gen = redis.call('GET', KEYS[1]) or '0'
local busy = redis.call('ZCARD', KEYS[2])
if busy > 0 then return { gen, busy, false } end
return { gen, 0, redis.call('GET', ARGV[2] .. gen .. ':' .. ARGV[3]) }
`;

const FILL = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
if redis.call('ZCOUNT', KEYS[2], '(' .. ARGV[2], '+inf') > 0 then return 0 end
redis.call('SET', ARGV[3], ARGV[4], 'EX', ARGV[5])
return 1
`;

const BUMP = `
redis.call('INCR', KEYS[1])
return redis.call('PUBLISH', ARGV[2], ARGV[1])
`;

const HOLD = `
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
return redis.call('PUBLISH', ARGV[2], ARGV[1])
`;

const RELEASE = `
redis.call('ZREM', KEYS[2], ARGV[3])
redis.call('INCR', KEYS[1])
return redis.call('PUBLISH', ARGV[2], ARGV[1])
`;

const UNCLAIM = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

type ScriptedRedis = Redis & {
  deliveryUnclaim(claimKey: string, token: string): Promise<number>;
  deliveryLookup(
    gen: string,
    holds: string,
    now: number,
    entryPrefix: string,
    key: string,
    channel: string,
  ): Promise<[string, number, string | null]>;
  deliveryFill(gen: string, holds: string, generation: string, now: number, entryKey: string, value: string, ttl: number): Promise<number>;
  deliveryBump(gen: string, holds: string, message: string, channel: string): Promise<number>;
  deliveryHold(gen: string, holds: string, message: string, channel: string, expires: number, token: string): Promise<number>;
  deliveryRelease(gen: string, holds: string, message: string, channel: string, token: string): Promise<number>;
};

export interface RedisStoreOptions {
  url: string;
  keyPrefix: string;
  ttlSeconds: number;
  /**
   * The in-process tier in front of Redis; without it (or with `maxEntries` 0) every hit is a Redis
   * round trip. `leaseMs` bounds how long an instance whose link went silent may serve from memory.
   */
  local?: { maxEntries: number; maxBytes: number; leaseMs?: number; heartbeatMs?: number };
  warn?: (message: string) => void;
}

/** How long an unanswered heartbeat may leave the local tier in use, and how often one is sent. */
const LEASE_MS = 1000;
const HEARTBEAT_MS = 200;

/** The cache shared by every instance, in Redis, with recently served responses kept in this process too. */
export async function createRedisStore(options: RedisStoreOptions): Promise<CacheStore> {
  const redis = new Redis(options.url, {
    lazyConnect: true,
    // A delivery request must not hang on a Redis outage: fail fast and read the database instead.
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    enableAutoPipelining: true,
    connectionName: 'newsroom-delivery-cache',
  }) as ScriptedRedis;
  redis.defineCommand('deliveryLookup', { numberOfKeys: 2, lua: LOOKUP });
  redis.defineCommand('deliveryFill', { numberOfKeys: 2, lua: FILL });
  redis.defineCommand('deliveryBump', { numberOfKeys: 2, lua: BUMP });
  redis.defineCommand('deliveryHold', { numberOfKeys: 2, lua: HOLD });
  redis.defineCommand('deliveryRelease', { numberOfKeys: 2, lua: RELEASE });
  redis.defineCommand('deliveryUnclaim', { numberOfKeys: 1, lua: UNCLAIM });
  // Errors surface on the commands that fail; this only keeps a dropped connection from crashing the process.
  redis.on('error', () => undefined);
  await redis.connect();

  const base = `${options.keyPrefix}:{delivery}`;
  const genKey = `${base}:gen`;
  const holdsKey = `${base}:holds`;
  const entryPrefix = `${base}:e:`;
  const channel = `${base}:inv`;
  const claimKey = (key: string, generation: string) => `${base}:c:${generation}:${key}`;

  let tier: LocalTier | null = null;
  let link: InvalidationLink | null = null;
  if (options.local && options.local.maxEntries > 0) {
    const local = createLocalTier({
      maxEntries: options.local.maxEntries,
      maxBytes: options.local.maxBytes,
      ttlMs: options.ttlSeconds * 1000,
    });
    try {
      link = await createInvalidationLink({
        redis,
        channelBase: base,
        onInvalidate: () => local.clear(),
        leaseMs: options.local.leaseMs ?? LEASE_MS,
        heartbeatMs: options.local.heartbeatMs ?? HEARTBEAT_MS,
        warn: options.warn ?? (() => undefined),
      });
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    tier = local;
  }

  /** Moves on with every invalidation heard on the link and every one made here. */
  let ownInvalidations = 0;
  const epoch = () => (link?.epoch() ?? 0) + ownInvalidations;

  /**
   * The newest generation this process has seen. Generations only grow, so a newer one read from Redis
   * means a write happened, whether or not its message has arrived yet — or was ever sent (a version
   * of the app without the local tier, a hold that lapsed): the tier is emptied then too. It is read
   * with every miss, and on a timer, which bounds what a silent writer can leave behind.
   */
  let newest = -1;
  const sawGeneration = (generation: string) => {
    const seen = Number(generation);
    if (!Number.isFinite(seen) || seen <= newest) return;
    if (newest >= 0) {
      ownInvalidations += 1;
      tier?.clear();
    }
    newest = seen;
  };

  /** Keeps what Redis answered, unless the link is down or an invalidation came while the answer was on its way. */
  const keep = (key: string, generation: string, entry: CachedResponse, since: number): CachedResponse => {
    if (!tier || !link?.live() || epoch() !== since || Number(generation) !== newest) return entry;
    return tier.set(key, generation, entry) ?? entry;
  };

  const watch = tier
    ? setInterval(() => {
        redis.get(genKey).then(
          (generation) => sawGeneration(generation ?? '0'),
          () => undefined,
        );
      }, options.local?.heartbeatMs ?? HEARTBEAT_MS)
    : null;
  watch?.unref();

  /** Runs an invalidating script and returns once every instance that heard it has emptied its local tier. */
  const invalidate = async (run: (message: string) => Promise<number>) => {
    ownInvalidations += 1;
    tier?.clear();
    if (!link) {
      await run('|');
      return;
    }
    const { message, acknowledged } = link.announce();
    let receivers: number;
    try {
      receivers = Number(await run(message));
    } catch (error) {
      void acknowledged(0);
      throw error;
    }
    await acknowledged(receivers);
  };

  return {
    kind: 'redis',
    async lookup(key): Promise<CacheLookup> {
      if (tier && link?.live()) {
        const held = tier.get(key);
        if (held) return { generation: held.generation, busy: false, entry: held.entry };
      }
      const since = epoch();
      const [generation, busy, raw] = await redis.deliveryLookup(genKey, holdsKey, Date.now(), entryPrefix, key, channel);
      const entry = decodeEntry(raw);
      const lookup = { generation: String(generation), busy: Number(busy) > 0, entry };
      sawGeneration(lookup.generation);
      return entry && !lookup.busy ? { ...lookup, entry: keep(key, lookup.generation, entry, since) } : lookup;
    },
    async fill(key, generation, entry) {
      const since = epoch();
      const stored = await redis.deliveryFill(
        genKey,
        holdsKey,
        generation,
        Date.now(),
        `${entryPrefix}${generation}:${key}`,
        encodeEntry(entry),
        options.ttlSeconds,
      );
      if (stored === 1) keep(key, generation, entry, since);
      return stored === 1;
    },
    async claim(key, generation, ttlMs) {
      const token = `${process.pid}-${randomUUID()}`;
      return (await redis.set(claimKey(key, generation), token, 'PX', ttlMs, 'NX')) === 'OK' ? token : null;
    },
    async unclaim(key, generation, token) {
      await redis.deliveryUnclaim(claimKey(key, generation), token);
    },
    async bump() {
      await invalidate((message) => redis.deliveryBump(genKey, holdsKey, message, channel));
    },
    async hold(token, ttlMs) {
      await invalidate((message) => redis.deliveryHold(genKey, holdsKey, message, channel, Date.now() + ttlMs, token));
    },
    async release(token) {
      await invalidate((message) => redis.deliveryRelease(genKey, holdsKey, message, channel, token));
    },
    local(): LocalTierStats | null {
      if (!tier || !link) return null;
      return { entries: tier.size, bytes: tier.bytes, live: link.live(), ...link.stats() };
    },
    async close() {
      if (watch) clearInterval(watch);
      tier?.clear();
      await link?.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
