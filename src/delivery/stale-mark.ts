import type { Core } from '@strapi/strapi';
import { getDeliveryService } from './index';

/**
 * A database migration that changes delivered rows runs before the app (and its cache) is up, and
 * a Redis cache outlives the restart, so the migration leaves this mark in the core store and the
 * app moves the cache to a new generation at start, before serving anything, then clears the mark.
 */
export const STALE_MARK_KEY = 'delivery-stale';

export async function invalidateIfMarkedStale(strapi: Core.Strapi): Promise<boolean> {
  const store = strapi.store({ type: 'core', name: 'newsroom' });
  const mark: unknown = await store.get({ key: STALE_MARK_KEY });
  if (!mark) return false;
  const invalidator = getDeliveryService(strapi).invalidator;
  await invalidator.afterWrite();
  await invalidator.settled();
  await store.delete({ key: STALE_MARK_KEY });
  strapi.log.info(`Delivery cache: invalidated after a migration changed delivered content (${JSON.stringify(mark)}).`);
  return true;
}
