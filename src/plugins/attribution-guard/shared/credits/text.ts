/**
 * Small text helpers of the credit parser. The parser never rewrites the text it reads: names are
 * returned as the text gives them, so full- and half-width forms are matched by character classes
 * here rather than folded first.
 */

/** Between a label and its name: `|` `｜` `:` `：` `/` `／`, with any spacing. */
export const LABEL_SEPARATOR = '\\s*[|｜:：/／]\\s*';

/** Between the parts of one credit line: `,` `，` `;` `；` `、` or a run of spaces. */
export const PART_SEPARATOR = /[,，;；、]|\s{2,}|\u3000/u;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Alternation of labels, longest first so 責任編輯 wins over 編輯; spaces in a label match any spacing. */
export function alternation(labels: readonly string[]): string {
  return [...new Set(labels)]
    .sort((a, b) => b.length - a.length)
    .map((label) => escapeRegExp(label).replace(/ /gu, '\\s*'))
    .join('|');
}

/** Characters as the reader counts them (a CJK character or an emoji is one). */
export function length(text: string): number {
  return [...text].length;
}

const TRIM_PUNCTUATION = /^[\s,，;；、:：|｜/／.。·・]+|[\s,，;；、:：|｜/／。·・]+$/gu;

/** A name without the punctuation and spaces around it; a trailing `.` is kept (`TV.` is a name). */
export function cleanName(text: string): string {
  return text
    .replace(TRIM_PUNCTUATION, '')
    .replace(/^[“"「『(（【[]+|[”"」』)）】\]]+$/gu, '')
    .trim();
}

/** Between the names of several people: `、`, `，`, `,`, `和`, `與/与`, `及`, `&`, `and`. */
const NAME_LIST_SEPARATOR = /\s*(?:[、,，;；&＆/／]|\s+and\s+|(?<=\p{Script=Han}{2})\s*[和與与及]\s*(?=\p{Script=Han}{2}))\s*/u;

/** `王小明、李大華` → [王小明, 李大華]; `Jane Ho and Marcus Lee` → [Jane Ho, Marcus Lee]. */
export function splitNames(value: string): string[] {
  const trimmed = cleanName(value);
  if (trimmed === '') return [];
  return trimmed
    .split(NAME_LIST_SEPARATOR)
    .map(cleanName)
    .filter((name) => name !== '');
}

/** A line that reads as running prose rather than a credit: long, or holding a full sentence. */
export function isProse(line: string, max = 80): boolean {
  return length(line) > max || /[。！？!?]\s*\S/u.test(line);
}

export const HAN = '\\p{Script=Han}';

/**
 * Several names as a credit line prints them, the inverse of `splitNames`: `王小明、李大華` in Chinese,
 * `Jane Ho and Marcus Lee` (`A, B and C`) in English.
 */
export function joinNames(names: readonly string[], locale: string): string {
  const clean = names.map((n) => n.trim()).filter((n) => n !== '');
  if (!locale.startsWith('en')) return clean.join('、');
  if (clean.length <= 2) return clean.join(' and ');
  return `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1]}`;
}
