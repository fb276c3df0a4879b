import { formatInTimeZone, zonedTimeToUtc } from 'date-fns-tz';

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/u;

/** Whether `zone` is an IANA time zone this runtime knows (e.g. `Asia/Shanghai`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  // Intl also takes offsets such as "+08:00", which are not zones (no DST rules, no name to show).
  if (!zone || zone.length > 64 || !IANA_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const WITH_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/u;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/u;

export type InstantResult =
  { ok: true; instant: Date } | { ok: false; reason: 'invalid-zone' | 'invalid-time' | 'nonexistent-time'; message: string };

/**
 * Turns what an editor typed into a UTC instant. A value with an offset (`…Z`, `…+08:00`) is an
 * instant already; a wall-clock time (`2026-03-08T09:30`) is read in `zone`. A time that does not
 * exist in the zone (skipped by a DST change) is refused rather than silently moved; a time that
 * occurs twice (clocks going back) means its first occurrence.
 */
export function toInstant(value: string, zone: string): InstantResult {
  if (!isTimeZone(zone)) return { ok: false, reason: 'invalid-zone', message: `"${zone}" is not an IANA time zone.` };
  const text = value.trim();
  if (WITH_OFFSET.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime())
      ? { ok: false, reason: 'invalid-time', message: `"${value}" is not a date and time.` }
      : { ok: true, instant };
  }
  const match = WALL_CLOCK.exec(text);
  if (!match) return { ok: false, reason: 'invalid-time', message: `"${value}" is not a date and time (expected YYYY-MM-DDTHH:mm).` };
  const wall = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? '00'}`;
  const instant = zonedTimeToUtc(wall, zone);
  if (Number.isNaN(instant.getTime())) return { ok: false, reason: 'invalid-time', message: `"${value}" is not a date and time.` };
  // Reading the instant back in the zone catches wall-clock times skipped by a DST change.
  if (formatInTimeZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ss") !== wall) {
    return {
      ok: false,
      reason: 'nonexistent-time',
      message: `${wall.slice(0, 16).replace('T', ' ')} does not exist in ${zone}: the clocks skip it when summer time begins.`,
    };
  }
  return { ok: true, instant };
}

/** An instant as wall-clock time in `zone`, e.g. `2026-03-08 09:30 Asia/Shanghai (GMT+8)`, for editors to read back. */
export function formatInZone(instant: Date | string | null | undefined, zone: string): string | null {
  if (instant === null || instant === undefined) return null;
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime()) || !isTimeZone(zone)) return null;
  try {
    // The IANA name says which zone; the offset or abbreviation says what it was that day (DST).
    const local = formatInTimeZone(date, zone, 'yyyy-MM-dd HH:mm');
    const offset = formatInTimeZone(date, zone, 'zzz');
    return offset === zone ? `${local} ${zone}` : `${local} ${zone} (${offset})`;
  } catch {
    // A stored value at the edge of what Date can hold formats to nothing rather than failing a view.
    return null;
  }
}

/** The value for an `<input type="datetime-local">` showing `instant` in `zone`. */
export function toWallClock(instant: Date | string, zone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return formatInTimeZone(date, zone, "yyyy-MM-dd'T'HH:mm");
}
