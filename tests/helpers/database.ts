import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { removeSqliteDatabase } from '../../scripts/lib/sqlite-file';

export const appDir = path.resolve(__dirname, '../..');
export const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

const pgConfig = () => ({
  connectionString: process.env.DATABASE_URL,
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  database: process.env.DATABASE_NAME ?? 'test',
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
});

async function withPg<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(pgConfig());
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const runId = () => (process.env.TEST_RUN_ID ?? 'local').toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Gives the calling test file an empty database of its own: a fresh SQLite file per file,
 * or a fresh PostgreSQL schema named after the run and the file.
 */
export async function freshDatabase(name: string): Promise<void> {
  const safe = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  if (isPostgres()) {
    const schema = `t_${runId()}_${safe}`;
    await withPg(async (client) => {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.query(`CREATE SCHEMA "${schema}"`);
    });
    process.env.DATABASE_SCHEMA = schema;
  } else {
    const file = `.tmp/test-${safe}-${process.env.JEST_WORKER_ID ?? '0'}.db`;
    fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
    removeSqliteDatabase(file);
    // Relative on purpose: the database config resolves it against the app folder.
    process.env.DATABASE_FILENAME = file;
  }
}

/** Removes a test file's SQLite database and its journal files, so a run leaves nothing in `.tmp/`. */
export function removeSqliteFile(file: string | undefined): void {
  if (isPostgres() || !file || !path.basename(file).startsWith('test-')) return;
  removeSqliteDatabase(file);
}

export async function dropSchema(schema: string | undefined): Promise<void> {
  if (!isPostgres() || !schema) return;
  await withPg((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/** Drops every schema this run made (a file that crashed before its own teardown leaves one behind). */
export async function dropRunSchemas(): Promise<void> {
  if (!isPostgres()) return;
  await withPg(async (client) => {
    const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [
      `t\\_${runId()}\\_%`,
    ]);
    for (const row of rows) await client.query(`DROP SCHEMA IF EXISTS "${row.nspname}" CASCADE`);
  });
}
