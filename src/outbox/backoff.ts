/**
 * When a failed delivery is tried again: exponential backoff (base, 2×base, 4×base … up to max) with
 * "equal jitter" — half the delay fixed, half random — so that the receivers' outage does not end
 * with every instance retrying every event in the same instant, yet no retry comes sooner than half
 * its step.
 */
export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
}

/** The delay before the next attempt, after `attempts` failed ones (1 = the first failed). */
export function retryDelayMs(attempts: number, settings: BackoffSettings, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.floor(attempts) - 1);
  // 2^exponent overflows to Infinity long before it matters; min() caps it.
  const step = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(exponent, 52));
  const half = step / 2;
  return Math.round(half + half * Math.min(Math.max(random(), 0), 1));
}

export type AfterFailure = { status: 'pending'; nextAttemptAt: number } | { status: 'failed' };

/** What a failed attempt leaves: another try later, or, past `maxAttempts`, a failure for an admin to see. */
export function afterFailure(
  attempts: number,
  now: number,
  settings: BackoffSettings & { maxAttempts: number },
  random?: () => number,
): AfterFailure {
  if (attempts >= settings.maxAttempts) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: now + retryDelayMs(attempts, settings, random) };
}
