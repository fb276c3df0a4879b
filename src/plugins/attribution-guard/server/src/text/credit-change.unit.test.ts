import { creditView, describeCreditChange } from './credit-change';

describe('describeCreditChange', () => {
  const before = creditView(7, { credit: '視覺中國', agency: { documentId: 'a1', name: '視覺中國' }, license: 'agency' });

  it('names the photo and each field that changed, old and new', () => {
    const after = creditView(7, { credit: '新華社', agency: null, license: 'agency', photographer: '王小明' });
    expect(describeCreditChange({ fileId: 7, fileName: 'cover.jpg', before, after })).toBe(
      'Photo cover.jpg: credit “視覺中國” → “新華社”; agency “視覺中國” → —; photographer — → “王小明”',
    );
  });

  it('falls back to the file id and says when nothing changed', () => {
    expect(describeCreditChange({ fileId: 7, fileName: null, before, after: before })).toBe('Photo #7: credit saved unchanged');
  });

  it('reads a missing stored credit as empty fields', () => {
    const rights = { copyright: null, usageTerms: null, webStatement: null, licensor: null, licensorUrl: null };
    expect(creditView(3, null)).toEqual({
      fileId: 3,
      credit: null,
      agency: null,
      photographer: null,
      license: null,
      origin: null,
      ...rights,
    });
  });

  it('carries the rights read from the file and where the credit came from', () => {
    const row = {
      credit: 'Big Newspaper',
      origin: 'file-metadata',
      copyright: '©2010 Big Newspaper',
      webStatement: 'http://www.bignewspaper.com/',
      agency: null,
    };
    expect(creditView(4, row)).toMatchObject({
      credit: 'Big Newspaper',
      origin: 'file-metadata',
      copyright: '©2010 Big Newspaper',
      webStatement: 'http://www.bignewspaper.com/',
      usageTerms: null,
    });
    expect(creditView(4, { credit: '視覺中國', origin: 'typed' }).origin).toBe('typed');
  });
});
