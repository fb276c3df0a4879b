import { afterFailure, retryDelayMs } from './backoff';

const settings = { baseMs: 1000, maxMs: 60_000 };

describe('retryDelayMs', () => {
  it('doubles with each failed attempt, between half the step and the whole step', () => {
    for (const [attempts, step] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [4, 8000],
      [6, 32_000],
    ] as const) {
      expect(retryDelayMs(attempts, settings, () => 0)).toBe(step / 2);
      expect(retryDelayMs(attempts, settings, () => 1)).toBe(step);
      expect(retryDelayMs(attempts, settings, () => 0.5)).toBe(step * 0.75);
    }
  });

  it('never exceeds the maximum, however many attempts failed', () => {
    expect(retryDelayMs(7, settings, () => 1)).toBe(60_000);
    expect(retryDelayMs(10_000, settings, () => 1)).toBe(60_000);
    expect(retryDelayMs(10_000, settings, () => 0)).toBe(30_000);
  });

  it('spreads retries: different random draws give different delays inside the band', () => {
    const draws = [0.1, 0.4, 0.9].map((r) => retryDelayMs(3, settings, () => r));
    expect(new Set(draws).size).toBe(3);
    for (const d of draws) expect(d >= 2000 && d <= 4000).toBe(true);
  });

  it('treats nonsense input as the first attempt and clamps the random draw', () => {
    expect(retryDelayMs(0, settings, () => 1)).toBe(1000);
    expect(retryDelayMs(-3, settings, () => 1)).toBe(1000);
    expect(retryDelayMs(2, settings, () => 7)).toBe(2000);
    expect(retryDelayMs(2, settings, () => -1)).toBe(1000);
  });
});

describe('afterFailure', () => {
  const limits = { ...settings, maxAttempts: 3 };
  it('schedules the next attempt from now while attempts remain', () => {
    expect(afterFailure(1, 10_000, limits, () => 1)).toEqual({ status: 'pending', nextAttemptAt: 11_000 });
    expect(afterFailure(2, 10_000, limits, () => 0)).toEqual({ status: 'pending', nextAttemptAt: 11_000 });
  });
  it('gives up after the last allowed attempt', () => {
    expect(afterFailure(3, 10_000, limits)).toEqual({ status: 'failed' });
    expect(afterFailure(4, 10_000, limits)).toEqual({ status: 'failed' });
  });
});
