import {
  attributeQuotes,
  isCreditLine,
  parseDateline,
  parseOriginLine,
  readStoryCredits,
  type CreditLookup,
  type PhotoCredit,
  type QuoteAttribution,
  type StoryCredits,
} from '../plugins/attribution-guard/shared/credits';
import { ImportInputError } from './errors';
import { guessNote, noteText, type ImportNote } from './notes';

export interface ParsedStory {
  title: string;
  /** Where the title came from; `first-sentence` means no line read as a headline and the editor should write one. */
  titleFrom: 'option' | 'aggregator' | 'headline' | 'first-sentence';
  /** The story's own paragraphs, untouched, credit lines included; the aggregator's lines, the title line and photo-credit lines removed. */
  paragraphs: string[];
  /** The first credit line of the story as typed (`文|正見 TrueView,作者|koorvoa,編輯|TV.`), if any. */
  bylineLine: string | null;
  credits: StoryCredits;
  outlet: string | null;
  /** Every writer, lead first. */
  authors: string[];
  editor: string | null;
  republisher: string | null;
  /** The cover's credit as the text gives it (`視覺中國` from `圖片來源 @視覺中國`). */
  photoCredit: PhotoCredit | null;
  /** The aggregator's lines and the page furniture (site name, section label, date line) that were dropped. */
  boilerplate: string[];
  quotes: QuoteAttribution[];
  /** What the parser could not decide, for the editor to settle. */
  /** What could not be decided, as data (the admin words it in its language)… */
  notes: ImportNote[];
  /** …and in English, one sentence a note. */
  undecided: string[];
}

/** An aggregator's opening line naming the story: `今天小編分享的科技經驗:<title>,歡迎閱讀。`. */
const OPENING = /分享的.*(?:歡迎閱讀|欢迎阅读)|^(?:點擊|点击).*(?:關注|关注)/u;
const TITLE_IN_OPENING = /[:：]\s*(.+?)\s*[,，]\s*(?:歡迎閱讀|欢迎阅读)/u;
const CLOSING = /^更多精彩(?:内容|內容)|^(?:點擊|点击|歡迎|欢迎).*(?:關注|关注)|^(?:關注|关注).*(?:微信|公眾號|公众号)/u;

/** Section labels a page puts above its headline: `媒体报道`, `新聞動態`, `深度`. */
const SECTION =
  /^(?:[\p{Script=Han}]{0,4}(?:報導|报道|報道|動態|动态|新聞|新闻|資訊|资讯|觀察|观察|專欄|专栏|快訊|快讯|頭條|头条|首頁|首页|推薦|推荐|熱門|热门|原創|原创|精選|精选|專題|专题|評論|评论|深度|科技|財經|财经|焦點|焦点)|Home|News|Opinion|Analysis|Tech(?:nology)?)$/iu;
const BREADCRUMB = /^(?:[^>›»/]{1,12}\s*[>›»/]\s*){1,}[^>›»/]{1,12}$/u;
const SITE_NAME =
  /^(?:[\p{L}\d.\s-]{1,6}(?:網|网|官網|官网|日報|日报|時報|时报|週刊|周刊|雜誌|杂志)|[\w.-]+\.(?:com|cn|net|org|tw|hk)(?:\/\S*)?)$/iu;
const DATE_LINE =
  /^(?:(?:發布|发布|發佈|更新|時間|时间|日期|Published|Updated)\s*[:：於于]?\s*)?(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*月\s*\d{1,2}\s*日|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})(?:\s*[\d:：]+)?(?:\s*(?:來源|来源|作者|閱讀|阅读)\S*)?\s*$/iu;
const MAX_TITLE_LENGTH = 80;
const chars = (text: string) => [...text].length;

/** Page furniture above a headline: a section label, a breadcrumb, a site name, a date line. */
function isFurniture(line: string, lookup: CreditLookup): boolean {
  return (
    SECTION.test(line) ||
    BREADCRUMB.test(line) ||
    SITE_NAME.test(line) ||
    DATE_LINE.test(line) ||
    (chars(line) <= 20 && (lookup.isSource?.(line) ?? false))
  );
}

/** A line that reads as a headline: short, not a sentence of prose, not a credit. */
function isHeadline(line: string, lookup: CreditLookup): boolean {
  const length = chars(line);
  if (length < 4 || length > MAX_TITLE_LENGTH) return false;
  if (/[。.]$/u.test(line) && !/[A-Za-z]\.$/u.test(line)) return false;
  if (/[。!?！？]\s*\S/u.test(line)) return false;
  return !isFurniture(line, lookup) && !isCreditLine(line) && parseDateline(line) === null;
}

