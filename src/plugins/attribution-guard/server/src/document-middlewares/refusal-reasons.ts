import type { LocalizedMessage } from '../../../shared/contracts/findings';
import { MESSAGE_LOCALES } from '../../../shared/contracts/findings';
import type { GateReason } from '../../../shared/contracts/gates';

interface ErrorDetail {
  rule?: unknown;
  path?: unknown;
  message?: unknown;
  messages?: unknown;
  locale?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

function localizedOf(detail: ErrorDetail, fallback: string): LocalizedMessage {
  const en = text(detail.message) ?? fallback;
  const given = detail.messages !== null && typeof detail.messages === 'object' ? (detail.messages as Record<string, unknown>) : {};
  return Object.fromEntries(MESSAGE_LOCALES.map((l) => [l, text(given[l]) ?? en])) as LocalizedMessage;
}

/**
 * The reasons a gate inside the guard's (the workflow's approval, Strapi's own validation) gave for
 * refusing a publish, for one locale, read from the error it threw. Null when the error is not a
 * refusal (a database failure, say), which is not an attempt worth recording as refused.
 */
export function refusalReasons(error: unknown, locale: string): GateReason[] | null {
  if (!error || typeof error !== 'object' || (error as { name?: unknown }).name !== 'ValidationError') return null;
  const message = text((error as { message?: unknown }).message) ?? 'Publishing was refused.';
  const details = (error as { details?: { errors?: unknown } }).details?.errors;
  const list: ErrorDetail[] = Array.isArray(details) ? (details as ErrorDetail[]) : [];
  const forLocale = list.filter((d) => typeof d.locale !== 'string' || d.locale === locale);
  if (forLocale.length === 0) return [{ rule: 'publish.refused', severity: 'error', path: '', message: localizedOf({}, message) }];
  return forLocale.map((d) => ({
    rule: text(d.rule) ?? 'publish.invalid',
    severity: 'error',
    path: Array.isArray(d.path) ? d.path.map(String).join('.') : (text(d.path) ?? ''),
    message: localizedOf(d, message),
  }));
}
