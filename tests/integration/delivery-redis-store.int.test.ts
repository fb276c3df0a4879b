import Redis from 'ioredis';
import { createRedisStore } from '../../src/delivery/cache/redis-store';
import type { CacheStore } from '../../src/delivery/cache/store';
import { dropKeys, REDIS_URL, uniquePrefix } from '../helpers/redis';

/** The Redis store against a real Redis: the same contract as the in-memory store, shared by two clients. */
const prefix = uniquePrefix('redis-store');
let a: CacheStore;
let b: CacheStore;
const entry = (body: string) => ({ etag: `"${body}"`, body });

beforeAll(async () => {
  a = await createRedisStore({ url: REDIS_URL, keyPrefix: prefix, ttlSeconds: 60 });
  b = await createRedisStore({ url: REDIS_URL, keyPrefix: prefix, ttlSeconds: 60 });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await dropKeys(prefix);
});

describe('the Redis cache store', () => {
  it('shares entries between clients (instances)', async () => {
    const { generation } = await a.lookup('zh-Hant:story');
    expect(await a.fill('zh-Hant:story', generation, entry('one'))).toBe(true);
    expect((await b.lookup('zh-Hant:story')).entry).toEqual(entry('one'));
    expect(a.local?.()).toBeNull();
  });

  it('forgets everything for every client on a bump, and refuses fills from the old generation', async () => {
    const before = await b.lookup('zh-Hant:story');
    await a.bump();
    const after = await b.lookup('zh-Hant:story');
    expect(after.entry).toBeNull();
    expect(after.generation).not.toBe(before.generation);
    expect(await b.fill('zh-Hant:story', before.generation, entry('stale'))).toBe(false);
  });

  it('is busy for every client while one holds it, and moves on when the hold is released', async () => {
    const { generation } = await a.lookup('k');
    await a.fill('k', generation, entry('old'));
    await a.hold('writer-1', 10_000);
    expect(await b.lookup('k')).toMatchObject({ busy: true, entry: null });
    expect(await b.fill('k', generation, entry('during'))).toBe(false);
    await a.release('writer-1');
    const after = await b.lookup('k');
    expect(after).toMatchObject({ busy: false, entry: null });
    expect(after.generation).not.toBe(generation);
  });

  it('treats a hold whose owner died as a write once it lapses', async () => {
    const { generation } = await a.lookup('k');
    await a.fill('k', generation, entry('old'));
    await a.hold('crashed-writer', 200);
    expect((await b.lookup('k')).busy).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await b.lookup('k');
    expect(after).toMatchObject({ busy: false, entry: null });
    expect(after.generation).not.toBe(generation);
  });
});

/** Polls until `check` holds; fails after `ms` (a bound on waiting, not a timing assertion). */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still waiting after ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * The tier each instance keeps in its own memory in front of Redis, emptied on every instance through
 * Redis pub/sub: a write returns only once every instance that hears invalidations has emptied it.
 */
