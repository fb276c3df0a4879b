/** The reader pages' own words, in the three content languages. */
import type { CorrectionKind } from '../corrections/rules';

export type ReaderLanguage = 'zh-Hant' | 'zh-Hans' | 'en';
export const READER_LANGUAGES: readonly ReaderLanguage[] = ['zh-Hant', 'zh-Hans', 'en'];

export interface ReaderMessages {
  /** Shown where a photo's credit line would be, when the photo has none. */
  missingCredit: string;
  previewBanner: string;
  published: string;
  updated: string;
  notPublished: string;
  corrections: string;
  /** What each correction is, as the corrections feed names it. */
  correctionKinds: Record<CorrectionKind, string>;
  original: string;
  otherEditions: string;
  languageName: string;
  quoteBy: (speaker: string) => string;
  denied: { title: string; body: Record<DeniedReason, string>; action: string };
  notFound: { title: string; body: string };
}

export type DeniedReason = 'missing' | 'invalid' | 'expired' | 'signed-out' | 'no-access';

export const MESSAGES: Record<ReaderLanguage, ReaderMessages> = {
  'zh-Hant': {
    missingCredit: '圖片來源:(未填)',
    previewBanner: '預覽:這是草稿,尚未發布,讀者還看不到。',
    published: '發布',
    updated: '更新',
    notPublished: '尚未發布',
    corrections: '更正',
    correctionKinds: { correction: '更正', clarification: '澄清', update: '更新' },
    original: '原文',
    otherEditions: '其他版本',
    languageName: '繁體中文',
    quoteBy: (speaker) => `—— ${speaker}`,
    denied: {
      title: '無法開啟預覽',
      body: {
        missing: '這個預覽連結少了通行碼。',
        invalid: '這個預覽連結無效,或不是這篇報導、這個語言版本的連結。',
        expired: '這個預覽連結已過期。',
        'signed-out': '開啟這個預覽的管理後台登入已經結束。',
        'no-access': '你已無權閱讀這篇報導。',
      },
      action: '請回到管理後台,從報導的編輯畫面重新開啟預覽。',
    },
    notFound: { title: '找不到這篇報導', body: '這篇報導不存在,或在這個語言尚未發布。' },
  },
  'zh-Hans': {
    missingCredit: '图片来源:(未填)',
    previewBanner: '预览:这是草稿,尚未发布,读者还看不到。',
    published: '发布',
    updated: '更新',
    notPublished: '尚未发布',
    corrections: '更正',
    correctionKinds: { correction: '更正', clarification: '澄清', update: '更新' },
    original: '原文',
    otherEditions: '其他版本',
    languageName: '简体中文',
    quoteBy: (speaker) => `—— ${speaker}`,
    denied: {
      title: '无法打开预览',
      body: {
        missing: '这个预览链接缺少通行码。',
        invalid: '这个预览链接无效,或不是这篇报道、这个语言版本的链接。',
        expired: '这个预览链接已过期。',
        'signed-out': '打开这个预览的管理后台登录已经结束。',
        'no-access': '你已无权阅读这篇报道。',
      },
      action: '请回到管理后台,从报道的编辑页面重新打开预览。',
    },
    notFound: { title: '找不到这篇报道', body: '这篇报道不存在,或在这个语言尚未发布。' },
  },
  en: {
    missingCredit: 'Photo: (no credit yet)',
    previewBanner: 'Preview: this is a draft. It is not published and readers cannot see it yet.',
    published: 'Published',
    updated: 'Updated',
    notPublished: 'Not published yet',
    corrections: 'Corrections',
    correctionKinds: { correction: 'Correction', clarification: 'Clarification', update: 'Update' },
    original: 'Original article',
    otherEditions: 'Other editions',
    languageName: 'English',
    quoteBy: (speaker) => `— ${speaker}`,
    denied: {
      title: 'This preview cannot be opened',
      body: {
        missing: 'This preview link has no token.',
        invalid: 'This preview link is not valid, or was made for another story or language.',
        expired: 'This preview link has expired.',
        'signed-out': 'The admin session this preview was opened from has ended.',
        'no-access': 'You may no longer read this story.',
      },
      action: 'Go back to the admin and open the preview again from the story’s edit view.',
    },
    notFound: { title: 'Story not found', body: 'This story does not exist or is not published in this language.' },
  },
};

export const isReaderLanguage = (value: unknown): value is ReaderLanguage =>
  typeof value === 'string' && (READER_LANGUAGES as readonly string[]).includes(value);

/** A language tag from Accept-Language to one of ours: zh-TW/HK/MO and Hant are Traditional, zh-CN/SG/MY and Hans Simplified. */
function languageOfTag(tag: string): ReaderLanguage | null {
  const t = tag.trim().toLowerCase();
  if (t === '' || t === '*') return null;
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t !== 'zh' && !t.startsWith('zh-')) return null;
  if (/(^|-)hans($|-)/u.test(t) || /-(cn|sg|my)($|-)/u.test(t)) return 'zh-Hans';
  // zh alone, zh-Hant, zh-TW, zh-HK, zh-MO: the newsroom writes Traditional first.
  return 'zh-Hant';
}

/**
 * The language of a page: the story's own when it is known, else the reader's first acceptable one from
 * Accept-Language (by q-value), else Traditional Chinese, the newsroom's default.
 */
export function pickLanguage(storyLocale: unknown, acceptLanguage: string | undefined): ReaderLanguage {
  if (isReaderLanguage(storyLocale)) return storyLocale;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return 'zh-Hant';
}
