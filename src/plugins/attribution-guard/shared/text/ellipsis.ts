import { toHalfWidth } from './normalise';

/**
 * After NFKC `…`, `……` and `．．．` all read as runs of `.`; `。。。` and the midline `⋯` stay as they are.
 * Three or more, because two dots or two `。` are typos rather than an elision.
 */
const ELLIPSIS = /\.{3,}|。{3,}|⋯+|︙+/u;

/** Splits a quotation at its ellipses; the parts keep their original text (normalise them yourself). */
export function splitOnEllipsis(text: string): string[] {
  return toHalfWidth(text).split(ELLIPSIS);
}
