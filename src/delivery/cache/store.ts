import type { CachedResponse } from '../types';

/**
 * A response cache that is never stale once a write has returned. Entries live under a generation;
 * a write moves everything to a new generation. Writes made inside a database transaction first
 * place a hold (before the commit) and release it with the new generation after the commit; while
 * any hold is live, readers bypass the cache and read the database. So whichever instance a reader
 * reaches, it sees either a hold (and reads committed data) or the new generation (and misses).
 */
export interface CacheLookup {
  generation: string;
  /** A write is in flight somewhere: do not serve from the cache and do not fill it. */
  busy: boolean;
  entry: CachedResponse | null;
}

export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  lookup(key: string): Promise<CacheLookup>;
  /** Stores only if `generation` is still current and no hold is live; returns whether it did. */
  fill(key: string, generation: string, entry: CachedResponse): Promise<boolean>;
  /** Everything cached so far is gone for every reader once this resolves. */
  bump(): Promise<void>;
  /**
   * Single flight across instances: the right to render a missing entry of this generation, for at
   * most `ttlMs`. Returns a token when the caller should render, null when another instance is
   * rendering it (wait for its fill). The claim expires by itself, so a crashed renderer never
   * leaves the key stuck.
   */
  claim(key: string, generation: string, ttlMs: number): Promise<string | null>;
  /** The render finished or failed: give the claim back (only if it is still this token's). */
  unclaim(key: string, generation: string, token: string): Promise<void>;
  /** A write is about to commit; `ttlMs` bounds the hold if its owner dies before releasing. */
  hold(token: string, ttlMs: number): Promise<void>;
  /** The held write committed or rolled back: drop the hold and bump, in one step. */
  release(token: string): Promise<void>;
  /** The in-process tier in front of a shared store, when there is one. */
  local?(): LocalTierStats | null;
  close(): Promise<void>;
}

export interface LocalTierStats {
  entries: number;
  bytes: number;
  /** Whether it is in use: the invalidation link is up and its heartbeat answered within the lease. */
  live: boolean;
  /** The Redis client name of the subscriber connection (CLIENT LIST). */
  connectionName: string;
  /** How long the last and the slowest invalidation made here took to be acknowledged by every instance. */
  lastAckMs: number | null;
  maxAckMs: number | null;
  /** Invalidations made here that some instance did not acknowledge within the lease. */
  unacknowledged: number;
}

/** Entries are stored in Redis as `etag\nbody`: one string, no JSON parse of the body on a hit. */
export const encodeEntry = (entry: CachedResponse): string => `${entry.etag}\n${entry.body}`;

export function decodeEntry(raw: string | null | undefined): CachedResponse | null {
  if (typeof raw !== 'string') return null;
  const newline = raw.indexOf('\n');
  if (newline < 0) return null;
  return { etag: raw.slice(0, newline), body: raw.slice(newline + 1) };
}
