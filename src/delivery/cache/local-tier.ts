import type { CachedResponse } from '../types';

/**
 * A response held in this process: the UTF-8 bytes as sent, and the text only when something other
 * than the HTTP route asks for it (GraphQL), so an entry costs its bytes once and not twice.
 */
class LocalEntry implements CachedResponse {
  constructor(
    readonly etag: string,
    readonly bytes: Buffer,
  ) {}

  get body(): string {
    return this.bytes.toString('utf8');
  }
}

export interface LocalTierOptions {
  maxEntries: number;
  /** Bound on the bodies' bytes together; an entry larger than this on its own is not kept. */
  maxBytes: number;
  ttlMs: number;
  now?: () => number;
}

export interface LocalTier {
  /** The entry and the generation it was read or filled under. */
  get(key: string): { generation: string; entry: CachedResponse } | null;
  /** Keeps an entry; returns it as kept (its bytes encoded once), or null when it is too large to keep. */
  set(key: string, generation: string, entry: CachedResponse): CachedResponse | null;
  clear(): void;
  readonly size: number;
  readonly bytes: number;
}

/**
 * A bounded LRU of whole responses: a Map kept in insertion order, a hit moves the entry to the end,
 * and the oldest entries go first until both bounds hold.
 */
export function createLocalTier(options: LocalTierOptions): LocalTier {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { generation: string; entry: LocalEntry; expires: number }>();
  let bytes = 0;

  const drop = (key: string) => {
    const found = entries.get(key);
    if (!found) return;
    entries.delete(key);
    bytes -= found.entry.bytes.length;
  };

  return {
    get(key) {
      const found = entries.get(key);
      if (!found) return null;
      entries.delete(key);
      if (found.expires <= now()) {
        bytes -= found.entry.bytes.length;
        return null;
      }
      entries.set(key, found);
      return { generation: found.generation, entry: found.entry };
    },
    set(key, generation, entry) {
      drop(key);
      const encoded = entry.bytes ?? Buffer.from(entry.body);
      if (options.maxEntries < 1 || encoded.length > options.maxBytes) return null;
      const kept = new LocalEntry(entry.etag, encoded);
      entries.set(key, { generation, entry: kept, expires: now() + options.ttlMs });
      bytes += encoded.length;
      while (entries.size > options.maxEntries || bytes > options.maxBytes) drop(entries.keys().next().value as string);
      return kept;
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
