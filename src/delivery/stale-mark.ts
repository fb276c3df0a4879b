import type { Core } from '@strapi/strapi';
import { getDeliveryService } from './index';
import { STALE_MARK } from '../../database/migrations/2026.12.20T00.00.00.shared-facts-across-locales';

/**
 * A database migration that changes delivered rows runs before the app (and its cache) is up, and
 * a Redis cache outlives the restart, so the migration leaves this mark in the core store and the
 * app moves the cache to a new generation at start, before serving anything, then clears the mark.
 */
export async function invalidateIfMarkedStale(strapi: Core.Strapi): Promise<boolean> {
  const store = strapi.store({ type: 'core', name: STALE_MARK.name });
  const mark: unknown = await store.get({ key: STALE_MARK.key });
  if (!mark) return false;
  const invalidator = getDeliveryService(strapi).invalidator;
  // Outside a transaction this waits for the store; one it could not reach keeps the mark for the next start.
  await invalidator.afterWrite();
  if (invalidator.owing()) return false;
  await store.delete({ key: STALE_MARK.key });
  strapi.log.info(`Delivery cache: invalidated after a migration changed delivered content (${JSON.stringify(mark)}).`);
  return true;
}
