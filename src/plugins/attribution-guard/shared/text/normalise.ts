/**
 * Text normalisation for comparisons. Two strengths:
 * - `normaliseText`: for word-for-word checks (pull-quotes against the body). Width, quote marks
 *   and spacing are ignored; every other character, script included, must match.
 * - `normaliseName`: for identities (names, aliases, credits, placeholders). Also drops every space
 *   and a trailing full stop, so `正見TrueView` equals `正見 TrueView` and `TV` equals `TV.`.
 */

/**
 * Quote marks of every width and script. Removed rather than unified: editors and converters mix
 * `"`, `“ ”`, `「 」`, `『 』` freely, and the seed text even pads them with spaces (`" 一畝三分地 "`).
 */
const QUOTE_MARKS = /["'`´“”‘’‚‛„‟「」『』〝〞〟«»‹›]/gu;

/** Zero-width characters that survive copy-paste from web pages and NFKC alike. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;

const WHITESPACE_RUN = /\s+/gu;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;

/** NFKC folds full-width forms to half-width (`，`→`,`, `｜`→`|`, `＠`→`@`, `…`→`...`) and ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

export function stripQuoteMarks(text: string): string {
  return text.replace(QUOTE_MARKS, '');
}

/**
 * A whitespace run matters only between two Latin letters or digits (`AI 大模型` = `AI大模型`, but
 * `fine tune` ≠ `finetune`); elsewhere Chinese typesetting adds or drops spaces at will.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, (run: string, offset: number, whole: string) => {
    const before = whole.charAt(offset - 1);
    const after = whole.charAt(offset + run.length);
    return before !== '' && after !== '' && LATIN_OR_DIGIT.test(before) && LATIN_OR_DIGIT.test(after) ? ' ' : '';
  });
}

/** Comparison form for word-for-word checks. */
export function normaliseText(text: string): string {
  return collapseWhitespace(stripQuoteMarks(toHalfWidth(text).replace(ZERO_WIDTH, ''))).toLowerCase();
}

const ALL_WHITESPACE = /\s+/gu;
const TRAILING_STOPS = /[.。]+$/u;

/** Comparison form for names; script folding (Traditional/Simplified) is layered on top in `aliases.ts`. */
export function normaliseName(text: string): string {
  return stripQuoteMarks(toHalfWidth(text).replace(ZERO_WIDTH, '')).replace(ALL_WHITESPACE, '').toLowerCase().replace(TRAILING_STOPS, '');
}

/** True when the value holds something other than whitespace. */
export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}
