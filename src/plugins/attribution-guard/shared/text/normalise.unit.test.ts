import { collapseWhitespace, isBlank, normaliseName, normaliseText, stripQuoteMarks, toHalfWidth } from './normalise';

describe('normaliseText', () => {
  it('folds full-width forms to half-width', () => {
    expect(toHalfWidth('ＡＩ，大模型｜＂')).toBe('AI,大模型|"');
    expect(normaliseText('ＡＩ，大模型')).toBe('ai,大模型');
  });

  it('removes quote marks of every kind, including the padded ones of the seed text', () => {
    expect(normaliseText('" 一畝三分地 "')).toBe('一畝三分地');
    for (const quoted of ['「一畝三分地」', '『一畝三分地』', '“一畝三分地”', '‘一畝三分地’', '＂一畝三分地＂']) {
      expect(normaliseText(quoted)).toBe('一畝三分地');
    }
    expect(stripQuoteMarks('He said "yes"')).toBe('He said yes');
  });

  it('keeps one space between Latin words and drops spacing around Chinese', () => {
    expect(normaliseText('不會脫離 AI 大模型')).toBe('不會脫離ai大模型');
    expect(normaliseText('還會有 N  個模型')).toBe('還會有n個模型');
    expect(normaliseText('fine   tune')).toBe('fine tune');
    expect(normaliseText('finetune')).not.toBe(normaliseText('fine tune'));
    expect(collapseWhitespace(' 前 後 ')).toBe('前後');
  });

  it('lower-cases Latin and leaves Chinese script alone', () => {
    expect(normaliseText('TrueView 正見')).toBe('trueview正見');
    expect(normaliseText('正見')).not.toBe(normaliseText('正见'));
  });

  it('drops zero-width characters pasted from the web', () => {
    expect(normaliseText('大\u200b模型')).toBe('大模型');
  });
});

describe('normaliseName', () => {
  it('ignores all spacing, width, case and a trailing full stop', () => {
    expect(normaliseName('正見 TrueView')).toBe(normaliseName('正見TrueView'));
    expect(normaliseName('Visual China Group')).toBe(normaliseName('visualchinagroup'));
    expect(normaliseName('TV.')).toBe(normaliseName('ＴＶ'));
  });
});

describe('isBlank', () => {
  it('treats null, undefined and whitespace as blank', () => {
    expect([null, undefined, '', '  \n'].map(isBlank)).toEqual([true, true, true, true]);
    expect(isBlank('賀翔')).toBe(false);
  });
});
