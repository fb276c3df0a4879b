import { quoteAppearsIn } from '../../../shared/text/verbatim';
import { pullQuoteVerbatim } from './pull-quote.verbatim';
import { buildSeedStory, seedWith, type SeedStory } from './__fixtures__/seed-story';

/** The seed story with pull-quote `index` (0-based) saying `text`. */
function withQuote(index: number, text: string, story: SeedStory = buildSeedStory()): SeedStory {
  const pullQuotes = story.article.pullQuotes.map((q, i) => (i === index ? { ...q, text } : q));
  return seedWith({ pullQuotes }, story);
}

describe('pull-quote.verbatim', () => {
  it('passes the seed story: all six quotes are in the body word for word', () => {
    expect(pullQuoteVerbatim(buildSeedStory())).toEqual([]);
  });

  it('flags a quote with one character changed at `pullQuotes.0.text`, naming speaker and quote', () => {
    const findings = pullQuoteVerbatim(withQuote(0, '基本可以判断,所有行業都值得用大模型重做一遍。'));
    expect(findings).toEqual([expect.objectContaining({ rule: 'pull-quote.verbatim', severity: 'error', path: 'pullQuotes.0.text' })]);
    expect(findings[0]?.message.en).toContain('賀翔');
    expect(findings[0]?.message['zh-Hant']).toContain('第 1 則引言');
  });

  it.each([
    ['corner brackets and full-width comma', '「基本可以判斷，所有行業都值得用大模型重做一遍。」'],
    ['curly quotes', '“基本可以判斷,所有行業都值得用大模型重做一遍。”'],
    ['full-width Latin and no spaces', '基本可以判斷,所有行業都值得用大模型重做一遍。'],
  ])('accepts a quote differing only by %s', (_label, text) => {
    expect(pullQuoteVerbatim(withQuote(0, text))).toEqual([]);
  });

  it('accepts width and spacing changes around Latin words', () => {
    expect(pullQuoteVerbatim(withQuote(2, '垂類行業只要緊跟潮流,精準解決用戶需求,不會脫離ＡＩ大模型。'))).toEqual([]);
    expect(pullQuoteVerbatim(withQuote(3, '由于成本和場景復雜多元等原因,在這個主力模型之外,還會有N個模型同時應用。'))).toEqual([]);
  });

  it.each(['……', '…', '...', '。。。'])('accepts a quote shortened with %p', (ellipsis) => {
    expect(pullQuoteVerbatim(withQuote(1, `真正影響垂直廠商的差距點只有一個${ellipsis}數據集。`))).toEqual([]);
  });

  it('accepts ellipsis parts from different paragraphs, in order', () => {
    expect(pullQuoteVerbatim(withQuote(0, '基本可以判斷……所有行業都值得用大模型重做一遍。'))).toEqual([]);
    expect(pullQuoteVerbatim(withQuote(0, '所有行業都值得用大模型重做一遍……企業所需的并非僅僅是一個大模型'))).toEqual([]);
  });

  it('flags ellipsis parts in the wrong order', () => {
    expect(pullQuoteVerbatim(withQuote(1, '即用于訓練垂直模型的數據集。……真正影響垂直廠商的差距點只有一個,')).map((f) => f.path)).toEqual([
      'pullQuotes.1.text',
    ]);
  });

  it('does not convert scripts: a Simplified quote is not in a Traditional body', () => {
    expect(pullQuoteVerbatim(withQuote(4, '企业所需的并非仅仅是一个大模型,而是多个大模型。'))).toHaveLength(1);
  });

  it('flags every quote when the body is empty', () => {
    const findings = pullQuoteVerbatim(seedWith({ body: [] }));
    expect(findings.map((f) => f.path)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `pullQuotes.${i}.text`));
  });

  it('flags an empty quote', () => {
    const findings = pullQuoteVerbatim(withQuote(5, ' “ ” '));
    expect(findings[0]?.message.en).toContain('is empty');
  });
});

describe('quoteAppearsIn', () => {
  it('matches each part after the end of the previous one', () => {
    expect(quoteAppearsIn('ab…ab', 'ab')).toBe(false);
    expect(quoteAppearsIn('ab…ab', 'abab')).toBe(true);
  });
});
