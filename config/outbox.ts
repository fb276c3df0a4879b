import type { Core } from '@strapi/strapi';
/**
 * The webhook outbox (src/outbox): newsroom events are written in the transaction of the change and
 * delivered by whichever instance claims them, at least once, with retries. Checked at start-up by
 * src/outbox/config.ts.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Off only for an instance that should never deliver (every instance delivers by default).
  worker: env.bool('OUTBOX_WORKER', true),
  // How often an idle instance looks for due deliveries; a change made on this instance is sent at once.
  pollMs: env.int('OUTBOX_POLL_MS', 1000),
  batchSize: env.int('OUTBOX_BATCH', 20),
  concurrency: env.int('OUTBOX_CONCURRENCY', 4),
  // A receiver that has not answered by then counts as failed for this attempt.
  timeoutMs: env.int('OUTBOX_TIMEOUT_MS', 10000),
  // How long a claim holds: an instance that dies mid-delivery leaves its claims to others after this.
  leaseMs: env.int('OUTBOX_LEASE_MS', 60000),
  backoff: {
    baseMs: env.int('OUTBOX_BACKOFF_BASE_MS', 5000),
    maxMs: env.int('OUTBOX_BACKOFF_MAX_MS', 3600000),
  },
  // After this many failed attempts a delivery is shown as failed (Settings → Webhook deliveries) and waits for a retry.
  maxAttempts: env.int('OUTBOX_MAX_ATTEMPTS', 12),
});