describe('the local tier in front of Redis', () => {
  const localPrefix = uniquePrefix('local-tier');
  const local = { maxEntries: 100, maxBytes: 1024 * 1024 };
  let c: CacheStore;
  let d: CacheStore;
  let admin: Redis;
  const live = (store: CacheStore) => store.local?.()?.live === true;
  const entries = (store: CacheStore) => store.local?.()?.entries ?? -1;

  beforeAll(async () => {
    c = await createRedisStore({ url: REDIS_URL, keyPrefix: localPrefix, ttlSeconds: 60, local });
    d = await createRedisStore({ url: REDIS_URL, keyPrefix: localPrefix, ttlSeconds: 60, local });
    admin = new Redis(REDIS_URL);
    await until(() => live(c) && live(d), 'both links up');
  });
  afterAll(async () => {
    await c?.close();
    await d?.close();
    admin?.disconnect();
    await dropKeys(localPrefix);
  });

  /** Fills `key` through `store` and checks it is now held in that process. */
  async function fillLocally(store: CacheStore, key: string, body: string): Promise<string> {
    const { generation } = await store.lookup(key);
    expect(await store.fill(key, generation, entry(body))).toBe(true);
    expect(entries(store)).toBeGreaterThan(0);
    return generation;
  }

  it('answers a hit from memory, without asking Redis', async () => {
    const generation = await fillLocally(c, 'zh-Hant:kept', 'kept');
    // Gone from Redis behind its back: only the local tier can still answer.
    await admin.del(`${localPrefix}:{delivery}:e:${generation}:zh-Hant:kept`);
    const found = await c.lookup('zh-Hant:kept');
    expect(found.entry?.body).toBe('kept');
    expect(found.entry?.bytes).toEqual(Buffer.from('kept'));
    // Another instance reads Redis, and Redis no longer has it.
    expect((await d.lookup('zh-Hant:kept')).entry).toBeNull();
  });

  it('keeps what it read from Redis, so the next hit is local', async () => {
    const { generation } = await d.lookup('zh-Hant:read');
    await d.fill('zh-Hant:read', generation, entry('read'));
    const before = entries(c);
    expect((await c.lookup('zh-Hant:read')).entry?.body).toBe('read');
    expect(entries(c)).toBe(before + 1);
  });

  it('is empty on every instance once a bump on another has returned', async () => {
    await fillLocally(c, 'zh-Hant:story', 'old');
    await d.bump();
    // No waiting: the bump returned only after every subscribed instance acknowledged it.
    expect(entries(c)).toBe(0);
    expect((await c.lookup('zh-Hant:story')).entry).toBeNull();
    expect(c.local?.()?.maxAckMs ?? null).toBeNull();
    expect(d.local?.()?.lastAckMs).toEqual(expect.any(Number));
  });

  it('is empty on every instance once a hold on another has been placed, and stays out of use while it is held', async () => {
    await fillLocally(c, 'zh-Hant:held', 'old');
    await d.hold('writer', 10_000);
    expect(entries(c)).toBe(0);
    expect(await c.lookup('zh-Hant:held')).toMatchObject({ busy: true, entry: null });
    expect(entries(c)).toBe(0);
    await d.release('writer');
    expect((await c.lookup('zh-Hant:held')).entry).toBeNull();
  });

  it('holds a write up for the lease at most when an instance hears the invalidation but does not acknowledge it', async () => {
    // A subscriber that hears every invalidation and never answers: a frozen instance.
    const frozen = new Redis(REDIS_URL);
    await frozen.subscribe(`${localPrefix}:{delivery}:inv`);
    const writer = await createRedisStore({ url: REDIS_URL, keyPrefix: localPrefix, ttlSeconds: 60, local: { ...local, leaseMs: 300 } });
    try {
      await until(() => live(writer), 'the writer’s link up');
      await writer.bump();
      expect(writer.local?.()?.unacknowledged).toBe(1);
    } finally {
      await writer.close();
      frozen.disconnect();
    }
  });

  it('empties itself soon after an invalidation that came without a message (an instance of an older version)', async () => {
    await fillLocally(c, 'zh-Hant:silent', 'old');
    // What an instance without the local tier does on a write: move the generation, publish nothing.
    await admin.incr(`${localPrefix}:{delivery}:gen`);
    await until(() => entries(c) === 0, 'the generation watch to notice');
    expect((await c.lookup('zh-Hant:silent')).entry).toBeNull();
  });

  it('empties itself when its subscription is killed, is bypassed until it is back, then fills and empties again', async () => {
    const generation = await fillLocally(c, 'zh-Hant:link', 'before');
    const name = c.local?.()?.connectionName;
    const clients = String(await admin.client('LIST')).split('\n');
    const id = clients.find((line) => line.includes(` name=${name} `))?.match(/^id=(\d+)/)?.[1];
    expect(id).toBeDefined();
    await admin.client('KILL', 'ID', id!);

    await until(() => !live(c), 'the link to go down');
    expect(entries(c)).toBe(0);
    // Started while the link is down: answered from Redis, and not kept.
    const whileDown = c.lookup('zh-Hant:link');
    expect((await whileDown).entry?.body).toBe('before');
    expect(entries(c)).toBe(0);

    await until(() => live(c), 'the subscription to come back');
    expect((await c.lookup('zh-Hant:link')).generation).toBe(generation);
    expect(entries(c)).toBe(1);
    await d.bump();
    expect(entries(c)).toBe(0);
  });
});
