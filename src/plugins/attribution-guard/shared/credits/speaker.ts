import { findQuotedSpans, isSpeech, endsInsideQuote, type QuotedSpan } from './quotes';
import { escapeRegExp } from './text';

/**
 * People named in the text as they are introduced: `<organisation><title><name>` before a verb of
 * saying (`夥伴雲董事長兼 CEO 戴志康對…表示`), a bare name before one (`王小明說`, `李大華在接受本報
 * 採訪時表示`), English (`said Jane Ho, chief economist at Foo Bank`, `according to Ann Wu`), a
 * name already introduced (`在戴志康看來`), and 他/她/he/she before a verb.
 */
export interface SpeakerMention {
  name: string;
  title: string | null;
  organisation: string | null;
  /** Offset of the name in the paragraph. */
  index: number;
  /** 他/她/he/she: stands for the person last named. */
  pronoun: boolean;
}

const RANKS = [
  '首席',
  '高級',
  '高级',
  '資深',
  '资深',
  '副',
  '執行',
  '执行',
  '聯席',
  '联席',
  '常務',
  '常务',
  '區域',
  '区域',
  '全球',
  '大中華區',
  '大中华区',
  '中國區',
  '中国区',
];
/** Fields that qualify a specialist's title (`數據智能科學家`, `首席技術官` is a title of its own). */
const FIELDS = [
  '數據智能',
  '数据智能',
  '人工智能',
  '自動駕駛',
  '自动驾驶',
  '大模型',
  '數據',
  '数据',
  '算法',
  '技術',
  '技术',
  '產品',
  '产品',
  '研發',
  '研发',
  '供應鏈',
  '供应链',
  '行業',
  '行业',
  '產業',
  '产业',
  '市場',
  '市场',
  '銷售',
  '销售',
  '運營',
  '运营',
  '戰略',
  '战略',
  '投資',
  '投资',
  '安全',
  '研究',
  '營銷',
  '营销',
  '財務',
  '财务',
  '法務',
  '法务',
];
/** Titles a field may qualify; founders, chairs and chiefs take ranks only. */
const SPECIALIST = [
  '科學家',
  '科学家',
  '工程師',
  '工程师',
  '架構師',
  '架构师',
  '分析師',
  '分析师',
  '研究員',
  '研究员',
  '總監',
  '总监',
  '負責人',
  '负责人',
  '經理',
  '经理',
  '主管',
  '專家',
  '专家',
  '顧問',
  '顾问',
  '主任',
  '官',
];
const LEADERS = [
  '董事長',
  '董事长',
  '創始人',
  '创始人',
  '聯合創始人',
  '联合创始人',
  '首席執行官',
  '首席执行官',
  '首席技術官',
  '首席技术官',
  '首席科學家',
  '首席科学家',
  '首席經濟學家',
  '首席经济学家',
  '總裁',
  '总裁',
  '總經理',
  '总经理',
  '合夥人',
  '合伙人',
  '教授',
  '秘書長',
  '秘书长',
  '院長',
  '院长',
  '部長',
  '部长',
  '局長',
  '局长',
  '處長',
  '处长',
  '署長',
  '署长',
  '校長',
  '校长',
  '里長',
  '里长',
  '村長',
  '村长',
  '廳長',
  '厅长',
  '理事長',
  '理事长',
  '會長',
  '会长',
  '社長',
  '社长',
  '總編輯',
  '总编辑',
  '主編',
  '主编',
  '市長',
  '市长',
  '發言人',
  '发言人',
  'CEO',
  'CTO',
  'COO',
  'CFO',
  'CMO',
  'CIO',
  'VP',
];
const TITLE_WORDS = [...SPECIALIST.filter((t) => t !== '官'), ...LEADERS].sort((a, b) => b.length - a.length);
const TITLE_ALT = TITLE_WORDS.map((t) => escapeRegExp(t)).join('|');
/** `董事長兼 CEO`, `創始人兼 CEO`, `副總裁`. */
const TITLE = `(?:${TITLE_ALT})(?:\\s*(?:兼|和|及|、)\\s*(?:${TITLE_ALT}))?`;

/** Characters that begin a verb of saying, or what stands between a speaker and one (對/向/在). */
const SAYS = '對对向持號号判表認认說说解看指稱称透坦強强補补直同回告分談谈介提預预呼在也則则曾還还進进談谈:：,，□';

