import { toHalfWidth } from './normalise';

/**
 * Words that introduce a credit rather than name anyone (`圖片來源 @視覺中國`, `Photo: AP`).
 * Single-character labels (圖/图) need a separator, so an agency such as 圖蟲 keeps its first character;
 * Latin labels need a separator or a space, so `Byron` is not read as `by ron`.
 */
const CREDIT_PREFIX = new RegExp(
  '^\\s*(?:' +
    [
      '(?:圖片來源|图片来源|照片來源|照片来源|圖片提供|图片提供|圖片|图片|來源|来源|攝影|摄影|供圖|供图)\\s*[:|/]?',
      '(?:圖|图)\\s*[:|/]',
      '(?:photo\\s*credits?|photographs?|photos?|images?|credits?|source|courtesy(?:\\s+of)?|by)(?:\\s*[:|/]|\\s+)',
      '@',
      '©',
      '\\(c\\)',
    ].join('|') +
    ')\\s*',
  'iu',
);

/** Removes every leading credit label and `@`, e.g. `圖片來源 @視覺中國` → `視覺中國`. */
export function stripCreditPrefix(credit: string): string {
  let rest = toHalfWidth(credit).trim();
  for (;;) {
    const next = rest.replace(CREDIT_PREFIX, '');
    if (next === rest) return rest.trim();
    rest = next;
  }
}

/** Whether a credit's labels include an `@` handle (`@VCG`, `圖片來源 @視覺中國`), the usual form of an agency credit. */
export function hasAtHandle(credit: string): boolean {
  let rest = toHalfWidth(credit).trim();
  for (;;) {
    const label = CREDIT_PREFIX.exec(rest);
    if (!label || label[0] === '') return false;
    if (label[0].trim() === '@') return true;
    rest = rest.slice(label[0].length);
  }
}

/** Between two names in one credit: `視覺中國/VCG`, `新華社、視覺中國`, `AP via Getty`. */
const PART_SEPARATOR = /\s*[/|,;、&+]\s*|\s+(?:and|via)\s+/iu;

/** The names a credit is made of, each stripped of its own labels; blank parts dropped. */
export function splitCreditParts(credit: string): string[] {
  return stripCreditPrefix(credit)
    .split(PART_SEPARATOR)
    .map(stripCreditPrefix)
    .filter((part) => part !== '');
}
