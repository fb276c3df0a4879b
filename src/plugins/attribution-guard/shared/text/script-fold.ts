import { Converter } from 'opencc-js';

type Convert = (text: string) => string;

let toSimplified: Convert | null = null;

/** Building the converters loads OpenCC's dictionaries (~30 ms): do it on first use, not at boot. */
function converter(): Convert {
  if (toSimplified === null) {
    const fromHongKong = Converter({ from: 'hk', to: 'cn' });
    const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
    toSimplified = (text) => fromTaiwan(fromHongKong(text));
  }
  return toSimplified;
}

/** Names repeat across articles and runs; a bounded memo keeps folding off the hot path. */
const MEMO_LIMIT = 10_000;
const memo = new Map<string, string>();

/**
 * Folds Traditional (Taiwan and Hong Kong forms) into Simplified so 視覺中國 and 视觉中国 compare
 * equal even when a source record lists only one of them. Meant for short names only: converting a
 * whole body costs tens of milliseconds, and word-for-word checks must not fold scripts anyway.
 */
export function foldScript(text: string): string {
  // Pure ASCII has nothing to fold; most Latin credits and author names skip OpenCC entirely.
  if (!/[^\x00-\x7f]/u.test(text)) return text;
  const known = memo.get(text);
  if (known !== undefined) return known;
  const folded = converter()(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, folded);
  return folded;
}
