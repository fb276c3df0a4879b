import type { OutboxRow } from './queue';

import { failureText } from './failure-reason';

/** A Strapi webhook record as `webhookStore.findWebhook` returns it (Settings → Webhooks). */
export interface WebhookTarget {
  id: number;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

/** The header a receiver de-duplicates by: the same for every attempt and every receiver of one event. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The request for one attempt. The body is Strapi's webhook shape (`{ event, createdAt, …payload }`),
 * so receivers written for Strapi's webhooks read it as before, plus `idempotencyKey`; the key is also
 * in the `Idempotency-Key` header, and `X-Strapi-Event` names the event as Strapi's runner does. The
 * webhook's own headers (a shared secret, say) are sent as configured, but cannot replace ours.
 */
export function deliveryRequest(
  row: Pick<OutboxRow, 'event' | 'eventKey' | 'payload' | 'createdAt' | 'attempts'>,
  webhook: Pick<WebhookTarget, 'url' | 'headers'>,
): DeliveryRequest {
  const own: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Strapi-Event': row.event,
    [IDEMPOTENCY_HEADER]: row.eventKey,
    'X-Newsroom-Attempt': String(row.attempts),
  };
  const reserved = new Set(Object.keys(own).map((name) => name.toLowerCase()));
  const configured = Object.fromEntries(
    Object.entries(webhook.headers ?? {}).filter(([name, value]) => typeof value === 'string' && !reserved.has(name.toLowerCase())),
  );
  return {
    url: webhook.url,
    headers: { ...configured, ...own },
    body: JSON.stringify({
      ...row.payload,
      event: row.event,
      createdAt: new Date(row.createdAt).toISOString(),
      idempotencyKey: row.eventKey,
    }),
  };
}

export type DeliveryOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** One attempt: a 2xx answer within the time limit is a delivery; anything else is a failure to retry. */
export async function send(request: DeliveryRequest, timeoutMs: number): Promise<DeliveryOutcome> {
  try {
    const res = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    // The body is never read: cancelling it frees the connection without holding a receiver's large answer in memory.
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return {
      ok: false,
      status: res.status,
      error: failureText({ code: 'http-status', status: res.status, statusText: res.statusText }),
    };
  } catch (error) {
    // Duck-typed: fetch's errors may come from another realm (a test VM), where instanceof fails.
    const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: { message?: unknown; code?: unknown } };
    if (name === 'TimeoutError' || name === 'AbortError')
      return { ok: false, status: null, error: failureText({ code: 'timeout', ms: timeoutMs }) };
    const why = [message, cause?.code ?? cause?.message]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join(': ');
    return { ok: false, status: null, error: failureText({ code: 'unreachable', detail: why || String(error) }) };
  }
}
