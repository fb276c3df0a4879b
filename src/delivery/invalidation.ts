import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, PULL_QUOTE_UID, SOURCE_UID } from '../lib/content-types';
import type { DocumentMiddleware } from '../lib/document-middleware';
import { FILE_UID, MEDIA_CREDIT_UID } from '../plugins/attribution-guard/shared/constants';
import type { CacheStore } from './cache/store';

/** Types whose published content appears in a delivery response. */
export const DELIVERED_TYPES: ReadonlySet<string> = new Set([ARTICLE_UID, AUTHOR_UID, SOURCE_UID, PULL_QUOTE_UID]);
const READ_ACTIONS: ReadonlySet<string> = new Set(['findOne', 'findFirst', 'findMany', 'count']);

/** Longer than any publish transaction; a hold left by a crashed process lapses after this. */
const HOLD_TTL_MS = 60_000;
const RETRY_MS = 500;

export interface Invalidator {
  /**
   * After a write: invalidate now if it is committed, or hold the cache until its transaction ends.
   * `locales`: the write touched the content locales (the list or the default).
   */
  afterWrite(what?: { locales?: boolean }): Promise<void>;
  /** Resolves when every invalidation started so far has reached the store. */
  settled(): Promise<void>;
  /** Whether this process owes the store an invalidation it could not deliver (the store was unreachable). */
  owing(): boolean;
  stop(): void;
}

export function createInvalidator(strapi: Core.Strapi, store: () => CacheStore | null, onLocalesChanged: () => void): Invalidator {
  const inFlight = new Set<Promise<void>>();
  let owed = false;
  let retryTimer: NodeJS.Timeout | null = null;

  const track = (promise: Promise<void>) => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  };

  /** An invalidation the store did not take is retried until it does; meanwhile this process bypasses the cache. */
  const owe = (error: unknown) => {
    owed = true;
    strapi.log.error(
      `Delivery cache: an invalidation did not reach the cache store; retrying every ${RETRY_MS} ms. ${error instanceof Error ? error.message : String(error)}`,
    );
    if (retryTimer) return;
    retryTimer = setInterval(() => {
      const current = store();
      if (!current) return;
      current.bump().then(
        () => {
          owed = false;
          if (retryTimer) clearInterval(retryTimer);
          retryTimer = null;
          strapi.log.info('Delivery cache: the owed invalidation has reached the cache store.');
        },
        () => undefined,
      );
    }, RETRY_MS);
    retryTimer.unref();
  };

  return {
    async afterWrite(what = {}) {
      const current = store();
      if (what.locales) onLocalesChanged();
      if (!current) return;
      if (!strapi.db.inTransaction()) {
        await current.bump().catch(owe);
        return;
      }
      // Inside a transaction (the publish gate, the admin's update-and-publish, the scheduler): hold the
      // cache before the commit, release it with a new generation once the commit has happened.
      const token = randomUUID();
      try {
        await current.hold(token, HOLD_TTL_MS);
      } catch (error) {
        owe(error);
      }
      await strapi.db.transaction(async ({ onCommit, onRollback }) => {
        const release = () => {
          if (what.locales) onLocalesChanged();
          track(current.release(token).catch(owe));
        };
        onCommit(release);
        onRollback(release);
      });
    },
    async settled() {
      await Promise.all([...inFlight]);
    },
    owing: () => owed,
    stop() {
      if (retryTimer) clearInterval(retryTimer);
      retryTimer = null;
    },
  };
}

/**
 * Every write to a delivered type goes through the Document Service — REST, GraphQL, the admin,
 * `strapi.documents().publish` from the scheduler — so this one middleware sees them all, and the
 * write does not return before the cache has been invalidated (or held until its commit).
 */
export const createInvalidationMiddleware =
  (invalidator: () => Invalidator | null): DocumentMiddleware =>
  async (ctx, next) => {
    if (!DELIVERED_TYPES.has(ctx.uid) || READ_ACTIONS.has(ctx.action)) return next();
    const result = await next();
    await invalidator()?.afterWrite();
    return result;
  };

/** Writes that bypass the Document Service: media files, their stored credits, locales. */
const DB_WATCHED = [FILE_UID, MEDIA_CREDIT_UID, 'plugin::i18n.locale', 'strapi::core-store'];

export function subscribeDatabaseWrites(strapi: Core.Strapi, invalidator: () => Invalidator | null): void {
  const handler = async (event: {
    model: { uid: string };
    params?: { where?: { key?: unknown }; data?: { key?: unknown } };
    result?: { key?: unknown };
    action: string;
  }) => {
    // The core store holds many settings; only the default content locale changes a delivery response.
    if (event.model.uid === 'strapi::core-store') {
      const key = event.result?.key ?? event.params?.where?.key ?? event.params?.data?.key;
      if (typeof key !== 'string' || !key.includes('i18n')) return;
    }
    // A new upload is not in any story yet.
    if (event.model.uid === FILE_UID && event.action === 'afterCreate') return;
    await invalidator()?.afterWrite({ locales: event.model.uid === 'plugin::i18n.locale' || event.model.uid === 'strapi::core-store' });
  };
  strapi.db.lifecycles.subscribe({
    models: DB_WATCHED,
    afterCreate: handler,
    afterCreateMany: handler,
    afterUpdate: handler,
    afterUpdateMany: handler,
    afterDelete: handler,
    afterDeleteMany: handler,
  });
}
