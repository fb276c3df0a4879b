import type { SourceRecord } from './contracts/findings';

/*
 * A source's syndication agreement, as the guard's `syndication.license-valid` rule checks it at publish
 * and as the app's ninjs route checks a partner's: one reading of the record (records.ts), one verdict.
 */

export type AgreementStatus =
  | { ok: true }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'unreadable-date'; value: string }
  | { ok: false; reason: 'not-yet-valid'; from: string }
  | { ok: false; reason: 'expired'; until: string }
  | { ok: false; reason: 'locale'; locale: string };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DAY_MS = 86_400_000;

/**
 * A bound as a millisecond range. A bare `YYYY-MM-DD` is a whole UTC day, inclusive at both ends of an
 * agreement (valid until 2027-12-31 covers all of that day); an instant is exactly that instant.
 */
function parseBound(value: string): { start: number; endExclusive: number } | null {
  const day = ISO_DAY.exec(value.trim());
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const start = Date.UTC(year, month - 1, date);
    // Date.UTC rolls 2026-02-30 over into March; such a date is a typo, not a day.
    const check = new Date(start);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
    return { start, endExclusive: start + DAY_MS };
  }
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? null : { start: instant, endExclusive: instant + 1 };
}

/** Whether `source` holds an agreement in force at `now` for `locale`; else the first reason it does not. */
export function evaluateAgreement(source: SourceRecord, locale: string, now: Date): AgreementStatus {
  if (source.agreementId === null || source.agreementId.trim() === '') return { ok: false, reason: 'missing' };
  const at = now.getTime();
  if (source.licenseValidFrom !== null && source.licenseValidFrom.trim() !== '') {
    const from = parseBound(source.licenseValidFrom);
    if (!from) return { ok: false, reason: 'unreadable-date', value: source.licenseValidFrom };
    if (at < from.start) return { ok: false, reason: 'not-yet-valid', from: source.licenseValidFrom.trim() };
  }
  if (source.licenseValidUntil !== null && source.licenseValidUntil.trim() !== '') {
    const until = parseBound(source.licenseValidUntil);
    if (!until) return { ok: false, reason: 'unreadable-date', value: source.licenseValidUntil };
    if (at >= until.endExclusive) return { ok: false, reason: 'expired', until: source.licenseValidUntil.trim() };
  }
  // Locale codes are case-insensitive (BCP 47): zh-hant and zh-Hant are one locale.
  const wanted = locale.toLowerCase();
  if (source.allowedLocales.length > 0 && !source.allowedLocales.some((l) => l.toLowerCase() === wanted)) {
    return { ok: false, reason: 'locale', locale };
  }
  return { ok: true };
}
