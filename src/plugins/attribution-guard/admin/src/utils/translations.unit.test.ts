import fs from 'node:fs';
import path from 'node:path';
import en from '../translations/en.json';
import zh from '../translations/zh.json';
import zhHans from '../translations/zh-Hans.json';
import { RULE_IDS } from '../../../shared/contracts/findings';

const srcDir = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/u.test(entry.name) && !/\.test\.tsx?$/u.test(entry.name) ? [full] : [];
  });
}

/** Literal keys passed to getTrad('…') in the admin source. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/getTrad\('([^']+)'\)/gu)) keys.add(match[1]!);
  }
  return [...keys].sort();
}

describe('admin translations', () => {
  it('has every string in English, Traditional and Simplified Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zhHans).sort()).toEqual(Object.keys(en).sort());
    for (const table of [en, zh, zhHans]) for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
  });

  it('translates every key the admin uses', () => {
    const missing = usedKeys().filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });

  it('describes every rule on the settings page', () => {
    for (const id of RULE_IDS) expect(en).toHaveProperty([`rule.${id}`]);
  });

  it('keeps the placeholders of each message in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/gu)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(en)) {
      expect([key, placeholders((zh as Record<string, string>)[key]!)]).toEqual([key, placeholders(value)]);
      expect([key, placeholders((zhHans as Record<string, string>)[key]!)]).toEqual([key, placeholders(value)]);
    }
  });
});
