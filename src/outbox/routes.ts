import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { registerNewsroomRoutes } from '../lib/newsroom-routes';
import { countProblems, findRow, listProblems, retryNow, type OutboxRow } from './queue';
import type { Outbox } from './service';
import type { DeliveriesAnswer, DeliveryView } from './contract';
import { failureReason } from './failure-reason';

const LIST_LIMIT = 200;

/**
 * Failed deliveries are for Super Admins only — they show every receiver's URL and error — checked
 * here against the user's roles as stored, whatever the admin panel shows or hides.
 */
function assertSuperAdmin(strapi: Core.Strapi, ctx: Context): void {
  // The admin auth strategy has loaded the user with its roles for this request.
  if (!strapi.service('admin::role').hasSuperAdminRole(ctx.state.user))
    throw new errors.PolicyError('Only a Super Admin may see and retry webhook deliveries.');
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const str = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * `GET /newsroom/outbox/deliveries`: deliveries that failed for good and those being retried, newest
 * first, with counts. `POST /newsroom/outbox/deliveries/:id/retry`: sends one again now, with a fresh
 * set of attempts (404 when there is none such, 409 when it was delivered or is being sent).
 */
export function registerOutboxRoutes(strapi: Core.Strapi, outbox: Outbox): void {
  const webhooks = async () => {
    const rows = (await strapi.db.query('strapi::webhook').findMany({ select: ['id', 'name', 'url'] })) as Array<{
      id: number;
      name?: unknown;
      url?: unknown;
    }>;
    return new Map(rows.map((w) => [Number(w.id), { name: str(w.name), url: str(w.url) }]));
  };
  const view = (row: OutboxRow, hooks: Map<number, { name: string | null; url: string | null }>): DeliveryView => ({
    id: row.id,
    event: row.event,
    idempotencyKey: row.eventKey,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    reason: failureReason(row.lastStatus, row.lastError),
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    createdAt: iso(row.createdAt) ?? '',
    documentId: str(row.payload.documentId),
    locale: str(row.payload.locale),
    webhook: { id: row.webhookId, ...(hooks.get(row.webhookId) ?? { name: null, url: null }) },
  });

  registerNewsroomRoutes(strapi, [
    {
      method: 'GET',
      path: '/outbox/deliveries',
      handler: async (ctx: Context) => {
        assertSuperAdmin(strapi, ctx);
        const db = outbox.queueDb();
        const [rows, counts, hooks] = await Promise.all([listProblems(db, LIST_LIMIT), countProblems(db), webhooks()]);
        const body: DeliveriesAnswer = { data: rows.map((row) => view(row, hooks)), meta: counts };
        ctx.body = body;
      },
    },
    {
      method: 'POST',
      path: '/outbox/deliveries/:id/retry',
      handler: async (ctx: Context) => {
        assertSuperAdmin(strapi, ctx);
        const id = Number(ctx.params.id);
        // The column is a 32-bit integer: a larger id names no delivery and must not reach the database.
        if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647)
          throw new errors.ValidationError('The delivery id must be a positive whole number.', {
            errors: [{ path: ['id'], message: 'The delivery id must be a positive whole number.', name: 'ValidationError' }],
          });
        const db = outbox.queueDb();
        if (!(await findRow(db, id))) throw new errors.NotFoundError(`No webhook delivery ${id}.`);
        if (!(await retryNow(db, id, Date.now()))) {
          ctx.status = 409;
          ctx.body = {
            data: null,
            error: {
              status: 409,
              name: 'ConflictError',
              message: `Delivery ${id} was delivered, or is being sent right now: there is nothing to retry.`,
              details: {},
            },
          };
          return;
        }
        void outbox.drain();
        const row = await findRow(db, id);
        ctx.body = { data: row ? view(row, await webhooks()) : null };
      },
    },
  ]);
}
