import { formatInZone, isTimeZone, toInstant, toWallClock } from './schedule-time';

const instant = (value: string, zone: string) => {
  const result = toInstant(value, zone);
  if (!result.ok) throw new Error(result.message);
  return result.instant.toISOString();
};

describe('toInstant', () => {
  it('reads wall-clock time in Asia/Shanghai (UTC+8, no DST) all year', () => {
    expect(instant('2026-01-15T09:30', 'Asia/Shanghai')).toBe('2026-01-15T01:30:00.000Z');
    expect(instant('2026-07-15T09:30', 'Asia/Shanghai')).toBe('2026-07-15T01:30:00.000Z');
    // Midnight local is the previous day in UTC.
    expect(instant('2026-03-01T00:00', 'Asia/Shanghai')).toBe('2026-02-28T16:00:00.000Z');
  });

  it('reads UTC as UTC', () => {
    expect(instant('2026-03-08T02:30', 'UTC')).toBe('2026-03-08T02:30:00.000Z');
    expect(instant('2026-11-01T01:30:45', 'UTC')).toBe('2026-11-01T01:30:45.000Z');
  });

  it('follows America/New_York across the spring DST change', () => {
    expect(instant('2026-03-07T09:00', 'America/New_York')).toBe('2026-03-07T14:00:00.000Z'); // EST, UTC-5
    expect(instant('2026-03-08T01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z'); // still EST
    expect(instant('2026-03-08T03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z'); // EDT, UTC-4
    expect(instant('2026-03-09T09:00', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
  });

  it('refuses a time the spring change skips, instead of moving it', () => {
    const result = toInstant('2026-03-08T02:30', 'America/New_York');
    expect(result).toEqual({
      ok: false,
      reason: 'nonexistent-time',
      message: expect.stringContaining('2026-03-08 02:30 does not exist in America/New_York'),
    });
  });

  it('takes the first occurrence of a time the autumn change repeats', () => {
    expect(instant('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z'); // EDT, the first 01:30
    expect(instant('2026-11-01T02:30', 'America/New_York')).toBe('2026-11-01T07:30:00.000Z'); // EST after the change
  });

  it('treats a value with an offset as an instant, whatever the zone', () => {
    expect(instant('2026-03-08T02:30:00Z', 'America/New_York')).toBe('2026-03-08T02:30:00.000Z');
    expect(instant('2026-03-08T10:30:00+08:00', 'UTC')).toBe('2026-03-08T02:30:00.000Z');
  });

  it('refuses unknown zones, impossible dates and free text', () => {
    expect(toInstant('2026-03-08T09:00', 'Mars/Olympus_Mons')).toMatchObject({ ok: false, reason: 'invalid-zone' });
    expect(toInstant('2026-02-30T09:00', 'Asia/Shanghai')).toMatchObject({ ok: false, reason: 'invalid-time' });
    expect(toInstant('tomorrow at nine', 'Asia/Shanghai')).toMatchObject({ ok: false, reason: 'invalid-time' });
    expect(toInstant('2026-13-01T00:00Z', 'UTC')).toMatchObject({ ok: false, reason: 'invalid-time' });
  });
});

describe('formatInZone and toWallClock', () => {
  it('shows an instant back in the zone it was set in', () => {
    expect(formatInZone('2026-01-15T01:30:00.000Z', 'Asia/Shanghai')).toBe('2026-01-15 09:30 Asia/Shanghai (GMT+8)');
    expect(formatInZone('2026-03-08T06:59:00.000Z', 'America/New_York')).toBe('2026-03-08 01:59 America/New_York (EST)');
    expect(formatInZone('2026-03-08T07:00:00.000Z', 'America/New_York')).toBe('2026-03-08 03:00 America/New_York (EDT)');
    expect(formatInZone('2026-03-08T07:00:00.000Z', 'UTC')).toBe('2026-03-08 07:00 UTC');
    expect(formatInZone(null, 'UTC')).toBeNull();
  });

  it('round-trips wall-clock time through UTC', () => {
    for (const [wall, zone] of [
      ['2026-03-08T03:15', 'America/New_York'],
      ['2026-10-31T23:45', 'Asia/Shanghai'],
      ['2026-06-30T12:00', 'UTC'],
    ] as const) {
      expect(toWallClock(instant(wall, zone), zone)).toBe(wall);
    }
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Beijing')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
