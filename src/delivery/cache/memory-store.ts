import type { CachedResponse } from '../types';
import type { CacheLookup, CacheStore } from './store';

/**
 * One process's cache, for a single instance (no REDIS_URL). A Map kept in insertion order serves
 * as the LRU: a hit moves the entry to the end, the oldest goes first when the cache is full.
 */
export function createMemoryStore(options: { maxEntries: number; ttlSeconds: number; now?: () => number }): CacheStore {
  const now = options.now ?? Date.now;
  let generation = 0;
  const holds = new Map<string, number>();
  const entries = new Map<string, { generation: number; expires: number; entry: CachedResponse }>();

  /** A hold whose owner never released it (a crashed request) expires, and counts as a write. */
  const liveHolds = (): number => {
    const at = now();
    for (const [token, expires] of holds) {
      if (expires <= at) {
        holds.delete(token);
        generation += 1;
      }
    }
    return holds.size;
  };

  return {
    kind: 'memory',
    async lookup(key): Promise<CacheLookup> {
      const busy = liveHolds() > 0;
      const found = busy ? undefined : entries.get(key);
      let entry: CachedResponse | null = null;
      if (found && found.generation === generation && found.expires > now()) {
        entries.delete(key);
        entries.set(key, found);
        entry = found.entry;
      } else if (found) {
        entries.delete(key);
      }
      return { generation: String(generation), busy, entry };
    },
    async fill(key, forGeneration, entry) {
      if (liveHolds() > 0 || forGeneration !== String(generation)) return false;
      entries.delete(key);
      // Encoded once here rather than on every hit.
      entries.set(key, {
        generation,
        expires: now() + options.ttlSeconds * 1000,
        entry: { ...entry, bytes: entry.bytes ?? Buffer.from(entry.body) },
      });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
      }
      return true;
    },
    // One process: the delivery service's in-process flights already make each miss render once.
    async claim() {
      return 'local';
    },
    async unclaim() {},
    async bump() {
      generation += 1;
      entries.clear();
    },
    async hold(token, ttlMs) {
      holds.set(token, now() + ttlMs);
    },
    async release(token) {
      holds.delete(token);
      generation += 1;
      entries.clear();
    },
    async close() {
      entries.clear();
      holds.clear();
    },
  };
}
