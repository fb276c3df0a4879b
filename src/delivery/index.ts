import type { Core, UID } from '@strapi/strapi';
import { registerGraphqlDelivery } from './graphql';
import { createInvalidationMiddleware, subscribeDatabaseWrites } from './invalidation';
import type { DeliveryService } from './service';

export const DELIVERY_SERVICE_UID = 'api::article.delivery';

export function getDeliveryService(strapi: Core.Strapi): DeliveryService {
  return strapi.service(DELIVERY_SERVICE_UID as UID.Service) as unknown as DeliveryService;
}

/** Register: cache invalidation on every write that can change a delivered story, and the GraphQL side. */
export function registerDelivery(strapi: Core.Strapi): void {
  const invalidator = () => getDeliveryService(strapi).invalidator;
  strapi.documents.use(createInvalidationMiddleware(invalidator));
  subscribeDatabaseWrites(strapi, invalidator);
  registerGraphqlDelivery(strapi, () => getDeliveryService(strapi));
}

/** Bootstrap: connects the cache store (Redis when REDIS_URL is set). */
export async function bootstrapDelivery(strapi: Core.Strapi): Promise<void> {
  await getDeliveryService(strapi).start();
}

export async function destroyDelivery(strapi: Core.Strapi): Promise<void> {
  await getDeliveryService(strapi).stop();
}