const SURNAMES =
  '王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧田董潘袁蔡蔣蒋余于杜葉叶程魏蘇苏呂吕丁任沈姚盧卢傅鍾钟姜崔譚谭陸陆范汪廖石金韋韦賈贾夏付方鄒邹熊白孟秦邱侯江尹薛閻阎段雷龍龙黎史陶賀贺毛郝顧顾龔龚邵萬万覃武錢钱戴嚴严莫孔向常湯汤康易喬乔賴赖文施洪辛柯莊庄簡简翁溫温游涂尤';
const COMPOUND_SURNAMES = '歐陽|欧阳|司馬|司马|諸葛|诸葛|上官|東方|东方|令狐|皇甫|慕容';
/** A Chinese name after a title starts with a surname, so `里長也提到` names no one. */
const NAME = `(?:${COMPOUND_SURNAMES}|[${SURNAMES}])[\\p{Script=Han}·]{1,2}?`;
const TITLED = new RegExp(`(${TITLE})\\s*(${NAME})(?=\\s*[${SAYS}])`, 'gu');
const VERB =
  '(?:說|说|表示|指出|認為|认为|坦言|強調|强调|解釋|解释|透露|告訴|告诉|直言|補充|补充|回應|回应|談到|谈到|提到|分析|介紹|介绍|預測|预测|稱|称|' +
  '(?:向|對|对)[^，,。；;□]{1,14}?(?:表示|透露|說|说|指出|強調|强调|坦言|分析)|在接受[^，,。；;□]{1,20}?(?:採訪|采访)時?(?:表示|說|说|指出|透露|坦言)|(?:也|則|则|還|还|進一步|进一步|同樣|同样)(?:表示|認為|认为|指出|說|说|強調|强调))';
const BOUNDARY = '[\\s,，。;；:：!！?？、()（）□「」『』“”"\'據据在]';
const BARE = new RegExp(`(?:^|(?<=${BOUNDARY}))((?:${COMPOUND_SURNAMES}|[${SURNAMES}])[\\p{Script=Han}]{1,2}?)(?=${VERB})`, 'gu');
/** A surname followed by these is a noun phrase (高層, 方面, 周邊), not a person. */
const NOT_A_NAME =
  /^.(?:層|层|管|方|面|們|们|司|局|部|處|处|家|員|员|者|界|內|内|外|邊|边|時|时|期|年|月|日|些|位|業|业|國|国|市|省|區|区)/u;

const SPEECH_WORDS =
  '說|说|表示|指出|認為|认为|坦言|強調|强调|解釋|解释|透露|告訴|告诉|直言|補充|补充|回應|回应|談到|谈到|提到|分析|介紹|介绍|稱|称|看來|看来|舉例|举例|問|问|道';
/** `校長吳文雄站在校門口說`: a titled name whose verb comes a few words later (three-character names first). */
const TITLED_LOOSE = new RegExp(
  `(${TITLE})\\s*((?:${COMPOUND_SURNAMES}|[${SURNAMES}])[\\p{Script=Han}]{1,2})(?=[^，,。；;□]{0,12}?(?:${SPEECH_WORDS}))`,
  'gu',
);
/** 他/她 before a verb of saying in the same clause (`他進一步舉例補充`, `她直言`). */
const PRONOUN = new RegExp(`(?:^|(?<=${BOUNDARY}))(他|她)(?=[^，,。；;□]{0,8}?(?:${SPEECH_WORDS}))`, 'gu');

