import { createLocalTier } from './local-tier';

const entry = (body: string) => ({ etag: `"${body.length}"`, body });

describe('the local tier in front of Redis', () => {
  let clock = 0;
  const tier = (maxEntries: number, maxBytes: number) => createLocalTier({ maxEntries, maxBytes, ttlMs: 10_000, now: () => clock });
  beforeEach(() => {
    clock = 1_000;
  });

  it('keeps an entry with the generation it was read under, and its bytes encoded once', () => {
    const t = tier(10, 1_000);
    const kept = t.set('k', '7', entry('故事'));
    expect(kept?.bytes).toEqual(Buffer.from('故事'));
    expect(t.get('k')).toEqual({ generation: '7', entry: kept });
    expect(t.get('k')?.entry.body).toBe('故事');
    expect(t.bytes).toBe(Buffer.byteLength('故事'));
  });

  it('drops the least recently used entries to stay within its entry bound', () => {
    const t = tier(2, 1_000);
    t.set('a', '1', entry('a'));
    t.set('b', '1', entry('b'));
    t.get('a');
    t.set('c', '1', entry('c'));
    expect(t.get('b')).toBeNull();
    expect(t.get('a')).not.toBeNull();
    expect(t.get('c')).not.toBeNull();
    expect(t.size).toBe(2);
  });

  it('drops the least recently used entries to stay within its byte bound, counting UTF-8 bytes', () => {
    const t = tier(100, 10);
    t.set('a', '1', entry('甲乙')); // 6 bytes
    t.set('b', '1', entry('丙')); // 3 bytes
    expect(t.bytes).toBe(9);
    t.set('c', '1', entry('丁')); // 12 > 10: a goes
    expect(t.get('a')).toBeNull();
    expect(t.bytes).toBe(6);
    expect(t.size).toBe(2);
  });

  it('does not keep an entry larger than the whole tier, nor anything when it holds no entries', () => {
    expect(tier(100, 4).set('big', '1', entry('12345'))).toBeNull();
    const none = tier(0, 1_000);
    expect(none.set('k', '1', entry('a'))).toBeNull();
    expect(none.size).toBe(0);
  });

  it('replaces an entry in place, and forgets everything on clear', () => {
    const t = tier(10, 1_000);
    t.set('k', '1', entry('old'));
    t.set('k', '2', entry('newer'));
    expect(t.size).toBe(1);
    expect(t.bytes).toBe(5);
    expect(t.get('k')?.generation).toBe('2');
    t.clear();
    expect(t.get('k')).toBeNull();
    expect([t.size, t.bytes]).toEqual([0, 0]);
  });

  it('lets entries expire', () => {
    const t = tier(10, 1_000);
    t.set('k', '1', entry('a'));
    clock += 10_001;
    expect(t.get('k')).toBeNull();
    expect(t.bytes).toBe(0);
  });
});
