import knexFactory, { type Knex } from 'knex';
import { up, OUTBOX_TABLE } from '../../database/migrations/2026.12.03T00.00.00.newsroom-outbox';
import {
  anyDue,
  claimDue,
  findRow,
  insertRows,
  listProblems,
  markDelivered,
  markDropped,
  markFailed,
  retryNow,
  type QueueDb,
} from './queue';

/** The outbox's claim and retry rules on a real (in-memory) SQLite, created by the migration itself. */
let knex: Knex;
let db: QueueDb;
const settings = { baseMs: 1000, maxMs: 8000, maxAttempts: 3 };
const LEASE = 5000;
const T0 = 1_800_000_000_000;

beforeEach(async () => {
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await up(knex, { getSchemaConnection: (trx) => trx.schema });
  db = { knex, client: 'sqlite' };
});
afterEach(async () => {
  await knex.destroy();
});

const add = (n: number, now = T0, webhookId = 1) =>
  insertRows(
    db,
    knex,
    Array.from({ length: n }, (_, i) => ({ eventKey: `key-${webhookId}-${i}`, event: 'workflow.published', payload: { i }, webhookId })),
    now,
  );

describe('anyDue', () => {
  it('says whether a claim would find anything, without claiming', async () => {
    expect(await anyDue(db, T0)).toBe(false);
    await add(1, T0 + 100);
    expect(await anyDue(db, T0)).toBe(false);
    expect(await anyDue(db, T0 + 100)).toBe(true);
    await claimDue(db, { worker: 'a', now: T0 + 100, leaseMs: LEASE, limit: 10 });
    expect(await anyDue(db, T0 + 101)).toBe(false);
    // A claim whose lease ran out is due again.
    expect(await anyDue(db, T0 + 100 + LEASE)).toBe(true);
  });
});

describe('claimDue', () => {
  it('hands each due row to one claimer only, and counts the attempt', async () => {
    await add(5);
    const a = await claimDue(db, { worker: 'a', now: T0, leaseMs: LEASE, limit: 3 });
    const b = await claimDue(db, { worker: 'b', now: T0, leaseMs: LEASE, limit: 3 });
    expect(a.map((r) => r.eventKey)).toEqual(['key-1-0', 'key-1-1', 'key-1-2']);
    expect(b.map((r) => r.eventKey)).toEqual(['key-1-3', 'key-1-4']);
    expect(a.every((r) => r.attempts === 1 && r.claimedBy === 'a' && r.claimedUntil === T0 + LEASE)).toBe(true);
    expect(b[0]?.payload).toEqual({ i: 3 });
    expect(await claimDue(db, { worker: 'c', now: T0 + 1, leaseMs: LEASE, limit: 10 })).toEqual([]);
  });

  it('gives a claim whose lease ran out (a dead instance) to another claimer', async () => {
    await add(1);
    await claimDue(db, { worker: 'dead', now: T0, leaseMs: LEASE, limit: 10 });
    expect(await claimDue(db, { worker: 'b', now: T0 + LEASE - 1, leaseMs: LEASE, limit: 10 })).toEqual([]);
    const again = await claimDue(db, { worker: 'b', now: T0 + LEASE, leaseMs: LEASE, limit: 10 });
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ claimedBy: 'b', attempts: 2 });
  });

  it('does not hand out delivered, failed, dropped or not-yet-due rows', async () => {
    await add(4);
    const [r0, r1, r2] = await claimDue(db, { worker: 'a', now: T0, leaseMs: LEASE, limit: 3 });
    await markDelivered(db, r0!.id, T0 + 10, 204);
    await markDropped(db, r1!.id, 'webhook deleted');
    await markFailed(db, r2!, 'a', T0 + 10, { httpStatus: 500, error: 'HTTP 500' }, settings, () => 1);
    const rest = await claimDue(db, { worker: 'b', now: T0 + 20, leaseMs: LEASE, limit: 10 });
    expect(rest.map((r) => r.eventKey)).toEqual(['key-1-3']);
    // The failed one comes back once its backoff (1 s after the first failure) is over.
    expect((await claimDue(db, { worker: 'b', now: T0 + 1009, leaseMs: LEASE, limit: 10 })).length).toBe(0);
    expect((await claimDue(db, { worker: 'b', now: T0 + 1010, leaseMs: LEASE, limit: 10 })).map((r) => r.id)).toEqual([r2!.id]);
  });

  it('takes the longest-waiting rows first', async () => {
    await add(2, T0 + 500, 2);
    await add(2, T0, 1);
    const first = await claimDue(db, { worker: 'a', now: T0 + 1000, leaseMs: LEASE, limit: 2 });
    expect(first.map((r) => r.eventKey)).toEqual(['key-1-0', 'key-1-1']);
  });
});

