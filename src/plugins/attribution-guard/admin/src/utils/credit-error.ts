import type { ApiError } from './api';

/** A refused credit save, keeping the server's status and details so the form can explain it. */
export class CreditSaveError extends Error {
  readonly status: number | null;
  readonly details: ApiError['details'] & { code?: string; stories?: unknown[] };

  constructor(api: ApiError) {
    super(api.message);
    this.name = 'CreditSaveError';
    this.status = api.status;
    this.details = (api.details ?? {}) as CreditSaveError['details'];
  }
}

export interface RefusalMessage {
  id: string;
  defaultMessage: string;
  values?: Record<string, number>;
}

/**
 * The message for a 403 on saving a credit: the photo is on a published story (only editors may change
 * it), or it is someone else's file. Null for any other error, whose own message is shown.
 */
export function creditRefusal(error: unknown): RefusalMessage | null {
  if (!(error instanceof CreditSaveError) || error.status !== 403) return null;
  if (error.details?.code === 'credit.live') {
    return {
      id: 'credit.forbidden.live',
      defaultMessage:
        'This photo is on {count, plural, one {# published story} other {# published stories}}: only an editor may change its credit.',
      values: { count: Array.isArray(error.details.stories) ? error.details.stories.length : 1 },
    };
  }
  return { id: 'credit.forbidden', defaultMessage: 'You may not change the credit of this photo: it is not one of your files.' };
}
