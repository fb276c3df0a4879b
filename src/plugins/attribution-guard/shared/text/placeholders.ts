import { nameKey } from './aliases';
import { splitCreditParts, stripCreditPrefix } from './credit';

/** Keys of a configured placeholder list, built once per list (the config object outlives many runs). */
const cache = new WeakMap<readonly string[], Set<string>>();

function placeholderKeys(list: readonly string[]): Set<string> {
  let keys = cache.get(list);
  if (!keys) {
    keys = new Set();
    for (const entry of list) {
      // Both forms, so a configured `圖片來源網絡` also catches a credit typed as `網絡`.
      for (const form of [entry, stripCreditPrefix(entry)]) {
        const key = nameKey(form);
        if (key !== '') keys.add(key);
      }
    }
    cache.set(list, keys);
  }
  return keys;
}

/** The placeholder a credit amounts to (`圖片來源 網路`, `图片来源网络`, `Photo: unknown`), or null. */
export function placeholderInCredit(credit: string, list: readonly string[]): string | null {
  const keys = placeholderKeys(list);
  if (keys.has(nameKey(credit))) return credit.trim();
  const stripped = stripCreditPrefix(credit);
  if (keys.has(nameKey(stripped))) return stripped;
  // One placeholder part spoils the whole credit: `網路/未知` or `視覺中國/網路` still names no one reliably.
  return splitCreditParts(credit).find((part) => keys.has(nameKey(part))) ?? null;
}

/** Whether a person's name is a stand-in such as 小編, admin or 佚名. */
export function isPlaceholderName(name: string, list: readonly string[]): boolean {
  return placeholderKeys(list).has(nameKey(name));
}
