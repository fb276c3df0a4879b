/**
 * What `GET /newsroom/outbox/deliveries` answers (src/outbox/routes.ts) and the settings page shows
 * (src/admin/outbox): types only, so the admin bundle imports nothing from the server.
 */
import type { FailureReason } from './failure-reason';

export type { FailureReason };
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface DeliveryView {
  id: number;
  event: string;
  idempotencyKey: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  /** The last failure as stored (English, as in the logs)… */
  lastError: string | null;
  /** …and as data, which the page shows in the admin's language. */
  reason: FailureReason | null;
  /** For a delivery still being retried: when the next attempt is due. */
  nextAttemptAt: string | null;
  createdAt: string;
  documentId: string | null;
  locale: string | null;
  webhook: { id: number; name: string | null; url: string | null };
}

export interface DeliveriesAnswer {
  data: DeliveryView[];
  meta: { failed: number; retrying: number };
}
