import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../lib/document-middleware';
import type { CacheStore } from './cache/store';
import { createInvalidationMiddleware, createInvalidator, type Invalidator } from './invalidation';

type MiddlewareContext = Parameters<DocumentMiddleware>[0];

/** A store that records calls; `failures` makes the next calls reject. */
function recordingStore() {
  const calls: string[] = [];
  let failures = 0;
  const step = (name: string) => async () => {
    calls.push(name);
    if (failures > 0) {
      failures -= 1;
      throw new Error('store down');
    }
  };
  const store: CacheStore = {
    kind: 'memory',
    lookup: async () => ({ generation: '0', busy: false, entry: null }),
    fill: async () => true,
    bump: step('bump'),
    hold: async () => step('hold')(),
    release: async () => step('release')(),
    close: async () => undefined,
  };
  return { store, calls, fail: (n: number) => (failures = n) };
}

/** Just enough of Strapi: a transaction flag with commit/rollback callbacks, and a log. */
function fakeStrapi() {
  const state = { inTransaction: false, commits: [] as Array<() => void>, rollbacks: [] as Array<() => void> };
  const strapi = {
    db: {
      inTransaction: () => state.inTransaction,
      transaction: async (cb: (t: { onCommit: (f: () => void) => void; onRollback: (f: () => void) => void }) => Promise<void>) =>
        cb({ onCommit: (f) => state.commits.push(f), onRollback: (f) => state.rollbacks.push(f) }),
    },
    log: { error: jest.fn(), info: jest.fn(), warn: jest.fn() },
  };
  return { strapi: strapi as unknown as Core.Strapi, state };
}

describe('the invalidator', () => {
  it('bumps before returning when the write is already committed', async () => {
    const { store, calls } = recordingStore();
    const { strapi } = fakeStrapi();
    await createInvalidator(
      strapi,
      () => store,
      () => undefined,
    ).afterWrite();
    expect(calls).toEqual(['bump']);
  });

  it('inside a transaction, holds before returning and releases on commit or rollback', async () => {
    const { store, calls } = recordingStore();
    const { strapi, state } = fakeStrapi();
    state.inTransaction = true;
    const invalidator = createInvalidator(
      strapi,
      () => store,
      () => undefined,
    );
    await invalidator.afterWrite();
    expect(calls).toEqual(['hold']);
    state.commits.forEach((commit) => commit());
    await invalidator.settled();
    expect(calls).toEqual(['hold', 'release']);

    await invalidator.afterWrite();
    state.rollbacks.slice(-1).forEach((rollback) => rollback());
    await invalidator.settled();
    expect(calls).toEqual(['hold', 'release', 'hold', 'release']);
  });

  it('tells the service to forget its locales only when locales were written', async () => {
    const { store } = recordingStore();
    const { strapi } = fakeStrapi();
    const forget = jest.fn();
    const invalidator = createInvalidator(strapi, () => store, forget);
    await invalidator.afterWrite();
    expect(forget).not.toHaveBeenCalled();
    await invalidator.afterWrite({ locales: true });
    expect(forget).toHaveBeenCalledTimes(1);
  });

  it('owes an invalidation the store refused, logs it, and retries until the store takes it', async () => {
    jest.useFakeTimers();
    try {
      const { store, calls, fail } = recordingStore();
      const { strapi } = fakeStrapi();
      const invalidator = createInvalidator(
        strapi,
        () => store,
        () => undefined,
      );
      fail(2);
      await invalidator.afterWrite();
      expect(invalidator.owing()).toBe(true);
      expect(strapi.log.error).toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(500);
      expect(invalidator.owing()).toBe(true);
      await jest.advanceTimersByTimeAsync(500);
      expect(invalidator.owing()).toBe(false);
      expect(calls).toEqual(['bump', 'bump', 'bump']);
      invalidator.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the Document Service middleware', () => {
  const setup = () => {
    const afterWrite = jest.fn(async () => undefined);
    const invalidator = { afterWrite } as unknown as Invalidator;
    const middleware = createInvalidationMiddleware(() => invalidator);
    const run = (uid: string, action: string) =>
      middleware({ uid, action, params: {} } as unknown as MiddlewareContext, async () => 'result');
    return { afterWrite, run };
  };

  it.each(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone'])(
    'invalidates after %s of a delivered type, once the write has returned',
    async (action) => {
      const { afterWrite, run } = setup();
      expect(await run('api::article.article', action)).toBe('result');
      expect(afterWrite).toHaveBeenCalledTimes(1);
    },
  );

  it('leaves reads and other types alone', async () => {
    const { afterWrite, run } = setup();
    for (const action of ['findOne', 'findFirst', 'findMany', 'count']) await run('api::article.article', action);
    await run('plugin::users-permissions.user', 'update');
    expect(afterWrite).not.toHaveBeenCalled();
  });

  it('does not invalidate when the write fails', async () => {
    const afterWrite = jest.fn(async () => undefined);
    const middleware = createInvalidationMiddleware(() => ({ afterWrite }) as unknown as Invalidator);
    await expect(
      middleware({ uid: 'api::author.author', action: 'publish', params: {} } as unknown as MiddlewareContext, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(afterWrite).not.toHaveBeenCalled();
  });
});
