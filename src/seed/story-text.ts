/**
 * Turns a syndicated story as received (one paragraph per line) into the parts the demo needs.
 * The aggregator wraps the story in a "…分享的…,歡迎閱讀" opening line and a "更多精彩内容,關注…" closing
 * line; those are not the author's words and are dropped. The photo-credit line belongs to the cover.
 */
export interface StoryText {
  paragraphs: string[];
  photoCredit: string | null;
  bylineLine: string | null;
  /** The aggregator's opening line, if the story came with one. */
  opening: string | null;
  /** The aggregator's closing line, if the story came with one. */
  closing: string | null;
}

const OPENING_BOILERPLATE = /分享的.*(?:歡迎閱讀|欢迎阅读)|^本文(?:轉載|转载|來源|来源|轉自|转自)|^(?:點擊|点击).*(?:關注|关注)/;
const CLOSING_BOILERPLATE =
  /^更多精彩(?:内容|內容)|^(?:本文|文章)(?:來源|来源|轉載|转载)|^(?:點擊|点击|歡迎|欢迎).*(?:關注|关注)|^(?:關注|关注).*(?:微信|公眾號|公众号)/;
const PHOTO_CREDIT = /^(圖片來源|图片来源)\s*[@＠]?\s*(.+)$/;
const BYLINE = /^文\s*[|｜]/;

export function splitStoryText(raw: string): StoryText {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

  let photoCredit: string | null = null;
  let bylineLine: string | null = null;
  let opening: string | null = null;
  let closing: string | null = null;
  const paragraphs: string[] = [];

  lines.forEach((line, index) => {
    if (index === 0 && OPENING_BOILERPLATE.test(line)) {
      opening = line;
      return;
    }
    if (index === lines.length - 1 && lines.length > 1 && CLOSING_BOILERPLATE.test(line)) {
      closing = line;
      return;
    }
    const credit = PHOTO_CREDIT.exec(line);
    if (credit && photoCredit === null) {
      photoCredit = credit[2]!.trim();
      return;
    }
    if (BYLINE.test(line) && bylineLine === null) bylineLine = line;
    paragraphs.push(line);
  });

  return { paragraphs, photoCredit, bylineLine, opening, closing };
}

export type BlocksParagraph = { type: 'paragraph'; children: [{ type: 'text'; text: string }] };

export function toBlocks(paragraphs: string[]): BlocksParagraph[] {
  return paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));
}
