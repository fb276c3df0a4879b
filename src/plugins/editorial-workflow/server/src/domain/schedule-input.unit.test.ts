import { checkWhen, isPlausibleInstant, validateSchedule } from './schedule-input';

const now = new Date('2026-12-02T00:00:00Z');
const check = (input: Parameters<typeof validateSchedule>[0]) => validateSchedule(input, { now, zone: 'Asia/Shanghai' });
const paths = (input: Parameters<typeof validateSchedule>[0]) => {
  const result = check(input);
  return result.ok ? [] : result.issues.map((i) => i.path);
};

describe('validateSchedule', () => {
  it('accepts times to come within ten years, read in the zone', () => {
    const result = check({ publishAt: '2027-01-01T09:00', unpublishAt: '2027-02-01T09:00' });
    expect(result.ok && result.times.publishAt?.toISOString()).toBe('2027-01-01T01:00:00.000Z');
    expect(result.ok && result.times.zone).toBe('Asia/Shanghai');
  });

  it('keeps undefined (leave) and null (clear) apart', () => {
    const result = check({ publishAt: null });
    expect(result.ok && result.times).toEqual({ zone: 'Asia/Shanghai', publishAt: null, unpublishAt: undefined });
  });

  it('refuses the far future, the past and a Date at its limit', () => {
    expect(paths({ publishAt: '+275760-09-13T00:00:00Z' })).toEqual(['publishAt']);
    expect(paths({ publishAt: '2037-01-01T00:00:00Z' })).toEqual(['publishAt']);
    expect(paths({ publishAt: '2026-12-01T00:00:00Z' })).toEqual(['publishAt']);
    expect(paths({ unpublishAt: '9999-12-31T23:59' })).toEqual(['unpublishAt']);
  });

  it('reports every bad field at once, and an end before the start', () => {
    expect(paths({ publishAt: 'soon', unpublishAt: '+275760-09-13T00:00:00Z' })).toEqual(['publishAt', 'unpublishAt']);
    expect(paths({ publishAt: '2027-02-01T00:00:00Z', unpublishAt: '2027-01-01T00:00:00Z' })).toEqual(['unpublishAt']);
    expect(paths({ publishAt: '2027-02-01T00:00:00Z', unpublishAt: '2027-02-01T00:00:00Z' })).toEqual(['unpublishAt']);
  });

  it('refuses zones that are not IANA names', () => {
    for (const timezone of ['Mars/Olympus', '+08:00', '', 'UTC; DROP', 'a'.repeat(100)])
      expect(paths({ publishAt: '2027-01-01T09:00', timezone })).toEqual(['timezone']);
    expect(paths({ publishAt: '2027-01-01T09:00', timezone: 'America/New_York' })).toEqual([]);
  });
});

describe('checkWhen and isPlausibleInstant', () => {
  it('knows a window of a year back and ten ahead', () => {
    expect(isPlausibleInstant(new Date('2026-01-01T00:00:00Z'), now)).toBe(true);
    expect(isPlausibleInstant(new Date('2025-01-01T00:00:00Z'), now)).toBe(false);
    expect(isPlausibleInstant(new Date(8.64e15), now)).toBe(false);
    expect(isPlausibleInstant(new Date(Number.NaN), now)).toBe(false);
    expect(checkWhen('2027-01-01T00:00:00Z', 'UTC', 'publishAt', now).ok).toBe(true);
  });
});
