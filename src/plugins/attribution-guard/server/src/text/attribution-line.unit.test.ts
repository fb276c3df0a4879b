import { parseAttributionLine } from './attribution-line';

describe('parseAttributionLine', () => {
  it('reads the seed line', () => {
    expect(parseAttributionLine('文|正見 TrueView,作者|koorvoa,編輯|TV.')).toEqual([
      { role: 'outlet', label: '文', value: '正見 TrueView' },
      { role: 'author', label: '作者', value: 'koorvoa' },
      { role: 'editor', label: '編輯', value: 'TV.' },
    ]);
  });

  it('accepts full-width bars and commas, 、 and Simplified labels', () => {
    expect(parseAttributionLine('文｜正見 TrueView，作者｜koorvoa、编辑｜TV.')?.map((p) => [p.role, p.value])).toEqual([
      ['outlet', '正見 TrueView'],
      ['author', 'koorvoa'],
      ['editor', 'TV.'],
    ]);
  });

  it('accepts English labels', () => {
    expect(parseAttributionLine('Text | TrueView, By | koorvoa, Edited by | TV.')?.map((p) => p.role)).toEqual([
      'outlet',
      'author',
      'editor',
    ]);
  });

  it('drops a closing 。 but keeps a name’s own full stop', () => {
    expect(parseAttributionLine('作者|koorvoa,責任編輯|TV.。')?.map((p) => p.value)).toEqual(['koorvoa', 'TV.']);
  });

  it('ignores prose and credit lines', () => {
    expect(parseAttributionLine('以小博大,在夾縫中找機會')).toBeNull();
    expect(parseAttributionLine('作者:koorvoa')).toBeNull();
    expect(parseAttributionLine('圖片來源 @視覺中國')).toBeNull();
    expect(parseAttributionLine('他說 文|不是這樣')).toBeNull();
  });
});
