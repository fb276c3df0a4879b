import { pickLanguage } from './messages';

describe('the language of a reader page', () => {
  it('is the story’s own when it is one of ours', () => {
    expect(pickLanguage('zh-Hans', 'en-US')).toBe('zh-Hans');
    expect(pickLanguage('en', 'zh-TW')).toBe('en');
  });

  it.each([
    ['zh-CN,zh;q=0.9', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK,en;q=0.5', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh', 'zh-Hant'],
    ['fr-FR,en-GB;q=0.8,zh-CN;q=0.7', 'en'],
    ['en;q=0.4,zh-CN;q=0.6', 'zh-Hans'],
    ['zh-CN;q=0,en', 'en'],
    ['fr, de', 'zh-Hant'],
    ['', 'zh-Hant'],
    ['*', 'zh-Hant'],
  ])('follows Accept-Language %p otherwise: %s', (header, language) => {
    expect(pickLanguage('xx', header)).toBe(language);
    expect(pickLanguage(undefined, header)).toBe(language);
  });
});
