import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { appRoot } from '../src/lib/app-root';

/**
 * SQLite in `.tmp/data.db` unless DATABASE_CLIENT=postgres.
 * PostgreSQL takes DATABASE_URL or DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD, and an optional
 * DATABASE_SCHEMA (the tests give each run its own schema).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  // The app's migrations are TypeScript (database/migrations), run from their compiled copies in dist/.
  const settings = { useTypescriptMigrations: true };

  if (client === 'postgres') {
    const schema = env('DATABASE_SCHEMA', 'public');
    const connectionString = env('DATABASE_URL');
    return {
      settings,
      connection: {
        client: 'postgres',
        connection: connectionString
          ? { connectionString, schema }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'test'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) },
              schema,
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}".`);
  }

  return {
    settings,
    connection: {
      client: 'sqlite',
      connection: {
        // Relative paths are resolved against the app folder, so tests can use `.tmp/test-<worker>.db`.
        filename: path.resolve(appRoot(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };
};
