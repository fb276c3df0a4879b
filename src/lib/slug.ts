import { pinyin } from 'pinyin-pro';
import slugify from 'slugify';
import { Converter } from 'opencc-js';

// pinyin-pro reads polyphones from word context but knows words in Simplified form
// (行業 alone reads xing-ye; 行业 reads hang-ye), so Traditional titles are converted first.
const toSimplified = Converter({ from: 'tw', to: 'cn' });

export const SLUG_MAX_LENGTH = 120;

/** A readable, URL-safe slug: Chinese becomes toneless pinyin, Latin words are kept. */
export function slugFromTitle(title: string): string {
  const syllables = pinyin(toSimplified(title), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const slug = slugify(syllables.join(' '), { lower: true, strict: true, trim: true });
  return slug.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '');
}