const EN_NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:(?:de|van|von|der|la|le|bin|al)\\s+)?\\p{Lu}[\\p{L}'’-]+){0,2}";
const EN_TITLE = '[a-z][a-z -]{2,60}?';
const EN_ORG = "(?:the\\s+)?\\p{Lu}[\\p{L}\\d&.'’-]*(?:\\s+(?:of\\s+|and\\s+|&\\s+)?\\p{Lu}[\\p{L}\\d&.'’-]*){0,5}";
const EN_SAID_NAME = new RegExp(
  `\\b(?:said|says|told\\s+[^,.]{1,30}?|added|explained|noted|according\\s+to)\\s+(${EN_NAME})(?:,\\s+(?:the\\s+|an?\\s+)?(${EN_TITLE})\\s+(?:at|of|for|with)\\s+(${EN_ORG}))?`,
  'gu',
);
const EN_NAME_SAID = new RegExp(
  `(?:^|(?<=[\\s,;:□(]))(${EN_NAME})(?:,\\s+(?:the\\s+|an?\\s+)?(${EN_TITLE})\\s+(?:at|of|for|with)\\s+(${EN_ORG}),)?\\s+(?:said|says|told|added|explained|noted|argued|warned)\\b`,
  'gu',
);
const EN_PRONOUN = /\b(he|she)\s+(?:said|says|told|added|explained|noted|argued|warned)\b/giu;
const NOT_EN_NAME = /^(?:He|She|It|They|We|I|You|The|This|That|There|But|And|When|While|As|In|On|At|A|An|Mr|Ms|Dr)$/u;

/** Where the phrase naming a speaker's organisation starts: after punctuation, a space, a quote mark or 的/是/在. */
const PHRASE_BOUNDARY = /[\s,，。;；:：、!！?？()（）"“”「」『』□的是在和與与及]/u;
/** Words before an organisation's name that describe it (`Pre-A+ 輪企業瀾舟科技` → 瀾舟科技). */
const DESCRIPTOR = /^.*?(?:企業|企业|公司|機構|机构|廠商|厂商|平台|集團|集团|品牌|團隊|团队)(?=[\p{Script=Han}A-Za-z]{2,})/u;

function endsWithAny(text: string, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const word of words) if (text.endsWith(word) && (best === null || word.length > best.length)) best = word;
  return best;
}

/**
 * Splits what precedes a name into organisation and title: `毫末智行數據智能科學家` → 毫末智行 +
 * 數據智能科學家, `竹間智能首席科學家` → 竹間智能 + 首席科學家. A field qualifies a specialist's title
 * only, and only before any rank, so `竹間智能創始人` keeps 竹間智能 whole.
 */
export function splitOrganisationTitle(before: string, title: string): { organisation: string | null; title: string } {
  let rest = before;
  let full = title;
  const base = title.replace(/\s*(?:兼|和|及|、).*$/u, '');
  let fieldsAllowed = SPECIALIST.some((s) => base.endsWith(s)) && !LEADERS.includes(base);
  for (;;) {
    const field = fieldsAllowed ? endsWithAny(rest, FIELDS) : null;
    if (field && rest.length >= field.length) {
      full = field + full;
      rest = rest.slice(0, -field.length);
      continue;
    }
    const rank = endsWithAny(rest, RANKS);
    if (rank && rest.length >= rank.length) {
      full = rank + full;
      rest = rest.slice(0, -rank.length);
      fieldsAllowed = false;
      continue;
    }
    break;
  }
  let organisation = rest.trim();
  // 交通部長 is the head (部長) of 交通部: the unit's character belongs to the organisation too.
  const head = /^([部局處处署廳厅會会院社校])(?:長|长)$/u.exec(full);
  if (head && organisation !== '' && !organisation.endsWith(head[1]!)) organisation += head[1]!;
  const descriptor = DESCRIPTOR.exec(organisation);
  if (descriptor) organisation = organisation.slice(descriptor[0].length);
  return { organisation: organisation === '' ? null : organisation, title: full.trim() };
}

/** The phrase ending at `at`, back to the last boundary (at most 16 characters). */
function phraseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < 16 && !PHRASE_BOUNDARY.test(text.charAt(from - 1))) from -= 1;
  return text.slice(from, at);
}

/** Mentions in one paragraph, quotes already blanked out (`masked`) so words inside speech are not taken for speakers. */
function introduced(masked: string): SpeakerMention[] {
  const found: SpeakerMention[] = [];
  for (const match of [...masked.matchAll(TITLED), ...masked.matchAll(TITLED_LOOSE)]) {
    const [, title = '', name = ''] = match;
    const at = match.index ?? 0;
    if (found.some((m) => Math.abs(m.index - (at + match[0].length - name.length)) < 3)) continue;
    const split = splitOrganisationTitle(phraseBefore(masked, at), title.trim());
    found.push({ name, title: split.title, organisation: split.organisation, index: at + match[0].length - name.length, pronoun: false });
  }
  for (const match of masked.matchAll(BARE)) {
    const name = match[1] ?? '';
    const at = match.index ?? 0;
    if (NOT_A_NAME.test(name) || found.some((m) => at >= m.index && at < m.index + m.name.length)) continue;
    found.push({ name, title: null, organisation: null, index: at, pronoun: false });
  }
  for (const pattern of [EN_SAID_NAME, EN_NAME_SAID]) {
    for (const match of masked.matchAll(pattern)) {
      const [whole, name = '', title, organisation] = match;
      if (NOT_EN_NAME.test(name.split(/\s+/u)[0] ?? '')) continue;
      const index = (match.index ?? 0) + whole.indexOf(name);
      if (found.some((m) => m.index === index)) continue;
      found.push({
        name,
        title: title?.trim() ?? null,
        organisation:
          organisation
            ?.replace(/^the\s+/u, '')
            .replace(/[.,;:]+$/u, '')
            .trim() ?? null,
        index,
        pronoun: false,
      });
    }
  }
  return found;
}

