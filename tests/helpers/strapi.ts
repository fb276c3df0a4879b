import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { appDir, dropSchema, freshDatabase } from './database';

export interface TestApp {
  strapi: Core.Strapi;
  /** The HTTP server, for supertest. */
  server: Core.Strapi['server']['httpServer'];
  stop: () => Promise<void>;
}

/**
 * Boots the real, compiled app on an empty database of this test file's own;
 * the app's bootstrap seeds the demo content and the development logins as it would on a new machine.
 */
export async function startApp(name: string): Promise<TestApp> {
  await freshDatabase(name);
  const schema = process.env.DATABASE_SCHEMA;
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.server.mount();
  return {
    strapi,
    server: strapi.server.httpServer,
    stop: async () => {
      await strapi.destroy();
      await dropSchema(schema);
    },
  };
}
