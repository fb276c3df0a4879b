import { quoteAppearsIn } from '../plugins/attribution-guard/shared/text/verbatim';
import { toHalfWidth } from '../plugins/attribution-guard/shared/text/normalise';
import type { ReviewReason } from './contract';

export type { ReviewCode, ReviewReason } from './contract';

export interface ConvertedField {
  field: string;
  before: string | null;
  after: string | null;
}

const DIGIT_RUN = /\p{Nd}+(?:[.,]\p{Nd}+)*%?/gu;

/** The numbers of a text, in order, width folded (`２０２６` = `2026`): a conversion must not touch one. */
export function numbersIn(text: string | null): string[] {
  return text ? (toHalfWidth(text).match(DIGIT_RUN) ?? []) : [];
}

function occurrences(text: string, name: string): number {
  let count = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) count += 1;
  return count;
}

/**
 * Names (people, outlets, speakers) are protected from conversion; this proves it on the result:
 * every protected name the zh-Hant text holds is in the converted text as often, exactly as written.
 */
export function namesChanged(before: string | null, after: string | null, names: readonly string[]): string[] {
  if (!before) return [];
  const text = after ?? '';
  return names.filter((name) => name !== '' && occurrences(before, name) > 0 && occurrences(text, name) !== occurrences(before, name));
}

/** The reasons a record's converted text fields need a person: numbers or names that did not come through as they were. */
export function textReviewReasons(fields: readonly ConvertedField[], names: readonly string[]): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  for (const { field, before, after } of fields) {
    const numbersBefore = numbersIn(before);
    const numbersAfter = numbersIn(after);
    if (numbersBefore.join('\u0000') !== numbersAfter.join('\u0000')) {
      reasons.push({ code: 'numbers-changed', field, detail: `${numbersBefore.join(', ')} → ${numbersAfter.join(', ')}` });
    }
    const lost = namesChanged(before, after, names);
    if (lost.length > 0) reasons.push({ code: 'names-changed', field, detail: lost.join(', ') });
  }
  return reasons;
}

/**
 * A converted pull-quote is ready when it names its speaker and is word for word in the converted body,
 * by the attribution guard's own test (`quoteAppearsIn`: width, quote marks and spacing ignored, ellipses
 * split it) so the edition and the guard can never disagree.
 */
export function quoteReviewReasons(quote: { text: string | null; speaker: string | null }, normalisedBody: string): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (!quote.speaker || quote.speaker.trim() === '') reasons.push({ code: 'speaker-missing', field: 'speaker' });
  if (!quote.text || !quoteAppearsIn(quote.text, normalisedBody)) reasons.push({ code: 'quote-not-verbatim', field: 'text' });
  return reasons;
}