function pronouns(masked: string): SpeakerMention[] {
  const found: SpeakerMention[] = [];
  for (const match of masked.matchAll(PRONOUN))
    found.push({ name: match[1]!, title: null, organisation: null, index: match.index ?? 0, pronoun: true });
  for (const match of masked.matchAll(EN_PRONOUN))
    found.push({ name: match[1]!, title: null, organisation: null, index: match.index ?? 0, pronoun: true });
  return found;
}

/**
 * Every mention in every paragraph (texts with their quotes blanked out), in reading order. Names
 * introduced anywhere are then found on their own everywhere (an English name also by its last word).
 */
export function findSpeakerMentions(masked: readonly string[]): SpeakerMention[][] {
  const perParagraph = masked.map(introduced);
  // A person keeps the title and organisation they were first introduced with (賀翔同樣認為 → 數據智能科學家).
  const known = new Map<string, SpeakerMention>();
  for (const mention of perParagraph.flat()) {
    const seen = known.get(mention.name);
    if (!seen || (seen.title === null && mention.title !== null)) known.set(mention.name, mention);
  }
  const forms = new Map<string, SpeakerMention>();
  for (const [name, first] of known) {
    forms.set(name, first);
    const parts = name.split(/\s+/u);
    if (parts.length > 1) forms.set(parts[parts.length - 1]!, first);
  }
  return masked.map((text, p) => {
    const mentions = perParagraph[p]!.map((m) => {
      const first = known.get(m.name);
      return m.title === null && m.organisation === null && first ? { ...m, title: first.title, organisation: first.organisation } : m;
    });
    for (const [form, first] of forms) {
      const latin = /^[\x00-\x7f]+$/u.test(form);
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        if (latin && (/\p{L}/u.test(text.charAt(at - 1)) || /\p{L}/u.test(text.charAt(at + form.length)))) continue;
        if (mentions.some((m) => at >= m.index && at < m.index + m.name.length)) continue;
        mentions.push({ name: first.name, title: first.title, organisation: first.organisation, index: at, pronoun: false });
      }
    }
    for (const pronoun of pronouns(text)) if (!mentions.some((m) => m.index === pronoun.index)) mentions.push(pronoun);
    return mentions.sort((a, b) => a.index - b.index);
  });
}

export interface QuoteAttribution {
  /** The quoted words as the text gives them (marks removed). */
  text: string;
  paragraph: number;
  /** Offsets of the quote in its paragraph, marks included. */
  start: number;
  end: number;
  speaker: string | null;
  speakerTitle: string | null;
  speakerOrg: string | null;
  /**
   * How the speaker was found: named in the quote's own sentence, in the sentence introducing a quote
   * that stands alone, by 他/她 standing for the person last named, or carried from the previous
   * paragraph because this one continues its quote. Null: no speaker could be told.
   */
  speakerFrom: 'same-sentence' | 'introducing-sentence' | 'pronoun' | 'continued-quote' | null;
}

const BLANK = '□';
const SENTENCE_END = /[。！？!?；;]|\.(?=\s|$)/gu;
const NOTHING_BUT_PUNCTUATION = /^[\s□,，。;；:：!！?？、…—-]*$/u;

function mask(paragraph: string, spans: readonly QuotedSpan[]): string {
  let text = paragraph;
  for (const span of spans) text = text.slice(0, span.start) + BLANK.repeat(span.end - span.start) + text.slice(span.end);
  return text;
}

function sentences(masked: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of masked.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    out.push({ start, end });
    start = end;
  }
  if (start < masked.length) out.push({ start, end: masked.length });
  return out;
}

