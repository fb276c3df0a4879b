/**
 * Pull-quote candidates: quoted speech (`" "`, `“ ”`, `「 」`, `『 』`) with its speaker named in the same
 * paragraph or, failing that, a neighbouring one. A speaker is named as `<organisation><title><name>`
 * before a verb of saying (夥伴雲董事長兼 CEO 戴志康對…表示), or by a name already introduced that way
 * (在戴志康看來), or by a pronoun standing for the last speaker (他進一步舉例補充).
 */

export interface QuotedSpan {
  /** The quoted words, trimmed, without the marks. */
  text: string;
  paragraph: number;
  /** Offsets of the quote in the paragraph, marks included. */
  start: number;
  end: number;
}

export interface SpeakerMention {
  name: string;
  /** The title as the text gives it (`董事長兼 CEO`, `副總裁`), if any. */
  title: string | null;
  /** What precedes the title in the same phrase: the organisation, sometimes with a qualifier of the title (`毫末智行數據智能`). */
  organisation: string | null;
  paragraph: number;
  /** Offset of the name in the paragraph. */
  index: number;
}

export interface QuoteCandidate {
  text: string;
  speaker: string | null;
  speakerTitle: string | null;
  speakerOrg: string | null;
  paragraph: number;
  /** How the speaker was found: in the same paragraph, a neighbouring one, or not at all. */
  speakerFrom: 'same-paragraph' | 'neighbouring-paragraph' | 'pronoun' | null;
}

const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '"': '"', '＂': '＂' };
const CLOSERS = new Set(Object.values(PAIRS));

/** Top-level quoted spans of one paragraph; an unbalanced mark ends the scan of that paragraph. */
export function findQuotedSpans(paragraph: string, index: number): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const stack: Array<{ mark: string; at: number }> = [];
  for (let i = 0; i < paragraph.length; i += 1) {
    const ch = paragraph.charAt(i);
    const top = stack[stack.length - 1];
    if (top && PAIRS[top.mark] === ch) {
      stack.pop();
      if (stack.length === 0) {
        const text = paragraph.slice(top.at + 1, i).trim();
        if (text !== '') spans.push({ text, paragraph: index, start: top.at, end: i + 1 });
      }
      continue;
    }
    if (ch in PAIRS) stack.push({ mark: ch, at: i });
    else if (CLOSERS.has(ch)) break;
  }
  return spans;
}

