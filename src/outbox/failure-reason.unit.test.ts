import { failureReason, failureText, type FailureReason } from './failure-reason';

describe('a delivery failure', () => {
  it.each<[FailureReason, number | null]>([
    [{ code: 'http-status', status: 503, statusText: 'Service Unavailable' }, 503],
    [{ code: 'http-status', status: 418, statusText: '' }, 418],
    [{ code: 'timeout', ms: 10000 }, null],
    [{ code: 'unreachable', detail: 'fetch failed: ENOTFOUND (a) b' }, null],
    [{ code: 'webhook-deleted' }, null],
    [{ code: 'webhook-disabled' }, null],
  ])('is read back from the sentence stored for it: %j', (reason, status) => {
    expect(failureReason(status, failureText(reason))).toEqual(reason);
  });

  it('of another shape is shown as written, and no sentence is no reason', () => {
    expect(failureReason(null, 'Something else went wrong.')).toEqual({ code: 'other', text: 'Something else went wrong.' });
    // A status sentence whose code is not the stored status is not trusted as one.
    expect(failureReason(500, 'The receiver answered HTTP 503.')).toEqual({ code: 'other', text: 'The receiver answered HTTP 503.' });
    expect(failureReason(null, null)).toBeNull();
    expect(failureReason(null, '')).toBeNull();
  });
});
