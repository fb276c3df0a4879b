import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Lets a sweep in progress finish its current entries before the database connection goes away. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'scheduler').idle();
};

export default destroy;
