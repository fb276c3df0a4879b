import type { Core } from '@strapi/strapi';

/**
 * A refused publish is recorded after its transaction rolls back, so the record may still be on its
 * way when the app shuts down; the database is closed after plugins are destroyed, so wait for it here.
 */
const destroy = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await strapi.plugin('attribution-guard').service('records').settled();
};

export default destroy;
