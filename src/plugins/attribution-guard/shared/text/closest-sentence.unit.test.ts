import { closestSentence, sentencesOf } from './closest-sentence';

describe('sentencesOf', () => {
  it('splits at full-width and half-width stops and keeps closing quote marks', () => {
    expect(sentencesOf('他說:「數據是門檻。」然後離開了!What now? 好;')).toEqual([
      '他說:「數據是門檻。」',
      '然後離開了!',
      'What now?',
      '好;',
    ]);
  });

  it('does not split at a decimal point or inside a version number', () => {
    expect(sentencesOf('GPT-3.5 的成本是 1.2 倍。Version 2.0 shipped.')).toEqual(['GPT-3.5 的成本是 1.2 倍。', 'Version 2.0 shipped.']);
  });

  it('keeps a paragraph without a stop as one sentence', () => {
    expect(sentencesOf('沒有句號的一段')).toEqual(['沒有句號的一段']);
  });
});

describe('closestSentence', () => {
  const body = [
    '文|正見 TrueView',
    '賀翔認為,大模型的門檻在於數據。沒有數據,再好的算法也沒用。',
    '戴志康說:“我們要做的是讓每個行業都有自己的模型。”他補充道,這需要時間。',
  ];

  it('finds the sentence a misquote was copied from, with a character changed', () => {
    const found = closestSentence('我們要做的是讓每個產業都有自己的模型', body);
    expect(found).toMatchObject({ paragraph: 2, text: '戴志康說:“我們要做的是讓每個行業都有自己的模型。”' });
    expect(found!.similarity).toBeGreaterThan(0.5);
  });

  it('offers two adjacent sentences for a quote that runs over a full stop', () => {
    const found = closestSentence('大模型的門檻在於數據,沒有數據再好的算法也沒用', body);
    expect(found?.text).toBe('賀翔認為,大模型的門檻在於數據。沒有數據,再好的算法也沒用。');
  });

  it('offers nothing for a quote the body does not contain at all', () => {
    expect(closestSentence('今天天氣很好,適合出門散步', body)).toBeNull();
  });

  it('offers nothing for an empty quote', () => {
    expect(closestSentence('  ', body)).toBeNull();
  });

  it('reads English bodies too', () => {
    const found = closestSentence('The model is only as good as its data', [
      'Intro.',
      'He said the model is only as good as the data it sees. Then he left.',
    ]);
    expect(found?.text).toBe('He said the model is only as good as the data it sees.');
  });
});
