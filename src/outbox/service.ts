import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { OutboxConfig } from './config';
import { deliveryRequest, send, type WebhookTarget } from './delivery';
import { failureText } from './failure-reason';
import { anyDue, claimDue, insertRows, markDelivered, markDropped, markFailed, type OutboxRow, type QueueDb } from './queue';

interface WebhookStore {
  findWebhooks(): Promise<WebhookTarget[]>;
  findWebhook(id: string | number): Promise<WebhookTarget | null>;
}

export interface Outbox {
  /** This instance's name in the claims it makes. */
  worker: string;
  /** The settings it was made with (config/outbox.ts, checked at start). */
  config: OutboxConfig;
  /** Stores `event` for every enabled webhook subscribed to it, in the caller's transaction (or a new one). */
  enqueue(event: string, payload: Record<string, unknown>): Promise<void>;
  /** Claims and delivers what is due, until nothing is. Runs one pass at a time per instance. */
  drain(): Promise<void>;
  /** Polls every `pollMs` and delivers at once after a local commit. */
  start(): void;
  /** Stops polling and waits for the deliveries under way, so nothing is cut off mid-write. */
  stop(): Promise<void>;
  queueDb(): QueueDb;
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The durable outbox of the newsroom's webhook events. An event is written to `newsroom_outbox` in the
 * transaction of the change it announces — one row per subscribed webhook record, sharing one
 * idempotency key — so it exists exactly when the change does. Every instance then claims due rows
 * (see queue.ts) and POSTs them to the webhook's URL with its headers: at least once, retried with
 * exponential backoff, and left failed for a Super Admin to see and retry after `maxAttempts`.
 * Strapi's in-memory webhook runner never sees these events, so it cannot send them a second time.
 */
export function createOutbox(strapi: Core.Strapi, config: OutboxConfig): Outbox {
  const worker = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const store = () => strapi.get('webhookStore') as unknown as WebhookStore;
  const queueDb = (): QueueDb => ({
    knex: strapi.db.connection as unknown as Knex,
    client: strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite',
    schema: strapi.db.getSchemaName() ?? null,
  });

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  const deliver = async (row: OutboxRow, webhooks: Map<number, Promise<WebhookTarget | null>>) => {
    const db = queueDb();
    if (!webhooks.has(row.webhookId)) webhooks.set(row.webhookId, store().findWebhook(row.webhookId));
    const webhook = await webhooks.get(row.webhookId);
    if (!webhook) return markDropped(db, row.id, failureText({ code: 'webhook-deleted' }));
    if (!webhook.isEnabled) return markDropped(db, row.id, failureText({ code: 'webhook-disabled' }));
    const outcome = await send(deliveryRequest(row, webhook), config.timeoutMs);
    if (outcome.ok) return markDelivered(db, row.id, Date.now(), outcome.status);
    const status = await markFailed(
      db,
      row,
      worker,
      Date.now(),
      { httpStatus: outcome.status, error: outcome.error },
      { ...config.backoff, maxAttempts: config.maxAttempts },
    );
    const line = `outbox: ${row.event} (${row.eventKey}) to webhook ${row.webhookId}, attempt ${row.attempts}: ${outcome.error}`;
    if (status === 'failed')
      strapi.log.error(`${line} Gave up after ${row.attempts} attempts; Settings → Webhook deliveries can retry it.`);
    else strapi.log.warn(`${line} Trying again later.`);
  };

  const pass = async () => {
    for (;;) {
      again = false;
      if (!(await anyDue(queueDb(), Date.now()))) return;
      const rows = await claimDue(queueDb(), { worker, now: Date.now(), leaseMs: config.leaseMs, limit: config.batchSize });
      const webhooks = new Map<number, Promise<WebhookTarget | null>>();
      await mapLimit(rows, config.concurrency, (row) =>
        deliver(row, webhooks).catch((error: unknown) => {
          // The claim runs out and the row is tried again; the database may be what failed.
          strapi.log.error(
            `outbox: could not deliver ${row.event} (${row.eventKey}): ${error instanceof Error ? error.message : String(error)}`,
          );
        }),
      );
      if (stopped || (rows.length < config.batchSize && !again)) return;
    }
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void outbox.drain(), ms);
    timer.unref?.();
  };

  const outbox: Outbox = {
    worker,
    config,
    queueDb,

    async enqueue(event, payload) {
      await strapi.db.transaction(async ({ trx, onCommit }) => {
        const targets = (await store().findWebhooks()).filter((w) => w.isEnabled && Array.isArray(w.events) && w.events.includes(event));
        if (targets.length === 0) return;
        const eventKey = randomUUID();
        await insertRows(
          queueDb(),
          trx as unknown as Knex,
          targets.map((w) => ({ eventKey, event, payload, webhookId: Number(w.id) })),
          Date.now(),
        );
        // Sent as soon as the change commits, by this instance, rather than at the next poll.
        onCommit(() => {
          if (running) again = true;
          else schedule(0);
        });
      });
    },

    drain() {
      // An instance that does not deliver (OUTBOX_WORKER=false, or stopping) never claims, whoever asks.
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = pass()
        .catch((error: unknown) => {
          strapi.log.error(`outbox: claiming deliveries failed: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => {
          running = null;
          schedule(again ? 0 : config.pollMs);
        });
      return running;
    },

    start() {
      stopped = false;
      schedule(0);
    },

    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
  return outbox;
}