type Speaker = Pick<SpeakerMention, 'name' | 'title' | 'organisation'>;

/**
 * Pull-quote candidates with their speakers. The speaker is a person named in the quote's own
 * sentence (the one nearest the quote), or in the sentence that introduces a quote standing alone.
 * A speaker is carried into the next paragraph only when it continues the quote: it opens with a
 * quote mark right after a paragraph that ended in (or inside) that speaker's quote or with a colon,
 * or it names them as 他/她 before a verb. Anything else gets no speaker: an empty speaker is for the
 * editor to fill in, a wrong one would be printed.
 */
export function attributeQuotes(paragraphs: readonly string[]): QuoteAttribution[] {
  const spans = paragraphs.map((p) => findQuotedSpans(p));
  const masked = paragraphs.map((p, i) => mask(p, spans[i]!));
  const mentions = findSpeakerMentions(masked);
  const out: QuoteAttribution[] = [];
  /** The last person named (or speaking) in the previous paragraph, and whether it ended in their quote. */
  let previous: { last: Speaker | null; lastQuoteSpeaker: Speaker | null; endsInQuote: boolean } = {
    last: null,
    lastQuoteSpeaker: null,
    endsInQuote: false,
  };

  paragraphs.forEach((paragraph, p) => {
    const text = masked[p]!;
    const here = mentions[p]!;
    const parts = sentences(text);
    const resolve = (mention: SpeakerMention): Speaker | null => {
      if (!mention.pronoun) return mention;
      const before = here.filter((m) => !m.pronoun && m.index < mention.index);
      const named = before[before.length - 1];
      if (named) return named;
      return previous.lastQuoteSpeaker ?? previous.last;
    };
    const inSentence = (s: { start: number; end: number }) => here.filter((m) => m.index >= s.start && m.index < s.end);
    let lastQuoteSpeaker: Speaker | null = null;

    for (const span of spans[p]!) {
      if (!isSpeech(span, paragraph)) continue;
      const s = parts.findIndex((part) => span.start >= part.start && span.start < part.end);
      const sentence = parts[s] ?? { start: 0, end: text.length };
      let speaker: Speaker | null = null;
      let from: QuoteAttribution['speakerFrom'] = null;
      const candidates = inSentence(sentence);
      if (candidates.length > 0) {
        const distance = (m: SpeakerMention) => (m.index >= span.end ? m.index - span.end : Math.max(0, span.start - m.index));
        const nearest = [...candidates].sort((a, b) => distance(a) - distance(b))[0]!;
        speaker = resolve(nearest);
        from = speaker ? (nearest.pronoun ? 'pronoun' : 'same-sentence') : null;
      } else if (NOTHING_BUT_PUNCTUATION.test(text.slice(sentence.start, sentence.end))) {
        if (s > 0) {
          // A quote standing as its own sentence is introduced by the sentence before it.
          const before = inSentence(parts[s - 1]!);
          const named = before[before.length - 1];
          speaker = named ? resolve(named) : lastQuoteSpeaker;
          from = speaker ? 'introducing-sentence' : null;
        } else if (/^\s*[“「『"＂‘']/u.test(paragraph) && span.start <= paragraph.search(/\S/u) && previous.endsInQuote) {
          speaker = previous.lastQuoteSpeaker;
          from = speaker ? 'continued-quote' : null;
        }
      }
      if (speaker) lastQuoteSpeaker = speaker;
      out.push({
        text: span.text,
        paragraph: p,
        start: span.start,
        end: span.end,
        speaker: speaker?.name ?? null,
        speakerTitle: speaker?.title ?? null,
        speakerOrg: speaker?.organisation ?? null,
        speakerFrom: from,
      });
    }

    const named = here.filter((m) => !m.pronoun);
    const lastSpan = spans[p]![spans[p]!.length - 1];
    const tail = lastSpan ? paragraph.slice(lastSpan.end) : paragraph;
    previous = {
      last: named[named.length - 1] ?? null,
      lastQuoteSpeaker,
      endsInQuote:
        lastQuoteSpeaker !== null &&
        (endsInsideQuote(paragraph) ||
          (lastSpan !== undefined && NOTHING_BUT_PUNCTUATION.test(tail.replace(/[”」』"]/gu, ''))) ||
          /[:：]\s*$/u.test(paragraph)),
    };
  });
  return out;
}
