import Redis from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test file, run or engineer shares. */
export function uniquePrefix(name: string): string {
  return `newsroom-test:${(process.env.TEST_RUN_ID ?? 'local').replace(/\W/g, '')}:${name}:${process.pid}:${Date.now().toString(36)}`;
}

/** Deletes every key under a prefix. */
export async function dropKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

export interface SharedRedis {
  prefix: string;
  /** Removes the settings and every key the run left under its prefix. */
  restore(): Promise<void>;
}

/**
 * Gives the app this test file boots — and any second instance it starts, which inherits this
 * environment — the shared Redis cache under a key prefix of the file's own. Call before booting.
 */
export function useSharedRedis(name: string): SharedRedis {
  const prefix = uniquePrefix(name);
  process.env.REDIS_URL = REDIS_URL;
  process.env.DELIVERY_CACHE_PREFIX = prefix;
  return {
    prefix,
    async restore() {
      delete process.env.REDIS_URL;
      delete process.env.DELIVERY_CACHE_PREFIX;
      await dropKeys(prefix);
    },
  };
}
