import { getBodyText } from '../plugins/attribution-guard/shared/text/blocks-text';
import { namesChanged, numbersIn, quoteReviewReasons, textReviewReasons } from './review';

const body = (...paragraphs: string[]) =>
  getBodyText(paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }))).normalised;

describe('what a converted record needs a person for', () => {
  it('reads numbers width-folded, with decimals and percentages', () => {
    expect(numbersIn('2025年增長３.５%,共1,200家')).toEqual(['2025', '3.5%', '1,200']);
    expect(numbersIn(null)).toEqual([]);
  });

  it('flags a number the conversion changed, and none when they came through', () => {
    expect(textReviewReasons([{ field: 'bio', before: '2019年加入,寫了30篇', after: '2019年加入,写了30篇' }], [])).toEqual([]);
    expect(textReviewReasons([{ field: 'bio', before: '寫了30篇', after: '写了三十篇' }], [])).toEqual([
      { code: 'numbers-changed', field: 'bio', detail: '30 → ' },
    ]);
  });

  it('flags a protected name that did not come through as written, as often as it was there', () => {
    expect(namesChanged('正見記者與正見編輯', '正見记者与正见编辑', ['正見'])).toEqual(['正見']);
    expect(namesChanged('正見記者', '正見记者', ['正見', '視覺中國'])).toEqual([]);
    expect(textReviewReasons([{ field: 'displayName', before: '林資訊', after: '林资讯' }], ['林資訊'])).toEqual([
      { code: 'names-changed', field: 'displayName', detail: '林資訊' },
    ]);
  });

  it('verifies a quote with the guard’s own word-for-word test, and wants a speaker', () => {
    const text = body('他说:“所有行业都值得用大模型重做一遍。”', '下一段。');
    expect(quoteReviewReasons({ text: '所有行业都值得用大模型重做一遍。', speaker: '周明' }, text)).toEqual([]);
    expect(quoteReviewReasons({ text: '所有行业……重做一遍。', speaker: '周明' }, text)).toEqual([]);
    expect(quoteReviewReasons({ text: '所有行業都值得用大模型重做一遍。', speaker: '' }, text).map((r) => r.code)).toEqual([
      'speaker-missing',
      'quote-not-verbatim',
    ]);
    // A quote may not bridge two paragraphs.
    expect(quoteReviewReasons({ text: '重做一遍。下一段。', speaker: '周明' }, text).map((r) => r.code)).toEqual(['quote-not-verbatim']);
  });
});
