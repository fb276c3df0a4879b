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
