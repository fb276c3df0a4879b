import type { Core } from '@strapi/strapi';
import { OUTBOX_TABLE } from '../../database/migrations/2026.12.03T00.00.00.newsroom-outbox';

export { OUTBOX_TABLE };

/**
 * The webhook outbox's rows, read in the caller's transaction when there is one (SQLite has a single
 * connection, which an open transaction holds), in the app's schema on PostgreSQL.
 */
export async function outboxRows(strapi: Core.Strapi, where: Record<string, unknown> = {}): Promise<Array<Record<string, any>>> {
  const schema = strapi.db.getSchemaName();
  return (await strapi.db.transaction(({ trx }) =>
    (schema ? trx(OUTBOX_TABLE).withSchema(schema) : trx(OUTBOX_TABLE)).select('*').where(where).orderBy('id'),
  )) as Array<Record<string, any>>;
}
