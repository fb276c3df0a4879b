import { toNinjs, usageTermsOf } from './to-ninjs';
import { testArticle, testImage, testPerson } from '../../tests/helpers/delivery-article';

const agreement = {
  partner: 'Wire A',
  agreementId: 'SYN-1',
  validUntil: '2031-12-31',
  allowedLocales: ['zh-Hant', 'en'],
  usageTerms: null,
};
const options = { origin: 'https://cms.example.com', agreement, embargoedUntil: null };

describe('usageTermsOf', () => {
  it("is the agreement's own terms when it has them, else says the agreement", () => {
    expect(usageTermsOf({ ...agreement, usageTerms: '  Web only.  ' })).toBe('Web only.');
    expect(usageTermsOf(agreement)).toBe(
      'Licensed to Wire A under syndication agreement SYN-1 (zh-Hant, en, valid until 2031-12-31). Keep the byline and every photo credit as given.',
    );
    expect(usageTermsOf({ ...agreement, allowedLocales: [], validUntil: null })).toContain('(all locales)');
  });
});

describe('toNinjs', () => {
  it('names every writer in byline order, the outlet as copyright holder and the pictures with their credits', () => {
    const doc = toNinjs(
      testArticle({
        coAuthors: [testPerson('lee', '李大華')],
        gallery: [testImage({ credit: 'Jane Doe', creditLine: 'Photo: Jane Doe', agency: null, photographer: 'Jane Doe', caption: null })],
      }),
      options,
    );
    expect(doc.by).toBe('koorvoa、李大華');
    expect(doc.copyrightholder).toBe('正見 TrueView');
    expect(doc.copyrightnotice).toBe('© 2026 正見 TrueView');
    expect(doc.associations?.map((p) => [p.name, p.by, p.copyrightholder])).toEqual([
      ['cover', '圖片來源 @視覺中國', '視覺中國'],
      ['gallery-1', 'Photo: Jane Doe', 'Jane Doe'],
    ]);
    expect(doc.associations?.[0]?.renditions.map((r) => [r.name, r.href])).toEqual([
      ['original', 'https://cms.example.com/uploads/lead.jpg'],
      ['large', 'https://cms.example.com/uploads/large_lead.jpg'],
    ]);
  });

  it('dates the version by the last change readers see, a correction included, and keeps the first publication', () => {
    const doc = toNinjs(testArticle({ corrections: [{ at: '2026-12-02T00:00:00.000Z', kind: 'correction', text: '更正。' }] }), options);
    expect(doc.versioncreated).toBe('2026-12-02T00:00:00.000Z');
    expect(doc.version).toBe(String(Date.parse('2026-12-02T00:00:00.000Z')));
    expect(doc.firstcreated).toBe('2026-12-01T01:00:00.000Z');
    expect(doc.descriptions).toContainEqual({ role: 'correction', contenttype: 'text/plain', value: '2026-12-02T00:00:00.000Z 更正。' });
  });

  it('marks an embargoed story with the lift time, and a story without pictures has no associations', () => {
    const doc = toNinjs(testArticle({ cover: null, publishedAt: null, firstPublishedAt: null }), {
      ...options,
      embargoedUntil: '2031-05-04T01:30:00.000Z',
    });
    expect(doc.embargoed).toBe('2031-05-04T01:30:00.000Z');
    expect(doc.associations).toBeUndefined();
    expect(doc.firstcreated).toBe('2026-11-30T01:00:00.000Z');
  });

  it('makes body images absolute', () => {
    const doc = toNinjs(testArticle({ bodyHtml: '<figure><img src="/uploads/a.jpg" alt=""></figure>' }), options);
    expect(doc.bodies[0]!.value).toBe('<figure><img src="https://cms.example.com/uploads/a.jpg" alt=""></figure>');
  });
});
