import { createMemoryStore } from './memory-store';
import { decodeEntry, encodeEntry } from './store';

const entry = (body: string) => ({ etag: `"${body}"`, body });

describe('the in-memory cache store', () => {
  let clock = 0;
  const store = () => createMemoryStore({ maxEntries: 2, ttlSeconds: 10, now: () => clock });
  beforeEach(() => {
    clock = 1_000;
  });

  it('serves what was filled in the current generation', async () => {
    const s = store();
    const first = await s.lookup('k');
    expect(first).toEqual({ generation: '0', busy: false, entry: null });
    expect(await s.fill('k', first.generation, entry('a'))).toBe(true);
    expect((await s.lookup('k')).entry).toMatchObject(entry('a'));
  });

  it('forgets everything on a bump, and refuses a fill made from an older generation', async () => {
    const s = store();
    const before = await s.lookup('k');
    await s.bump();
    // A reader that started before the write must not store what it read.
    expect(await s.fill('k', before.generation, entry('stale'))).toBe(false);
    expect((await s.lookup('k')).entry).toBeNull();
  });

  it('is busy while a write holds it, and moves to a new generation on release', async () => {
    const s = store();
    const { generation } = await s.lookup('k');
    await s.fill('k', generation, entry('old'));
    await s.hold('w1', 5_000);
    expect(await s.lookup('k')).toMatchObject({ busy: true, entry: null });
    expect(await s.fill('k', generation, entry('during'))).toBe(false);
    await s.release('w1');
    const after = await s.lookup('k');
    expect(after).toMatchObject({ busy: false, entry: null });
    expect(after.generation).not.toBe(generation);
  });

  it('treats a hold that was never released as a write once it lapses', async () => {
    const s = store();
    const { generation } = await s.lookup('k');
    await s.fill('k', generation, entry('old'));
    await s.hold('crashed', 5_000);
    clock += 6_000;
    const after = await s.lookup('k');
    expect(after).toMatchObject({ busy: false, entry: null });
    expect(after.generation).not.toBe(generation);
  });

  it('expires entries and keeps at most maxEntries, dropping the least recently used', async () => {
    const s = store();
    const { generation } = await s.lookup('a');
    await s.fill('a', generation, entry('a'));
    await s.fill('b', generation, entry('b'));
    await s.lookup('a');
    await s.fill('c', generation, entry('c'));
    expect((await s.lookup('b')).entry).toBeNull();
    expect((await s.lookup('a')).entry).toMatchObject({ ...entry('a'), bytes: Buffer.from('a') });
    clock += 11_000;
    expect((await s.lookup('a')).entry).toBeNull();
  });

  it('encodes entries as one string', () => {
    expect(decodeEntry(encodeEntry({ etag: '"x"', body: '{"a":"b\\nc"}' }))).toEqual({ etag: '"x"', body: '{"a":"b\\nc"}' });
    expect(decodeEntry(null)).toBeNull();
  });
});
