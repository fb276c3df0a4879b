import type { AuthorRecord, ImageUsage, LocalizedMessage, PullQuoteRecord, SourceKind, SourceRecord } from '../contracts/findings';

/**
 * Building blocks for findings' messages. Every message names the thing an editor has to fix (which
 * image, which quote, which person) in English, Traditional and Simplified Chinese.
 */
export function message(en: string, zhHant: string, zhHans: string): LocalizedMessage {
  return { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };
}

/** Quoting conventions differ: “…” in English and Simplified, 「…」 in Traditional. */
export function quoted(text: string): LocalizedMessage {
  return message(`“${text}”`, `「${text}」`, `“${text}”`);
}

/** Long quotations are cut so a message stays one line in the side panel. */
export function excerpt(text: string, max = 24): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max).join('')}…`;
}

/** Person as editors know them: `koorvoa`, or `光明 (koorvoa)` when a display name differs. */
export function authorLabel(author: AuthorRecord): string {
  const display = author.displayName?.trim();
  return display && display !== author.name ? `${display} (${author.name})` : author.name;
}

export function sourceLabel(source: SourceRecord): string {
  return source.name;
}

const KIND_LABELS: Record<SourceKind, LocalizedMessage> = {
  outlet: message('an outlet', '媒體', '媒体'),
  republisher: message('a republisher', '轉載平台', '转载平台'),
  agency: message('an agency', '圖片社', '图片社'),
  wire: message('a wire service', '通訊社', '通讯社'),
};

export function kindLabel(kind: SourceKind | null): LocalizedMessage {
  return kind === null ? message('of no kind', '未設類型', '未设类型') : KIND_LABELS[kind];
}

function fileLabel(usage: ImageUsage): string | null {
  if (usage.name && usage.name.trim() !== '') return usage.name.trim();
  if (usage.url && usage.url.trim() !== '') {
    const last = usage.url.split(/[?#]/u)[0]?.split('/').pop();
    if (last) return last;
  }
  return null;
}

/** `the cover image “lead.jpg”`, `gallery image 3 “x.jpg”`, `the image in body paragraph 6 “x.jpg”`. */
export function describeImage(usage: ImageUsage): LocalizedMessage {
  const file = fileLabel(usage);
  const en = file ? ` “${file}”` : '';
  const hant = file ? `「${file}」` : '';
  const hans = file ? `“${file}”` : '';
  const gallery = /^gallery\.(\d+)$/u.exec(usage.path);
  if (gallery) {
    const n = Number(gallery[1]) + 1;
    return message(`gallery image ${n}${en}`, `圖集第 ${n} 張圖片${hant}`, `图集第 ${n} 张图片${hans}`);
  }
  const body = /^body\.(\d+)$/u.exec(usage.path);
  if (body) {
    const n = Number(body[1]) + 1;
    return message(`the image in body block ${n}${en}`, `正文第 ${n} 段的圖片${hant}`, `正文第 ${n} 段的图片${hans}`);
  }
  if (usage.path === 'cover') return message(`the cover image${en}`, `封面圖片${hant}`, `封面图片${hans}`);
  return message(`the image at ${usage.path}${en}`, `${usage.path} 的圖片${hant}`, `${usage.path} 的图片${hans}`);
}

/** 1-based number of a pull-quote from its form path (`pullQuotes.2` → 3). */
export function quoteNumber(quote: PullQuoteRecord): number {
  const match = /^pullQuotes\.(\d+)$/u.exec(quote.path);
  return match ? Number(match[1]) + 1 : 0;
}

/** `pull-quote 2 (賀翔: “基本可以判斷…”)`. */
export function describeQuote(quote: PullQuoteRecord): LocalizedMessage {
  const n = quoteNumber(quote);
  const speaker = quote.speaker?.trim();
  const text = excerpt(quote.text);
  const who = speaker ? `${speaker}: ` : '';
  const whoZh = speaker ? `${speaker}:` : '';
  return message(`pull-quote ${n} (${who}“${text}”)`, `第 ${n} 則引言(${whoZh}「${text}」)`, `第 ${n} 条引言(${whoZh}“${text}”)`);
}

/** For English sentences that open with a descriptor such as `the cover image`. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
