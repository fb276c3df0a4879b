import type { Core } from '@strapi/strapi';
import { createDeliveryService } from '../../../delivery/service';

/** The delivery API's service (`api::article.delivery`): rendering, response cache, invalidation. */
export default ({ strapi }: { strapi: Core.Strapi }) => createDeliveryService(strapi);
