import { cleanName, length, splitNames } from './text';

/**
 * Where a story comes from, as its own lines say: `本文来自微信公众号:X(ID:…),作者:Y`, `本文來源於X`,
 * `轉載自X`, `首發於X`, `原文標題:…`, and the closing line of the aggregator that republished it
 * (`更多精彩内容,關注X微信号`, `不代表X立场`, `X经授权发布`). `來源:X` is a labelled credit (bylines.ts).
 */
export type OriginKind = 'wechat' | 'reprinted-from' | 'first-published' | 'original-title' | 'republisher';

export interface OriginLine {
  kind: OriginKind;
  /** The originating outlet or account, as the text names it. */
  outlet: string | null;
  /** The aggregator or platform that republished the story. */
  republisher: string | null;
  authors: string[];
  editor: string | null;
  originalTitle: string | null;
  /** A picture credit given in the same line (`题图来自：视觉中国`). */
  photoCredit: string | null;
  line: number;
}

const NAME_END = '[，,。;；(（\\s]|$';
const QUOTED = (inner: string) => `[“"「『《]?\\s*${inner}\\s*[”"」』》]?`;

/** `本文来自微信公众号：X（ID：…）`, then labelled parts: `，作者：Y`, `，原文标题：《…》`, `，题图来自：…`, `，Z经授权发布`. */
const WECHAT =
  /^\s*本文(?:来自|來自)\s*(?:微信)?(?:公众号|公眾號)\s*[:：]?\s*[“"「『]?\s*([^“”"「」『』《》(（,，:：]+?)\s*[”"」』]?\s*(?:[(（]\s*(?:ID|id)\s*[:：][^)）]*[)）])?\s*(?:[,，。]\s*(.*))?$/u;
const WECHAT_PART =
  /^(作者|作者為|作者为|編輯|编辑|原文標題|原文标题|題圖來自|题图来自|頭圖來自|头图来自|題圖|题图|頭圖|头图)\s*[:：|｜]?\s*(.+)$/u;
const PERMISSION = /^(.+?)\s*(?:經授權發布|经授权发布|經授權轉載|经授权转载|授權發布|授权发布)\s*$/u;

const REPRINTED = new RegExp(
  `^\\s*(?:本文)?(?:來源於|来源于|來源自|来源自|轉載自|转载自|轉自|转自|摘自|選自|选自)\\s*[:：]?\\s*${QUOTED(`(.+?)`)}(?=${NAME_END})`,
  'u',
);
const FIRST_PUBLISHED = new RegExp(
  `^\\s*(?:本文)?(?:首發於|首发于|首發自|首发自|最早發表於|最早发表于|原載於|原载于|原載|原载)\\s*[:：]?\\s*${QUOTED('(.+?)')}(?=${NAME_END})`,
  'u',
);
const ORIGINAL_TITLE = /^\s*原文(?:標題|标题|題目|题目)\s*[:：|｜]?\s*[《“"「]?\s*(.+?)\s*[》”"」]?\s*[。.]?\s*$/u;

const FOLLOW_US = /^(?:更多精彩|點擊|点击|歡迎|欢迎|關注|关注|本文|文章)/u;
const FOLLOW = /(?:關注|关注)\s*[“"「]?\s*(.+?)\s*[”"」]?\s*(?:微信|公眾號|公众号|官方|App|APP|[(（,，。]|$)/u;
const NOT_ITS_VIEW = /不代表\s*[“"「]?\s*(.+?)\s*[”"」]?\s*(?:的)?\s*(?:立場|立场|觀點|观点)/u;
const BY_PERMISSION = /(?:^|[，,。]\s*)(?:由)?\s*([^，,。]+?)\s*(?:經授權發布|经授权发布|經授權轉載|经授权转载|授權發布|授权发布)/u;
/** `本文来自虎嗅，原文链接：https://…`: the closing line of the platform this copy was taken from. */
const FROM_WITH_LINK = /^\s*本文(?:来自|來自)\s*[“"「]?\s*([^“”"「」,，:：]+?)\s*[”"」]?\s*[,，]\s*原文(?:链接|鏈接|連結|连结)\s*[:：]/u;
const GRANTED_BY = /^\s*本文由\s*(.+?)\s*(?:授權|授权)\s*(.+?)\s*(?:發布|发布|轉載|转载)/u;

const name = (value: string | undefined): string | null => {
  const cleaned = value === undefined ? '' : cleanName(value);
  return cleaned === '' || length(cleaned) > 40 ? null : cleaned;
};

/** Reads one line as an origin or republisher line; null when it is neither. */
export function parseOriginLine(text: string, line = 0): OriginLine | null {
  const trimmed = text.trim();
  if (trimmed === '' || length(trimmed) > 200) return null;
  const base = { outlet: null, republisher: null, authors: [] as string[], editor: null, originalTitle: null, photoCredit: null, line };

  const wechat = WECHAT.exec(trimmed);
  if (wechat) {
    const found: OriginLine = { ...base, kind: 'wechat', outlet: name(wechat[1]) };
    // Parts are split at commas outside 《》, so a quoted original title may hold one.
    const parts = (wechat[2] ?? '')
      .split(/[,，。](?![^《]*》)/u)
      .map((p) => p.trim())
      .filter(Boolean);
    for (const part of parts) {
      const labelled = WECHAT_PART.exec(part);
      const permission = PERMISSION.exec(part);
      if (labelled) {
        const [, label = '', value = ''] = labelled;
        if (/^作者/u.test(label)) found.authors = splitNames(value);
        else if (/^(?:編輯|编辑)$/u.test(label)) found.editor = name(value);
        else if (/^原文/u.test(label)) found.originalTitle = cleanName(value.replace(/^《|》$/gu, '')) || null;
        else found.photoCredit = name(value);
      } else if (permission) found.republisher = name(permission[1]);
    }
    return found;
  }

  const linked = FROM_WITH_LINK.exec(trimmed);
  if (linked && name(linked[1])) return { ...base, kind: 'republisher', republisher: name(linked[1]) };

  const granted = GRANTED_BY.exec(trimmed);
  if (granted) return { ...base, kind: 'republisher', outlet: name(granted[1]), republisher: name(granted[2]) };

  const title = ORIGINAL_TITLE.exec(trimmed);
  if (title) return { ...base, kind: 'original-title', originalTitle: cleanName(title[1] ?? '').replace(/^《|》$/gu, '') || null };

  const reprinted = REPRINTED.exec(trimmed);
  if (reprinted && name(reprinted[1])) return { ...base, kind: 'reprinted-from', outlet: name(reprinted[1]) };

  const first = FIRST_PUBLISHED.exec(trimmed);
  if (first && name(first[1])) return { ...base, kind: 'first-published', outlet: name(first[1]) };

  // An aggregator's closing line names the aggregator itself: the republisher of this copy.
  if (FOLLOW_US.test(trimmed)) {
    const follow = FOLLOW.exec(trimmed);
    if (follow && name(follow[1])) return { ...base, kind: 'republisher', republisher: name(follow[1]) };
  }
  const view = NOT_ITS_VIEW.exec(trimmed);
  if (view && name(view[1]) && /(?:作者|本文|本內容|本内容|文章|觀點|观点)/u.test(trimmed))
    return { ...base, kind: 'republisher', republisher: name(view[1]) };
  const permission = BY_PERMISSION.exec(trimmed);
  if (permission && name(permission[1])) return { ...base, kind: 'republisher', republisher: name(permission[1]) };
  return null;
}
