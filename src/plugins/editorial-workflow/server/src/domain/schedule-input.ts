import { formatInZone, isTimeZone, toInstant } from './schedule-time';

const DAY = 86_400_000;
/** How far ahead a schedule may be set: further than this is a typo (a year 20260), not a plan. */
export const MAX_AHEAD_MS = 10 * 365 * DAY;
/** How far back a stored time is still believed when read (older ones are read as unset). */
export const MAX_BEHIND_MS = 365 * DAY;

export type Issue = { path: string; message: string };

/** Whether a stored instant is one the workflow could have written: a real date within the window. */
export function isPlausibleInstant(value: Date, now: Date): boolean {
  const t = value.getTime();
  return Number.isFinite(t) && t >= now.getTime() - MAX_BEHIND_MS && t <= now.getTime() + MAX_AHEAD_MS;
}

/** An editor's time for `path`, read in `zone`, refused unless it is to come and within ten years. */
export function checkWhen(value: string, zone: string, path: string, now: Date): { ok: true; instant: Date } | { ok: false; issue: Issue } {
  const parsed = toInstant(value, zone);
  if (!parsed.ok) return { ok: false, issue: { path: parsed.reason === 'invalid-zone' ? 'timezone' : path, message: parsed.message } };
  const { instant } = parsed;
  if (!isPlausibleInstant(instant, now) || instant.getTime() > now.getTime() + MAX_AHEAD_MS) {
    return { ok: false, issue: { path, message: `"${value}" is not a time within the next ten years.` } };
  }
  if (instant.getTime() <= now.getTime())
    return { ok: false, issue: { path, message: `${formatInZone(instant, zone)} is in the past: pick a time to come.` } };
  return { ok: true, instant };
}

export interface ScheduleInput {
  publishAt?: string | null;
  unpublishAt?: string | null;
  timezone?: string;
}

export interface ScheduleTimes {
  zone: string;
  /** undefined: leave as it is; null: clear. */
  publishAt: Date | null | undefined;
  unpublishAt: Date | null | undefined;
}

/**
 * Checks the whole of a schedule change before anything is written: the zone, each time (to come,
 * within ten years), and that the entry comes down after it goes up. Every problem is reported at
 * once, each with its field.
 */
export function validateSchedule(
  input: ScheduleInput,
  options: { now: Date; zone: string },
): { ok: true; times: ScheduleTimes } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const zone = input.timezone ?? options.zone;
  if (!isTimeZone(zone)) {
    return { ok: false, issues: [{ path: 'timezone', message: `"${zone}" is not an IANA time zone (such as Asia/Shanghai or UTC).` }] };
  }
  const read = (value: string | null | undefined, path: string): Date | null | undefined => {
    if (value === undefined || value === null) return value;
    const result = checkWhen(value, zone, path, options.now);
    if (result.ok) return result.instant;
    issues.push(result.issue);
    return undefined;
  };
  const publishAt = read(input.publishAt, 'publishAt');
  const unpublishAt = read(input.unpublishAt, 'unpublishAt');
  if (publishAt && unpublishAt && unpublishAt.getTime() <= publishAt.getTime()) {
    issues.push({
      path: 'unpublishAt',
      message: `unpublishAt (${formatInZone(unpublishAt, zone)}) must come after publishAt (${formatInZone(publishAt, zone)}).`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, times: { zone, publishAt, unpublishAt } };
}
