import { recogniseLicence, withoutLicence } from './licence-statement';

const licence = (text: string) => recogniseLicence(text)?.license ?? null;

describe('recogniseLicence', () => {
  it.each([
    ['CC BY', 'cc-by'],
    ['CC BY 4.0', 'cc-by'],
    ['CC-BY-4.0', 'cc-by'],
    ['cc by 2.0', 'cc-by'],
    ['ＣＣ　ＢＹ－ＳＡ', 'cc-by-sa'],
    ['CC BY-SA 4.0', 'cc-by-sa'],
    ['CC-BY-SA-3.0', 'cc-by-sa'],
    ['Creative Commons Attribution-ShareAlike (CC BY-SA)', 'cc-by-sa'],
    ['Creative Commons Attribution 4.0 International', 'cc-by'],
    ['Creative Commons Attribution-ShareAlike 3.0 Unported', 'cc-by-sa'],
    ['Licensed under a Creative Commons Attribution 2.0 Generic licence', 'cc-by'],
    ['CC0', 'public-domain'],
    ['CC0 1.0 Universal', 'public-domain'],
    ['Creative Commons Zero', 'public-domain'],
    ['Public Domain', 'public-domain'],
    ['publicDomain', 'public-domain'],
    ['Public Domain Mark 1.0', 'public-domain'],
    ['https://creativecommons.org/licenses/by/4.0/', 'cc-by'],
    ['http://creativecommons.org/licenses/by-sa/3.0/deed.zh_TW', 'cc-by-sa'],
    ['//creativecommons.org/licenses/by-sa/2.0/legalcode', 'cc-by-sa'],
    ['creativecommons.org/licenses/by/4.0', 'cc-by'],
    ['https://www.creativecommons.org/licenses/by-sa/4.0/deed.en', 'cc-by-sa'],
    ['HTTPS://CreativeCommons.org/Licenses/BY/3.0/', 'cc-by'],
    ['https://creativecommons.org/publicdomain/zero/1.0/', 'public-domain'],
    ['https://creativecommons.org/publicdomain/mark/1.0/', 'public-domain'],
    ['http://creativecommons.org/licenses/publicdomain/', 'public-domain'],
    ['知識共享 署名 4.0 國際', 'cc-by'],
    ['知识共享 署名 4.0 国际许可协议', 'cc-by'],
    ['知识共享 署名-相同方式共享 4.0', 'cc-by-sa'],
    ['知識共享署名-相同方式共享 3.0 香港', 'cc-by-sa'],
    ['創用CC 姓名標示-相同方式分享 3.0 台灣', 'cc-by-sa'],
    ['創用 CC 姓名標示 4.0', 'cc-by'],
    ['署名-相同方式共享 4.0', 'cc-by-sa'],
    ['公有領域', 'public-domain'],
    ['公有领域', 'public-domain'],
    ['本作品屬於公眾領域', 'public-domain'],
  ])('maps %s to %s', (text, expected) => {
    expect(licence(text)).toBe(expected);
  });

  it.each([
    ['CC BY-NC', 'by-nc'],
    ['CC BY-ND 4.0', 'by-nd'],
    ['CC BY-NC-SA 4.0', 'by-nc-sa'],
    ['CC-BY-NC-ND-4.0', 'by-nc-nd'],
    ['Creative Commons Attribution-NonCommercial 4.0 International', 'by-nc'],
    ['Creative Commons Attribution-NoDerivatives 4.0 International', 'by-nd'],
    ['Creative Commons Attribution-NonCommercial-NoDerivs 3.0', 'by-nc-nd'],
    ['https://creativecommons.org/licenses/by-nc-sa/4.0/', 'by-nc-sa'],
    ['https://creativecommons.org/licenses/by-nd/2.0/deed.zh', 'by-nd'],
    ['知识共享 署名-非商业性使用 4.0', 'by-nc'],
    ['知識共享 署名-禁止演繹 4.0', 'by-nd'],
    ['創用CC 姓名標示-非商業性-禁止改作 3.0 台灣', 'by-nc-nd'],
  ])('recognises %s as a licence without a newsroom value (%s)', (text, terms) => {
    expect(recogniseLicence(text)).toMatchObject({ kind: 'creative-commons', terms, license: null });
  });

  it('reads the version when the statement gives one', () => {
    expect(recogniseLicence('CC BY-SA 4.0')).toEqual({ kind: 'creative-commons', terms: 'by-sa', version: '4.0', license: 'cc-by-sa' });
    expect(recogniseLicence('https://creativecommons.org/licenses/by/3.0/')?.version).toBe('3.0');
    expect(recogniseLicence('CC0 1.0')).toEqual({ kind: 'cc0', terms: null, version: '1.0', license: 'public-domain' });
    expect(recogniseLicence('CC BY')?.version).toBeNull();
  });

  it('counts "Creative Commons" without a named licence as a statement with no value', () => {
    expect(recogniseLicence('Creative Commons')).toEqual({ kind: 'creative-commons', terms: null, version: null, license: null });
    expect(recogniseLicence('知識共享')).toMatchObject({ kind: 'creative-commons', license: null });
  });

  it.each([
    '©2010 Big Newspaper, all rights reserved',
    'Copyright 2004 Phil Harvey',
    'Mugwum Press',
    'Rights Usage Terms (ref2021.1)',
    'http://www.bignewspaper.com/',
    'Editorial use only',
    '僅限編輯用途',
    '視覺中國',
    'Succbye Studio',
    'accbyte photo',
    'Lucca Byron',
    '署名：張三',
    '',
  ])('finds no licence in %p', (text) => {
    expect(recogniseLicence(text)).toBeNull();
  });
});

describe('withoutLicence', () => {
  it.each([
    ['Creative Commons Attribution-ShareAlike (CC BY-SA)', null],
    ['CC BY-SA 4.0', null],
    ['Licensed under CC BY 4.0', null],
    ['https://creativecommons.org/licenses/by/4.0/', null],
    ['publicDomain', null],
    ['知识共享 署名-相同方式共享 4.0', null],
    ['公有領域', null],
    ['Lukas Nagel, CC BY-SA 4.0', 'Lukas Nagel'],
    ['Lukas Nagel (CC BY-SA 4.0)', 'Lukas Nagel'],
    ['Lukas Nagel / https://creativecommons.org/licenses/by-sa/4.0/', 'Lukas Nagel'],
    ['張三 / 知識共享 署名 4.0', '張三'],
    ['Mugwum Press', 'Mugwum Press'],
    ['©1985 David Riecks: www.riecks.com', '©1985 David Riecks: www.riecks.com'],
  ])('%p gives %p', (text, expected) => {
    expect(withoutLicence(text)).toBe(expected);
  });
});