describe('failures, backoff and retry', () => {
  it('retries with growing delays, then leaves the delivery failed', async () => {
    await add(1);
    const delays: number[] = [];
    let now = T0;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const [row] = await claimDue(db, { worker: 'a', now, leaseMs: LEASE, limit: 1 });
      expect(row?.attempts).toBe(attempt);
      const status = await markFailed(db, row!, 'a', now, { httpStatus: 503, error: 'HTTP 503 Service Unavailable' }, settings, () => 1);
      const after = await findRow(db, row!.id);
      if (attempt < 3) {
        expect(status).toBe('pending');
        delays.push(after!.nextAttemptAt - now);
        now = after!.nextAttemptAt;
      } else {
        expect(status).toBe('failed');
      }
    }
    expect(delays).toEqual([1000, 2000]);
    const [problem] = await listProblems(db, 10);
    expect(problem).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastStatus: 503,
      lastError: 'HTTP 503 Service Unavailable',
      claimedBy: null,
    });
    expect(await claimDue(db, { worker: 'a', now: now + 1e9, leaseMs: LEASE, limit: 1 })).toEqual([]);

    expect(await retryNow(db, problem!.id, now)).toBe(true);
    const [retried] = await claimDue(db, { worker: 'b', now, leaseMs: LEASE, limit: 1 });
    expect(retried).toMatchObject({ id: problem!.id, attempts: 1, claimedBy: 'b' });
  });

  it('ignores the outcome of a claim that another instance has taken over', async () => {
    await add(1);
    const [slow] = await claimDue(db, { worker: 'slow', now: T0, leaseMs: LEASE, limit: 1 });
    const [other] = await claimDue(db, { worker: 'other', now: T0 + LEASE, leaseMs: LEASE, limit: 1 });
    await markFailed(db, slow!, 'slow', T0 + LEASE + 1, { httpStatus: null, error: 'timeout' }, settings);
    expect(await findRow(db, other!.id)).toMatchObject({ status: 'pending', claimedBy: 'other', lastError: null });
    // A success counts whoever reports it: the receiver has the event.
    await markDelivered(db, slow!.id, T0 + LEASE + 2, 200);
    expect(await findRow(db, other!.id)).toMatchObject({ status: 'delivered', deliveredAt: T0 + LEASE + 2 });
  });

  it('does not retry a delivered row, nor one being sent right now', async () => {
    await add(2);
    const [a, b] = await claimDue(db, { worker: 'a', now: T0, leaseMs: LEASE, limit: 2 });
    await markDelivered(db, a!.id, T0 + 1, 200);
    expect(await retryNow(db, a!.id, T0 + 2)).toBe(false);
    expect(await retryNow(db, b!.id, T0 + 2)).toBe(false);
    expect(await retryNow(db, 999, T0 + 2)).toBe(false);
  });

  it('keeps one row per event and receiver: the same key twice for one webhook is refused', async () => {
    await add(1);
    // Matched by its code, not as an Error: better-sqlite3 makes its errors with the class of the first
    // test file that loaded it in this worker, which another file's `instanceof Error` does not know.
    await expect(insertRows(db, knex, [{ eventKey: 'key-1-0', event: 'x', payload: {}, webhookId: 1 }], T0)).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    await insertRows(db, knex, [{ eventKey: 'key-1-0', event: 'x', payload: {}, webhookId: 2 }], T0);
    expect(await knex(OUTBOX_TABLE).count({ n: '*' })).toEqual([{ n: 2 }]);
  });
});
