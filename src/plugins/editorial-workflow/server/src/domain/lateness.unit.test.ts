import { decideExpiry, decidePublish, minutesLate } from './lateness';

const at = new Date('2026-05-01T01:00:00.000Z');
const plus = (ms: number) => new Date(at.getTime() + ms);
const MIN = 60_000;

describe('decidePublish', () => {
  it('waits until the time has come', () => {
    expect(decidePublish(at, plus(-1), 60 * MIN)).toBe('wait');
    expect(decidePublish(at, plus(-30 * MIN), 60 * MIN)).toBe('wait');
  });

  it('publishes on time and while no later than the maximum lateness', () => {
    expect(decidePublish(at, at, 60 * MIN)).toBe('publish');
    expect(decidePublish(at, plus(59 * MIN), 60 * MIN)).toBe('publish');
    expect(decidePublish(at, plus(60 * MIN), 60 * MIN)).toBe('publish');
  });

  it('holds for an editor once later than that (catch-up after downtime)', () => {
    expect(decidePublish(at, plus(60 * MIN + 1), 60 * MIN)).toBe('hold');
    expect(decidePublish(at, plus(26 * 60 * MIN), 60 * MIN)).toBe('hold');
  });

  it('with zero lateness allowed, publishes only at the exact instant', () => {
    expect(decidePublish(at, at, 0)).toBe('publish');
    expect(decidePublish(at, plus(1), 0)).toBe('hold');
  });
});

describe('decideExpiry', () => {
  it('unpublishes when due, however late', () => {
    expect(decideExpiry(at, plus(-1))).toBe('wait');
    expect(decideExpiry(at, at)).toBe('unpublish');
    expect(decideExpiry(at, plus(30 * 24 * 60 * MIN))).toBe('unpublish');
  });
});

describe('minutesLate', () => {
  it('counts whole minutes, never negative', () => {
    expect(minutesLate(at, plus(90 * MIN + 59_000))).toBe(90);
    expect(minutesLate(at, plus(-5 * MIN))).toBe(0);
  });
});
