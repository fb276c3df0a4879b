import type { Knex } from 'knex';

/**
 * The webhook outbox (src/outbox): one row per event and receiver, written in the transaction of the
 * change it announces and delivered by whichever instance claims it. Created by a migration rather
 * than as a content type: it is the app's own queue, not content, and needs columns and indexes the
 * claim query relies on. Strapi leaves tables it did not create alone when it syncs its schema.
 *
 * Times are epoch milliseconds (bigint) so that SQLite and PostgreSQL compare them alike.
 */
export const OUTBOX_TABLE = 'newsroom_outbox';

interface MigrationDb {
  getSchemaConnection(trx: Knex): Knex.SchemaBuilder;
}

export async function up(knex: Knex, db: MigrationDb): Promise<void> {
  const schema = db.getSchemaConnection(knex);
  if (await schema.hasTable(OUTBOX_TABLE)) return;
  await db.getSchemaConnection(knex).createTable(OUTBOX_TABLE, (table) => {
    table.increments('id');
    // The idempotency key: one per event, the same for every receiver and every attempt.
    table.string('event_key', 64).notNullable();
    table.string('event', 128).notNullable();
    table.text('payload').notNullable();
    // A Strapi webhook record (Settings → Webhooks); its URL and headers are read at delivery time.
    table.integer('webhook_id').notNullable();
    // pending → delivered, or failed (gave up; an admin may retry), or dropped (the webhook is gone).
    table.string('status', 16).notNullable().defaultTo('pending');
    table.integer('attempts').notNullable().defaultTo(0);
    table.bigInteger('next_attempt_at').notNullable();
    table.string('claimed_by', 128).nullable();
    table.bigInteger('claimed_until').nullable();
    table.integer('last_status').nullable();
    table.text('last_error').nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('delivered_at').nullable();
    table.unique(['event_key', 'webhook_id'], { indexName: 'newsroom_outbox_key_webhook' });
    table.index(['status', 'next_attempt_at'], 'newsroom_outbox_due');
  });
}

export async function down(knex: Knex, db: MigrationDb): Promise<void> {
  await db.getSchemaConnection(knex).dropTableIfExists(OUTBOX_TABLE);
}
