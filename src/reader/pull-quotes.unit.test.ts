import { placePullQuotes } from './pull-quotes';
import type { DeliveryPullQuote } from '../delivery/types';

const quote = (text: string, position = 0): DeliveryPullQuote => ({
  documentId: `q${position}`,
  text,
  speaker: '王小明',
  speakerTitle: null,
  speakerOrg: null,
  position,
});

describe('pull-quotes in place', () => {
  const body =
    '<p>開頭一段。</p><p>王小明說:「數據才是護城河。」他笑了。</p><figure><img src="/uploads/a.jpg" alt=""><figcaption>圖片來源 @視覺中國</figcaption></figure><p>He said "the data   is the moat" twice.</p>';

  it('go after the block that holds their words, whatever their position numbers say', () => {
    const placed = placePullQuotes(body, [quote('the data is the moat', 0), quote('“數據才是護城河。”', 1)]);
    expect(placed.blocks.map((b) => [b.html, b.quotes.map((q) => q.documentId)])).toEqual([
      ['<p>開頭一段。</p>', []],
      ['<p>王小明說:「數據才是護城河。」他笑了。</p>', ['q1']],
      ['<figure><img src="/uploads/a.jpg" alt=""><figcaption>圖片來源 @視覺中國</figcaption></figure>', []],
      ['<p>He said "the data   is the moat" twice.</p>', ['q0']],
    ]);
    expect(placed.unplaced).toEqual([]);
  });

  it('a quote with cuts is placed where its parts are, and one not in the text is left for after the body', () => {
    const placed = placePullQuotes(body, [quote('王小明說……他笑了', 0), quote('這句話不在正文裡', 1)]);
    expect(placed.blocks[1]!.quotes.map((q) => q.documentId)).toEqual(['q0']);
    expect(placed.unplaced.map((q) => q.documentId)).toEqual(['q1']);
  });

  it('leaves the body untouched when there are no quotes, and re-serialises it as the same HTML when there are', () => {
    expect(placePullQuotes(body, [])).toEqual({ blocks: [{ html: body, quotes: [] }], unplaced: [] });
    expect(placePullQuotes('', [])).toEqual({ blocks: [], unplaced: [] });
    expect(
      placePullQuotes(body, [quote('x')])
        .blocks.map((b) => b.html)
        .join(''),
    ).toBe(body);
  });
});
