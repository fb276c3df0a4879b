import { length } from './text';

/**
 * Quoted text in a paragraph: `「」` `『』` `“”` `‘’` `""` `''` (and full-width `＂`). Only top-level
 * spans are returned; quotes inside quotes (`全‘滅’了`) belong to the outer one. Scare quotes —
 * a term in quote marks (`" 一畝三分地 "`, `“大模型圈”`) — are quoted but are not speech.
 */
export interface QuotedSpan {
  /** The quoted words, trimmed, without the marks. */
  text: string;
  /** Offsets of the span in the paragraph, marks included. */
  start: number;
  end: number;
}

const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’', '"': '"', '＂': '＂', "'": "'" };
const CLOSERS = new Set(Object.values(PAIRS));
const LATIN = /[A-Za-z]/u;

/** `don't`, `students'`: an ASCII apostrophe between or after letters is not a quote mark. */
function isApostrophe(paragraph: string, i: number): boolean {
  const before = paragraph.charAt(i - 1);
  const after = paragraph.charAt(i + 1);
  return LATIN.test(before) && (LATIN.test(after) || after === '' || /[\s,.;:!?]/u.test(after));
}

/** Top-level quoted spans; an unbalanced closing mark ends the scan of the paragraph. */
export function findQuotedSpans(paragraph: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const stack: Array<{ mark: string; at: number }> = [];
  for (let i = 0; i < paragraph.length; i += 1) {
    const ch = paragraph.charAt(i);
    const top = stack[stack.length - 1];
    const closesSingle = top && PAIRS[top.mark] === ch && (ch === "'" || ch === '’') && !LATIN.test(paragraph.charAt(i + 1));
    if (!closesSingle && (ch === "'" || ch === '’') && isApostrophe(paragraph, i)) continue;
    if (top && PAIRS[top.mark] === ch) {
      stack.pop();
      if (stack.length === 0) {
        const text = paragraph.slice(top.at + 1, i).trim();
        if (text !== '') spans.push({ text, start: top.at, end: i + 1 });
      }
      continue;
    }
    if (ch in PAIRS) {
      // An ASCII single quote opens only before a word, so `it is 'x' here` works and `5' 10"` does not.
      if (ch === "'" && /\s/u.test(paragraph.charAt(i + 1))) continue;
      stack.push({ mark: ch, at: i });
    } else if (CLOSERS.has(ch)) {
      stack.length = 0;
      break;
    }
  }
  // A quote opened and not closed runs to the end of the paragraph (it goes on in the next one).
  const open = stack[0];
  if (open && /^[“「『]$/u.test(open.mark)) {
    const text = paragraph.slice(open.at + 1).trim();
    if (text !== '') spans.push({ text, start: open.at, end: paragraph.length });
  }
  return spans;
}

/** An opening quote left unclosed at the end of the paragraph: the quote goes on in the next one. */
export function endsInsideQuote(paragraph: string): boolean {
  const openers = (paragraph.match(/[“「『]/gu) ?? []).length;
  const closers = (paragraph.match(/[”」』]/gu) ?? []).length;
  const ascii = (paragraph.match(/["＂]/gu) ?? []).length;
  return openers > closers || ascii % 2 === 1;
}

const SENTENCE_PUNCTUATION = /[。！？!?,，;；…]|\.\s/u;
const INTRODUCED = /(?:說|说|表示|指出|認為|认为|坦言|強調|强调|解釋|解释|透露|稱|称|道|问|問|said|says|told|asked)\s*[:：,，]?\s*$/iu;

/** `稱為「貼錢換用戶」`, `the so-called "edge turn"`: a name for something, not speech. */
const NAMING = /(?:稱為|称为|稱之為|称之为|叫做|叫作|所謂|所谓|被稱|被称|號稱|号称|called|dubbed|so-called|known as)\s*$/iu;

/**
 * `「這不是終點。」王小明說`, `"Not yet," she said`: a verb of saying after the quote, in the same clause
 * (no punctuation between), which may first name the speaker with a title: `月之暗面創始人楊植麟在接受採訪時說`.
 */
const SAID_AFTER = /^[\s,，]*[\p{Script=Han}A-Za-z ]{0,16}?(?:說(?!法)|说(?!法)|表示|指出|坦言|強調|强调|said|says|told)/u;

/**
 * Whether a quoted span is speech rather than a term in quotes: long enough to be said (twelve
 * characters, or four English words), or a shorter sentence that a verb of saying introduces
 * (`他說:「好。」`).
 */
export function isSpeech(span: QuotedSpan, paragraph: string): boolean {
  const text = span.text.replace(/\s+/gu, ' ');
  const latin = /^[\x00-\x7f]+$/u.test(text);
  const long = latin ? text.split(' ').length >= 4 : length(text.replace(/\s/gu, '')) >= 12;
  const before = paragraph.slice(Math.max(0, span.start - 12), span.start);
  if (NAMING.test(before)) return false;
  if (long) return true;
  const after = paragraph.slice(span.end, span.end + 24);
  return (INTRODUCED.test(before) || SAID_AFTER.test(after)) && (SENTENCE_PUNCTUATION.test(text) || length(text) >= 4);
}
