/**
 * Why a delivery attempt failed, as data: the outbox stores one English sentence per failure (for
 * logs and the database), and the deliveries page shows the same reason in the admin's language.
 * The sentences are written and read back here only, so the two cannot drift apart.
 */
export type FailureReason =
  | { code: 'http-status'; status: number; statusText: string }
  | { code: 'timeout'; ms: number }
  | { code: 'unreachable'; detail: string }
  | { code: 'webhook-deleted' }
  | { code: 'webhook-disabled' }
  | { code: 'other'; text: string };

const WEBHOOK_DELETED = 'The webhook was deleted before the event could be delivered.';
const WEBHOOK_DISABLED = 'The webhook was disabled before the event could be delivered.';

/** The stored English sentence of a reason. */
export function failureText(reason: FailureReason): string {
  switch (reason.code) {
    case 'http-status':
      return `The receiver answered HTTP ${reason.status}${reason.statusText ? ` ${reason.statusText}` : ''}.`;
    case 'timeout':
      return `The receiver did not answer within ${reason.ms} ms.`;
    case 'unreachable':
      return `Could not reach the receiver (${reason.detail}).`;
    case 'webhook-deleted':
      return WEBHOOK_DELETED;
    case 'webhook-disabled':
      return WEBHOOK_DISABLED;
    case 'other':
      return reason.text;
  }
}

/** The reason a stored sentence says, or null when there was none; a sentence of another shape is kept as it is. */
export function failureReason(lastStatus: number | null, text: string | null): FailureReason | null {
  if (text === null || text === '') return null;
  const http = /^The receiver answered HTTP (\d{3})(?: (.*))?\.$/su.exec(text);
  if (http && lastStatus !== null && Number(http[1]) === lastStatus)
    return { code: 'http-status', status: lastStatus, statusText: http[2] ?? '' };
  const timeout = /^The receiver did not answer within (\d+) ms\.$/u.exec(text);
  if (timeout) return { code: 'timeout', ms: Number(timeout[1]) };
  const unreachable = /^Could not reach the receiver \((.*)\)\.$/su.exec(text);
  if (unreachable) return { code: 'unreachable', detail: unreachable[1] ?? '' };
  if (text === WEBHOOK_DELETED) return { code: 'webhook-deleted' };
  if (text === WEBHOOK_DISABLED) return { code: 'webhook-disabled' };
  return { code: 'other', text };
}