const TITLES = [
  '董事長兼 CEO', '董事长兼 CEO', '創始人兼 CEO', '创始人兼 CEO', '聯合創始人', '联合创始人', '創始人', '创始人',
  '首席執行官', '首席执行官', '首席技術官', '首席技术官', '首席科學家', '首席科学家', '副總裁', '副总裁', '總裁', '总裁',
  '總經理', '总经理', '董事長', '董事长', '副總經理', '副总经理', '合夥人', '合伙人', '科學家', '科学家', '分析師', '分析师',
  '研究員', '研究员', '教授', '主任', '總監', '总监', '負責人', '负责人', '秘書長', '秘书长', '院長', '院长', '部長', '部长',
  'CEO', 'CTO', 'COO', 'CFO',
].sort((a, b) => b.length - a.length);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s*');
/** Characters that begin a verb of saying or a preposition before one. */
const SAYS = '對对向持號号判表認认說说解看指稱称透坦強强補补直同回告分談谈介提預预坦稱呼';
const INTRODUCED = new RegExp(`(${TITLES.map(escape).join('|')})\\s*([\\p{Script=Han}]{2,3}?)(?=[${SAYS}])`, 'gu');
/** Where the phrase naming a speaker's organisation starts: after punctuation, a space, a quote mark or 的. */
const PHRASE_BOUNDARY = /[\s,,。;;::、!?!?()()"“”「」『』的是在]/u;
const PRONOUN = /(?:^|[,,。;;:!?!?\s])(?:他|她)(?=[進进也還还直認认說说表同補补坦指強强解])/u;

/** Text of a paragraph with its quotes blanked out, so names inside quoted speech are not taken for speakers. */
function outsideQuotes(paragraph: string, spans: QuotedSpan[]): string {
  let text = paragraph;
  for (const span of spans) text = text.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.slice(span.end);
  return text;
}

/** The organisation (and any qualifier of the title) before a title: `夥伴雲` in 夥伴雲董事長兼 CEO 戴志康. */
function phraseBefore(text: string, at: number): string | null {
  let from = at;
  while (from > 0 && at - from < 16 && !PHRASE_BOUNDARY.test(text.charAt(from - 1))) from -= 1;
  const phrase = text.slice(from, at).trim();
  return phrase === '' ? null : phrase;
}

export function findSpeakerMentions(paragraphs: string[]): SpeakerMention[] {
  const mentions: SpeakerMention[] = [];
  const spansByParagraph = paragraphs.map((p, i) => findQuotedSpans(p, i));
  paragraphs.forEach((paragraph, p) => {
    const text = outsideQuotes(paragraph, spansByParagraph[p]!);
    for (const match of text.matchAll(INTRODUCED)) {
      const [, title = '', name = ''] = match;
      const at = match.index ?? 0;
      mentions.push({ name, title: title.trim(), organisation: phraseBefore(text, at), paragraph: p, index: at + match[0].length - name.length });
    }
  });
  // Names once introduced are recognised on their own afterwards (在戴志康看來, 賀翔同樣認為).
  const known = new Map<string, SpeakerMention>();
  for (const mention of mentions) if (!known.has(mention.name)) known.set(mention.name, mention);
  paragraphs.forEach((paragraph, p) => {
    const text = outsideQuotes(paragraph, spansByParagraph[p]!);
    for (const [name, first] of known) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(name, from);
        if (at < 0) break;
        if (!mentions.some((m) => m.paragraph === p && m.index === at)) {
          mentions.push({ name, title: first.title, organisation: first.organisation, paragraph: p, index: at });
        }
        from = at + name.length;
      }
    }
  });
  return mentions.sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
}

/** Quoted speech with its speaker; quotes of fewer than `minLength` characters (terms in quotes) are skipped. */
export function findQuoteCandidates(paragraphs: string[], minLength = 12): QuoteCandidate[] {
  const mentions = findSpeakerMentions(paragraphs);
  const candidates: QuoteCandidate[] = [];
  paragraphs.forEach((paragraph, p) => {
    for (const span of findQuotedSpans(paragraph, p)) {
      if ([...span.text].length < minLength) continue;
      const here = mentions.filter((m) => m.paragraph === p);
      let speaker: SpeakerMention | undefined;
      let from: QuoteCandidate['speakerFrom'] = null;
      if (here.length > 0) {
        const distance = (m: SpeakerMention) => (m.index >= span.end ? m.index - span.end : span.start - m.index);
        speaker = [...here].sort((a, b) => distance(a) - distance(b))[0];
        from = 'same-paragraph';
      } else {
        const before = mentions.filter((m) => m.paragraph === p - 1);
        const after = mentions.filter((m) => m.paragraph === p + 1);
        if (PRONOUN.test(paragraph)) {
          const earlier = mentions.filter((m) => m.paragraph < p);
          speaker = earlier[earlier.length - 1];
          from = speaker ? 'pronoun' : null;
        } else if (before.length > 0 || after.length > 0) {
          speaker = before.length > 0 ? before[before.length - 1] : after[0];
          from = 'neighbouring-paragraph';
        }
      }
      candidates.push({
        text: span.text,
        speaker: speaker?.name ?? null,
        speakerTitle: speaker?.title ?? null,
        speakerOrg: speaker?.organisation ?? null,
        paragraph: p,
        speakerFrom: from,
      });
    }
  });
  return candidates;
}
