import { parseAttributionLine } from '../plugins/attribution-guard/server/src/text/attribution-line';
import { stripCreditPrefix } from '../plugins/attribution-guard/server/src/text/credit';
import { splitStoryText } from '../seed/story-text';
import { ImportInputError } from './errors';
import { findQuoteCandidates, type QuoteCandidate } from './quotes';

export interface ParsedStory {
  title: string;
  /** The story's own paragraphs, untouched, the byline line included; the aggregator's lines and the photo credit removed. */
  paragraphs: string[];
  bylineLine: string;
  outlet: string | null;
  author: string | null;
  editor: string | null;
  /** The cover's credit as the text gives it (`視覺中國` from `圖片來源 @視覺中國`). */
  photoCredit: string | null;
  /** The aggregator that republished the story, when its closing line names one (`钛媒體`). */
  republisher: string | null;
  /** The aggregator's lines that were dropped. */
  boilerplate: string[];
  quotes: QuoteCandidate[];
  /** What the parser could not decide, for the editor to settle. */
  undecided: string[];
}

const TITLE_IN_OPENING = /[::]\s*(.+?)\s*[,,]\s*(?:歡迎閱讀|欢迎阅读)/u;
const REPUBLISHER_IN_CLOSING = /(?:關注|关注)\s*(.+?)\s*(?:微信|公眾號|公众号|[((,,。]|$)/u;
const MAX_TITLE_LENGTH = 80;

/**
 * Reads a syndicated story in the shape of the demo story (one paragraph a line): drops the
 * aggregator's opening and closing lines, reads the byline line and the photo-credit line, and proposes
 * pull-quotes. The title comes from `title`, else from the aggregator's opening line, else from a short
 * first line. A story without a byline line (文|…,作者|…) is refused.
 */
export function parseStory(text: string, options: { title?: string } = {}): ParsedStory {
  const story = splitStoryText(text);
  let paragraphs = [...story.paragraphs];
  if (paragraphs.length === 0) throw new ImportInputError('The file holds no story text.', 'no-text');

  let title = options.title?.trim() || (story.opening ? TITLE_IN_OPENING.exec(story.opening)?.[1]?.trim() : undefined);
  if (!title) {
    const first = paragraphs[0]!;
    if ([...first].length <= MAX_TITLE_LENGTH && !/[。.!?!?]$/u.test(first) && parseAttributionLine(first) === null) {
      title = first;
      paragraphs = paragraphs.slice(1);
    }
  }
  if (!title) throw new ImportInputError('No title found: the story has no aggregator opening line naming it and its first line is not a title. Give one with --title.', 'no-title');

  const bylineLine = story.bylineLine;
  const parts = bylineLine ? parseAttributionLine(bylineLine) : null;
  if (!bylineLine || !parts) {
    throw new ImportInputError('No byline line found (a line such as 文|正見 TrueView,作者|koorvoa,編輯|TV.); a story is imported only with its byline.', 'no-byline');
  }
  const part = (role: 'outlet' | 'author' | 'editor') => parts.find((p) => p.role === role)?.value ?? null;

  const photoCredit = story.photoCredit ? stripCreditPrefix(story.photoCredit) || null : null;
  const republisher = story.closing ? REPUBLISHER_IN_CLOSING.exec(story.closing)?.[1]?.trim() || null : null;
  const quotes = findQuoteCandidates(paragraphs);

  const undecided: string[] = [];
  if (!part('outlet')) undecided.push('The byline line names no outlet (文|…).');
  if (!part('author')) undecided.push('The byline line names no author (作者|…).');
  if (!photoCredit) undecided.push('No photo-credit line (圖片來源 …): the cover needs a credit before publishing.');
  for (const quote of quotes) {
    if (!quote.speaker) undecided.push(`No speaker found for the quote "${quote.text.slice(0, 30)}${quote.text.length > 30 ? '…' : ''}" (paragraph ${quote.paragraph + 1}).`);
  }

  return {
    title,
    paragraphs,
    bylineLine,
    outlet: part('outlet'),
    author: part('author'),
    editor: part('editor'),
    photoCredit,
    republisher,
    boilerplate: [story.opening, story.closing].filter((line): line is string => line !== null),
    quotes,
    undecided,
  };
}
