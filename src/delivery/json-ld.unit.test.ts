import { jsonLdScript, newsArticleJsonLd } from './json-ld';

describe('jsonLdScript', () => {
  it('escapes what could end or change a <script> element, and stays the same JSON', () => {
    const thing = { headline: '</script><script>alert(1)</script> & <!-- \u2028\u2029', nested: [{ name: 'a>b' }] };
    const script = jsonLdScript(thing);
    expect(script).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(script).toContain('\\u003c/script\\u003e');
    expect(script).toContain('\\u0026');
    expect(script).toContain('\\u2028\\u2029');
    expect(JSON.parse(script)).toEqual(thing);
  });

  it('leaves Chinese text and ordinary punctuation as they are', () => {
    expect(jsonLdScript({ headline: '用AI發願,垂直行業廠商逐夢“大模型圈”' })).toBe('{"headline":"用AI發願,垂直行業廠商逐夢“大模型圈”"}');
  });
});

describe('images in the JSON-LD', () => {
  const org = { documentId: 'a', name: 'Reuters', shortName: null, kind: 'agency', website: 'https://www.reuters.com' };
  const usage = (license: string | null, agency: typeof org | null = null) => ({
    image: {
      documentId: 'f',
      url: '/uploads/big.jpg',
      width: 4000,
      height: 3000,
      mime: 'image/jpeg',
      alternativeText: null,
      formats: {
        thumbnail: { url: '/uploads/thumbnail_big.jpg', width: 208, height: 156, mime: 'image/jpeg' },
        small: { url: '/uploads/small_big.jpg', width: 500, height: 375, mime: 'image/jpeg' },
        large: { url: '/uploads/large_big.jpg', width: 1000, height: 750, mime: 'image/jpeg' },
        medium: { url: '/uploads/medium_big.jpg', width: 750, height: 563, mime: 'image/jpeg' },
      },
    },
    credit: 'Photographer X',
    creditLine: null,
    agency,
    photographer: 'Photographer X',
    license,
    caption: null,
    alt: null,
  });
  const article = {
    title: 't',
    dek: null,
    locale: 'en',
    publishedAt: null,
    firstPublishedAt: null,
    updatedAt: null,
    attribution: { canonicalUrl: null },
    author: null,
    coAuthors: [],
    editor: null,
    republisher: null,
    source: null,
    originalUrl: null,
  } as never;

  it('lists the original and every rendition but the thumbnail, largest first, each with width, height and an absolute URL', () => {
    const images = newsArticleJsonLd(article, [usage('cc-by')], 'https://cms.example.com').image as Array<Record<string, unknown>>;
    expect(images.map((i) => [i.url, i.width, i.height])).toEqual([
      ['https://cms.example.com/uploads/big.jpg', 4000, 3000],
      ['https://cms.example.com/uploads/large_big.jpg', 1000, 750],
      ['https://cms.example.com/uploads/medium_big.jpg', 750, 563],
      ['https://cms.example.com/uploads/small_big.jpg', 500, 375],
    ]);
    expect(images.every((i) => i.creditText === 'Photographer X' && i.license === 'https://creativecommons.org/licenses/by/4.0/')).toBe(
      true,
    );
  });

  it.each([
    ['cc-by-sa', { license: 'https://creativecommons.org/licenses/by-sa/4.0/' }],
    ['public-domain', { license: 'https://creativecommons.org/publicdomain/mark/1.0/' }],
    ['agency', { acquireLicensePage: 'https://www.reuters.com' }],
    ['editorial-only', { acquireLicensePage: 'https://www.reuters.com' }],
    ['owned', {}],
    [null, {}],
  ])('licence %s', (license, expected) => {
    const [original] = newsArticleJsonLd(article, [usage(license, org)], '').image as Array<Record<string, unknown>>;
    expect({ license: original!.license, acquireLicensePage: original!.acquireLicensePage }).toEqual({
      license: undefined,
      acquireLicensePage: undefined,
      ...expected,
    });
  });
});
