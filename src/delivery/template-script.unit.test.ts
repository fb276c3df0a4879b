import { templateInScriptOf } from './template-script';

describe('templateInScriptOf', () => {
  const template = '文|{outlet},作者|{author},編輯|{editor},轉載|{republisher}';

  it('writes the labels of a Simplified edition in Simplified, placeholders untouched', () => {
    expect(templateInScriptOf(template, 'zh-Hans')).toBe('文|{outlet},作者|{author},编辑|{editor},转载|{republisher}');
  });

  it('leaves Traditional and other locales as written', () => {
    expect(templateInScriptOf(template, 'zh-Hant')).toBe(template);
    expect(templateInScriptOf('By {author} for {outlet}', 'en')).toBe('By {author} for {outlet}');
    expect(templateInScriptOf('', 'zh-Hans')).toBe('');
  });
});
