import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { CacheLookup, CacheStore } from './store';
import { decodeEntry, encodeEntry } from './store';

/*
 * Each operation is one script, so it is atomic and one round trip. The hash tag `{delivery}` keeps
 * every key in one slot. An expired hold (its owner died before releasing) is removed by the next
 * lookup and counted as a write, so the generation moves on.
 */
const LOOKUP = `
local expired = redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
if expired > 0 then redis.call('INCR', KEYS[1]) end
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

const RELEASE = `
redis.call('ZREM', KEYS[2], ARGV[1])
return redis.call('INCR', KEYS[1])
`;

const UNCLAIM = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

type ScriptedRedis = Redis & {
  deliveryUnclaim(claimKey: string, token: string): Promise<number>;
  deliveryLookup(gen: string, holds: string, now: number, entryPrefix: string, key: string): Promise<[string, number, string | null]>;
  deliveryFill(gen: string, holds: string, generation: string, now: number, entryKey: string, value: string, ttl: number): Promise<number>;
  deliveryRelease(gen: string, holds: string, token: string): Promise<number>;
};

export interface RedisStoreOptions {
  url: string;
  keyPrefix: string;
  ttlSeconds: number;
}

/** The cache shared by every instance, in Redis. */
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
  redis.defineCommand('deliveryRelease', { numberOfKeys: 2, lua: RELEASE });
  redis.defineCommand('deliveryUnclaim', { numberOfKeys: 1, lua: UNCLAIM });
  // Errors surface on the commands that fail; this only keeps a dropped connection from crashing the process.
  redis.on('error', () => undefined);
  await redis.connect();

  const base = `${options.keyPrefix}:{delivery}`;
  const genKey = `${base}:gen`;
  const holdsKey = `${base}:holds`;
  const entryPrefix = `${base}:e:`;
  const claimKey = (key: string, generation: string) => `${base}:c:${generation}:${key}`;

  return {
    kind: 'redis',
    async lookup(key): Promise<CacheLookup> {
      const [generation, busy, raw] = await redis.deliveryLookup(genKey, holdsKey, Date.now(), entryPrefix, key);
      return { generation: String(generation), busy: Number(busy) > 0, entry: decodeEntry(raw) };
    },
    async fill(key, generation, entry) {
      const stored = await redis.deliveryFill(genKey, holdsKey, generation, Date.now(), `${entryPrefix}${generation}:${key}`, encodeEntry(entry), options.ttlSeconds);
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
      await redis.incr(genKey);
    },
    async hold(token, ttlMs) {
      await redis.zadd(holdsKey, Date.now() + ttlMs, token);
    },
    async release(token) {
      await redis.deliveryRelease(genKey, holdsKey, token);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
