import type { Knex } from 'knex';
import { OUTBOX_TABLE } from '../../database/migrations/2026.12.03T00.00.00.newsroom-outbox';
import { afterFailure, type BackoffSettings } from './backoff';
import type { DeliveryStatus } from './contract';

/**
 * The outbox table's queries, over plain Knex so they run the same in the app (Strapi's connection
 * or its open transaction) and in the unit tests (an in-memory SQLite). Each is one statement: a
 * claim can never be half-made, whoever runs it and whenever the process dies.
 */
export interface QueueDb {
  knex: Knex;
  client: 'postgres' | 'sqlite';
  /** The PostgreSQL schema the app's tables are in, when it is not the default one. */
  schema?: string | null;
}

export type OutboxStatus = DeliveryStatus;

export interface OutboxRow {
  id: number;
  eventKey: string;
  event: string;
  payload: Record<string, unknown>;
  webhookId: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  claimedBy: string | null;
  claimedUntil: number | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

export interface NewOutboxRow {
  eventKey: string;
  event: string;
  payload: Record<string, unknown>;
  webhookId: number;
}

const STATUSES: readonly OutboxStatus[] = ['pending', 'delivered', 'failed', 'dropped'];

/** `schema.table` for Knex's identifier bindings (`??`), which quote each part. */
const tableName = (db: QueueDb) => (db.schema ? `${db.schema}.${OUTBOX_TABLE}` : OUTBOX_TABLE);
const builder = (db: QueueDb, knex: Knex = db.knex) => (db.schema ? knex(OUTBOX_TABLE).withSchema(db.schema) : knex(OUTBOX_TABLE));

// PostgreSQL hands bigint back as text, SQLite as a number.
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function parsePayload(value: unknown): Record<string, unknown> {
  if (value && typeof value === 'object') return value as Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(String(value));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toOutboxRow(raw: Record<string, unknown>): OutboxRow {
  const status = String(raw.status) as OutboxStatus;
  return {
    id: Number(raw.id),
    eventKey: String(raw.event_key),
    event: String(raw.event),
    payload: parsePayload(raw.payload),
    webhookId: Number(raw.webhook_id),
    status: STATUSES.includes(status) ? status : 'pending',
    attempts: Number(raw.attempts ?? 0),
    nextAttemptAt: num(raw.next_attempt_at) ?? 0,
    claimedBy: typeof raw.claimed_by === 'string' ? raw.claimed_by : null,
    claimedUntil: num(raw.claimed_until),
    lastStatus: num(raw.last_status),
    lastError: typeof raw.last_error === 'string' ? raw.last_error : null,
    createdAt: num(raw.created_at) ?? 0,
    deliveredAt: num(raw.delivered_at),
  };
}

const rowsOf = (result: unknown): Array<Record<string, unknown>> => {
  if (Array.isArray(result)) return result as Array<Record<string, unknown>>;
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as Array<Record<string, unknown>>) : [];
};

/** Writes events with `trx` — the transaction of the change they announce, so both commit or neither. */
export async function insertRows(db: QueueDb, trx: Knex, rows: NewOutboxRow[], now: number): Promise<void> {
  if (rows.length === 0) return;
  await builder(db, trx).insert(
    rows.map((row) => ({
      event_key: row.eventKey,
      event: row.event,
      payload: JSON.stringify(row.payload),
      webhook_id: row.webhookId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })),
  );
}

/**
 * Whether any delivery is due: a read, so an idle instance polls without writing. On SQLite every
 * instance shares one file and a write takes its lock, which an idle poll has no reason to take.
 */
export async function anyDue(db: QueueDb, now: number): Promise<boolean> {
  const row = await builder(db)
    .select('id')
    .where({ status: 'pending' })
    .andWhere('next_attempt_at', '<=', now)
    .andWhere((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<=', now))
    .first();
  return row !== undefined;
}

/**
 * Claims up to `limit` due deliveries for `worker` until `now + leaseMs`, and counts the attempt.
 * A row is due when it is pending, its next attempt has come, and no live claim holds it; a claim
 * whose lease ran out (its instance died, or hung) is due again, which is what makes delivery
 * at-least-once. PostgreSQL: the rows are locked `FOR UPDATE SKIP LOCKED`, so concurrent claimers
 * on any instance take disjoint rows without waiting for each other (and a row another claimer has
 * just taken is re-checked against its new lease). SQLite: the one statement runs alone (a single
 * writer), so no two claims can overlap.
 */
export async function claimDue(
  db: QueueDb,
  { worker, now, leaseMs, limit }: { worker: string; now: number; leaseMs: number; limit: number },
): Promise<OutboxRow[]> {
  const lock = db.client === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const table = tableName(db);
  const result = await db.knex.raw(
    `UPDATE ?? SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM ?? WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
       ORDER BY next_attempt_at, id LIMIT ?${lock}
     )
     RETURNING *`,
    [table, worker, now + leaseMs, table, now, now, limit],
  );
  return rowsOf(result)
    .map(toOutboxRow)
    .sort((a, b) => a.id - b.id);
}

/** A delivery the receiver accepted. Recorded whoever holds the claim now: it has been delivered. */
export async function markDelivered(db: QueueDb, id: number, now: number, httpStatus: number): Promise<void> {
  await builder(db)
    .where({ id, status: 'pending' })
    .update({ status: 'delivered', delivered_at: now, last_status: httpStatus, last_error: null, claimed_by: null, claimed_until: null });
}

/**
 * A failed attempt: tried again after the backoff, or, past the last attempt, left failed for an
 * admin. Only while this worker still holds the claim — if its lease ran out, another instance has
 * the row now and decides.
 */
export async function markFailed(
  db: QueueDb,
  row: Pick<OutboxRow, 'id' | 'attempts'>,
  worker: string,
  now: number,
  failure: { httpStatus: number | null; error: string },
  settings: BackoffSettings & { maxAttempts: number },
  random?: () => number,
): Promise<OutboxStatus> {
  const next = afterFailure(row.attempts, now, settings, random);
  await builder(db)
    .where({ id: row.id, status: 'pending', claimed_by: worker })
    .update({
      status: next.status,
      ...(next.status === 'pending' ? { next_attempt_at: next.nextAttemptAt } : {}),
      last_status: failure.httpStatus,
      last_error: failure.error.slice(0, 2000),
      claimed_by: null,
      claimed_until: null,
    });
  return next.status;
}

/** A delivery whose webhook was deleted or disabled: nobody to send it to. */
export async function markDropped(db: QueueDb, id: number, reason: string): Promise<void> {
  await builder(db)
    .where({ id, status: 'pending' })
    .update({ status: 'dropped', last_error: reason, claimed_by: null, claimed_until: null });
}

/** Deliveries that failed for good, and pending ones whose last attempt failed (still being retried), newest first. */
export async function listProblems(db: QueueDb, limit: number): Promise<OutboxRow[]> {
  const rows = await builder(db)
    .where((q) => q.where('status', 'failed').orWhere((p) => p.where('status', 'pending').whereNotNull('last_error')))
    .orderBy('id', 'desc')
    .limit(limit);
  return (rows as Array<Record<string, unknown>>).map(toOutboxRow);
}

export async function countProblems(db: QueueDb): Promise<{ failed: number; retrying: number }> {
  const rows = (await builder(db)
    .select('status')
    .count({ n: '*' })
    .where('status', 'failed')
    .orWhere((p) => p.where('status', 'pending').whereNotNull('last_error'))
    .groupBy('status')) as Array<{ status: string; n: unknown }>;
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { failed: of('failed'), retrying: of('pending') };
}

/**
 * Sends a failed (or retrying) delivery again now, with a fresh set of attempts. Returns false when
 * there is no such row, it was delivered meanwhile, or an attempt is under way.
 */
export async function retryNow(db: QueueDb, id: number, now: number): Promise<boolean> {
  const changed = await builder(db)
    .where({ id })
    .whereIn('status', ['failed', 'pending'])
    // Not while an instance is sending it: that attempt decides first.
    .where((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<=', now))
    .update({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_by: null, claimed_until: null });
  return Number(changed) > 0;
}

export async function findRow(db: QueueDb, id: number): Promise<OutboxRow | null> {
  const raw = (await builder(db).where({ id }).first()) as Record<string, unknown> | undefined;
  return raw ? toOutboxRow(raw) : null;
}