/** No headline: the first sentence of the story, clipped, for the editor to replace. */
function firstSentence(paragraphs: readonly string[]): string {
  const first = paragraphs.find((p) => p.trim() !== '') ?? '';
  const sentence = (first.split(/(?<=[。!?！？])|(?<=\.)\s/u)[0] ?? first).trim();
  const glyphs = [...sentence];
  return glyphs.length > 40 ? `${glyphs.slice(0, 40).join('')}…` : sentence;
}

/**
 * Reads a syndicated story as received (one paragraph a line) in any of the credit conventions the
 * credit reader knows. Only an empty text is refused: a story whose byline or title cannot be found
 * is still a story, and what is missing goes to `undecided` for the editor.
 */
export function parseStory(text: string, options: { title?: string; lookup?: CreditLookup } = {}): ParsedStory {
  const lookup = options.lookup ?? {};
  let lines = text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n?|\n|\u2028|\u2029/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) throw new ImportInputError('The text is empty.', 'empty');

  const boilerplate: string[] = [];
  let aggregatorTitle: string | undefined;
  if (lines.length > 1 && OPENING.test(lines[0]!)) {
    aggregatorTitle = TITLE_IN_OPENING.exec(lines[0]!)?.[1]?.trim();
    boilerplate.push(lines[0]!);
    lines = lines.slice(1);
  }
  // The aggregator's closing line is dropped; the republisher it names is read from it all the same.
  let closing: string | null = null;
  const last = lines[lines.length - 1];
  if (lines.length > 1 && last !== undefined && (CLOSING.test(last) || parseOriginLine(last)?.kind === 'republisher')) {
    closing = last;
    lines = lines.slice(0, -1);
  }

  let title = options.title?.trim() || aggregatorTitle;
  let titleFrom: ParsedStory['titleFrom'] = options.title?.trim() ? 'option' : aggregatorTitle ? 'aggregator' : 'headline';
  // Page furniture above the headline goes; the headline itself leaves the body.
  const head = Math.min(lines.length, 8);
  let titleLine = -1;
  const furniture = new Set<number>();
  for (let i = 0; i < head; i += 1) {
    const line = lines[i]!;
    if (isFurniture(line, lookup)) {
      furniture.add(i);
      continue;
    }
    if (!title && titleLine < 0 && isHeadline(line, lookup)) {
      titleLine = i;
      continue;
    }
    if (!isCreditLine(line)) break;
  }
  if (titleLine >= 0) title = lines[titleLine]!;
  const creditsOfAll = readStoryCredits(closing ? [...lines, closing] : lines, lookup);
  const photoLines = new Set(creditsOfAll.photoLines);
  for (const i of furniture) boilerplate.push(lines[i]!);
  if (closing) boilerplate.push(closing);
  const paragraphs = lines.filter((_line, i) => i !== titleLine && !furniture.has(i) && !photoLines.has(i));
  if (!title) {
    title = firstSentence(paragraphs.filter((p) => !isCreditLine(p))) || firstSentence(lines);
    titleFrom = 'first-sentence';
  }
  title = [...title].slice(0, 255).join('');

  // Speech is looked for outside the credit lines, so a name in a byline is never taken for a speaker.
  const credits = readStoryCredits(paragraphs, lookup);
  const creditLines = new Set(credits.creditLines);
  const quotes = attributeQuotes(paragraphs.map((p, i) => (creditLines.has(i) ? '' : p)));
  const bylineLine = paragraphs.find((_p, i) => creditLines.has(i)) ?? null;

  const outlet = creditsOfAll.outlet?.names[0] ?? null;
  const authors = creditsOfAll.authors.map((a) => a.name);
  const editor = creditsOfAll.editor?.names[0] ?? null;
  const republisher = creditsOfAll.republisher?.names[0] ?? null;
  const photoCredit = creditsOfAll.photoCredit;

  const notes: ImportNote[] = [];
  if (titleFrom === 'first-sentence') notes.push({ code: 'title-from-first-sentence', title });
  if (!outlet) notes.push({ code: 'no-outlet' });
  if (authors.length === 0) notes.push({ code: 'no-writer' });
  notes.push(...creditsOfAll.guesses.map(guessNote));
  if (!photoCredit) notes.push({ code: 'no-photo-credit' });
  for (const quote of quotes)
    if (!quote.speaker) notes.push({ code: 'quote-without-speaker', quote: quote.text, paragraph: quote.paragraph + 1 });

  return {
    title,
    titleFrom,
    paragraphs,
    bylineLine,
    credits,
    outlet,
    authors,
    editor,
    republisher,
    photoCredit,
    boilerplate,
    quotes,
    notes,
    undecided: notes.map(noteText),
  };
}
