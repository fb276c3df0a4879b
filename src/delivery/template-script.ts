import { createConverter, type TextConverter } from '../zh-hans/convert';

/**
 * An outlet keeps one attribution template for every locale (`文|{outlet},作者|{author},編輯|{editor}`),
 * written in the script of its home edition. A Simplified edition shows its labels in Simplified
 * (编辑); the placeholders are ASCII and the names are filled in afterwards, so neither is converted.
 */
const SIMPLIFIED_LOCALES = new Set(['zh-Hans', 'zh-CN', 'zh-SG']);
/** Outlets are few; the bound only keeps a flood of distinct templates from growing the memo. */
const MAX_MEMO = 500;

let toSimplified: TextConverter | null = null;
const memo = new Map<string, string>();

export function templateInScriptOf(template: string, locale: string): string {
  if (template === '' || !SIMPLIFIED_LOCALES.has(locale)) return template;
  const known = memo.get(template);
  if (known !== undefined) return known;
  toSimplified ??= createConverter('tw');
  const converted = toSimplified(template);
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(template, converted);
  return converted;
}
