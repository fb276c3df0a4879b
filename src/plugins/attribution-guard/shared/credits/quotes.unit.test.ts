import { endsInsideQuote, findQuotedSpans, isSpeech } from './quotes';

const speech = (paragraph: string) =>
  findQuotedSpans(paragraph)
    .filter((s) => isSpeech(s, paragraph))
    .map((s) => s.text);

describe('quoted spans', () => {
  it('finds every kind of quote mark, the outer quote only', () => {
    expect(findQuotedSpans('「再少一個學生,這條路線就要停了。」他說。').map((s) => s.text)).toEqual(['再少一個學生,這條路線就要停了。']);
    expect(findQuotedSpans('“中國不太注重生态,把别人全‘滅’了。”他說').map((s) => s.text)).toEqual(['中國不太注重生态,把别人全‘滅’了。']);
    expect(findQuotedSpans('『大模型』與“小模型”').map((s) => s.text)).toEqual(['大模型', '小模型']);
    expect(findQuotedSpans('"Memory is the bottleneck," she said.').map((s) => s.text)).toEqual(['Memory is the bottleneck,']);
    expect(findQuotedSpans("It's the 'edge turn', analysts say. Don't worry.").map((s) => s.text)).toEqual(['edge turn']);
  });

  it('tells speech from scare quotes', () => {
    expect(speech('深耕領網域内的 " 一畝三分地 "。')).toEqual([]);
    expect(speech('用AI發願,垂直行業廠商逐夢“大模型圈”')).toEqual([]);
    expect(speech('Analysts call it the "edge turn".')).toEqual([]);
    expect(speech('他說:「好的。」')).toEqual(['好的。']);
    expect(speech('「算力仍然是最大的成本。」月之暗面創始人楊植麟在接受採訪時說。')).toEqual(['算力仍然是最大的成本。']);
    expect(speech('「數據飛輪」這個概念,後來被很多公司拿來說明')).toEqual([]);
    expect(speech('「我們不是不願意,是真的沒有辦法。」')).toEqual(['我們不是不願意,是真的沒有辦法。']);
    expect(speech('"The next billion users will meet AI on a device," said Priya Nair.')).toHaveLength(1);
  });

  it('sees a quote left open at the end of a paragraph', () => {
    expect(endsInsideQuote('他說:「第一點是成本,')).toBe(true);
    expect(endsInsideQuote('他說:「第一點是成本。」')).toBe(false);
  });
});
