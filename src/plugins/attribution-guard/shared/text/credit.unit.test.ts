import { hasAtHandle, splitCreditParts, stripCreditPrefix } from './credit';

describe('stripCreditPrefix', () => {
  it.each([
    ['圖片來源 @視覺中國', '視覺中國'],
    ['图片来源@视觉中国', '视觉中国'],
    ['@VCG', 'VCG'],
    ['＠ＶＣＧ', 'VCG'],
    ['Photo: AP', 'AP'],
    ['Credit: Visual China Group', 'Visual China Group'],
    ['Photo by 張三', '張三'],
    ['圖/新華社', '新華社'],
    ['圖片來源網絡', '網絡'],
    ['圖片來源', ''],
    ['@', ''],
    ['  ', ''],
  ])('%s → %s', (credit, expected) => {
    expect(stripCreditPrefix(credit)).toBe(expected);
  });

  it('keeps names that merely start like a label', () => {
    expect(stripCreditPrefix('圖蟲創意')).toBe('圖蟲創意');
    expect(stripCreditPrefix('Byron Chan')).toBe('Byron Chan');
  });
});

describe('splitCreditParts', () => {
  it('splits agency and photographer credits', () => {
    expect(splitCreditParts('視覺中國/VCG')).toEqual(['視覺中國', 'VCG']);
    expect(splitCreditParts('圖片來源 @新華社、@視覺中國')).toEqual(['新華社', '視覺中國']);
    expect(splitCreditParts('AP via Getty')).toEqual(['AP', 'Getty']);
  });
});

describe('hasAtHandle', () => {
  it('spots @ handles behind credit labels only', () => {
    expect(hasAtHandle('@VCG')).toBe(true);
    expect(hasAtHandle('圖片來源 @視覺中國')).toBe(true);
    expect(hasAtHandle('視覺中國')).toBe(false);
    expect(hasAtHandle('someone@example.com')).toBe(false);
  });
});
