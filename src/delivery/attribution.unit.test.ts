import { readStoryCredits } from '../plugins/attribution-guard/shared/credits';
import { creditName, DEFAULT_ATTRIBUTION_TEMPLATE, renderAttributionLine, renderCreditLine } from './attribution';

const seed = { outlet: '正見 TrueView', author: 'koorvoa', editor: 'TV.' };

describe('renderAttributionLine', () => {
  it('renders the seed outlet template exactly', () => {
    expect(renderAttributionLine('文|{outlet},作者|{author},編輯|{editor}', seed)).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
  });

  it('reads back, through the credit reader the guard uses, as the same outlet, authors and editor', () => {
    const credits = readStoryCredits([renderAttributionLine(DEFAULT_ATTRIBUTION_TEMPLATE, seed)!]);
    expect(credits.statements.map((s) => [s.role, s.names])).toEqual([
      ['outlet', ['正見 TrueView']],
      ['author', ['koorvoa']],
      ['editor', ['TV.']],
    ]);
    const several = readStoryCredits([renderAttributionLine(DEFAULT_ATTRIBUTION_TEMPLATE, { ...seed, author: '王小明、李大華' })!]);
    expect(several.authors.map((a) => a.name)).toEqual(['王小明', '李大華']);
  });

  it('leaves out a part whose name is missing instead of printing an empty label', () => {
    expect(renderAttributionLine('文|{outlet},作者|{author},編輯|{editor}', { ...seed, editor: null })).toBe(
      '文|正見 TrueView,作者|koorvoa',
    );
    expect(renderAttributionLine('文|{outlet},作者|{author},編輯|{editor}', { outlet: null, author: 'koorvoa', editor: 'TV.' })).toBe(
      '作者|koorvoa,編輯|TV.',
    );
    expect(renderAttributionLine('文|{outlet}', { outlet: null, author: null, editor: null })).toBeNull();
  });

  it('keeps the template’s own separators and uses the default template when the outlet has none', () => {
    expect(renderAttributionLine('文｜{outlet}，作者｜{author}', seed)).toBe('文｜正見 TrueView，作者｜koorvoa');
    expect(renderAttributionLine('', seed)).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
    expect(renderAttributionLine(null, seed)).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
  });
});

describe('renderCreditLine', () => {
  it('renders the seed credit line', () => {
    expect(renderCreditLine('視覺中國', 'zh-Hant')).toBe('圖片來源 @視覺中國');
  });

  it('does not repeat a label typed into the credit', () => {
    expect(renderCreditLine('圖片來源 @視覺中國', 'zh-Hant')).toBe('圖片來源 @視覺中國');
    expect(renderCreditLine('@VCG', 'zh-Hans')).toBe('图片来源 @VCG');
    expect(renderCreditLine('Photo: AP', 'en')).toBe('Photo: AP');
  });

  it('has no line for a missing or empty credit', () => {
    expect(renderCreditLine(null, 'zh-Hant')).toBeNull();
    expect(renderCreditLine('圖片來源', 'zh-Hant')).toBeNull();
    expect(creditName('  ')).toBeNull();
    expect(creditName('圖片來源 @視覺中國')).toBe('視覺中國');
  });
});
