import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { appDir, dropSchema, freshDatabase, removeSqliteFile } from './database';

export interface TestApp {
  strapi: Core.Strapi;
  /** The HTTP server, for supertest. */
  server: Core.Strapi['server']['httpServer'];
  /** Shuts the app down; `keepDatabase` leaves the data for a restart test. */
  stop: (options?: { keepDatabase?: boolean }) => Promise<void>;
}

/**
 * Boots the real, compiled app on an empty database of this test file's own;
 * the app's bootstrap seeds the demo content and the development logins as it would on a new machine.
 */
export async function startApp(name: string, options: { reuseDatabase?: boolean } = {}): Promise<TestApp> {
  if (!options.reuseDatabase) await freshDatabase(name);
  const schema = process.env.DATABASE_SCHEMA;
  const file = process.env.DATABASE_FILENAME;
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.server.mount();
  return {
    strapi,
    server: strapi.server.httpServer,
    stop: async ({ keepDatabase = false } = {}) => {
      await strapi.destroy();
      if (keepDatabase) return;
      await dropSchema(schema);
      removeSqliteFile(file);
    },
  };
}

/** A full-access API token, as a trusted back-office client would use for writes. */
export async function fullAccessToken(strapi: Core.Strapi): Promise<string> {
  const token = await strapi
    .service('admin::api-token')
    .create({ name: `test-${Date.now()}`, type: 'full-access', lifespan: null, description: 'tests' });
  return token.accessKey as string;
}

/** Logs a development admin user in over the admin API and returns the admin JWT. */
export async function adminJwt(server: TestApp['server'], email: string, password: string): Promise<string> {
  const supertest = (await import('supertest')).default;
  const res = await supertest(server).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
}
