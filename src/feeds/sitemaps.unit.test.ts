import { newsItems, newsLanguage, sitemapItems, sitemapXml } from './sitemaps';

const options = { origin: 'https://cms.example.com', canonicalTemplate: '' };

describe('newsLanguage', () => {
  it('names Chinese by region, as Google News asks, and other languages by their ISO 639 code', () => {
    expect(['zh-Hant', 'zh-Hans', 'en', 'en-GB', 'ja'].map(newsLanguage)).toEqual(['zh-tw', 'zh-cn', 'en', 'en', 'ja']);
  });
});

describe('sitemapItems', () => {
  const editions = [
    { documentId: 'a', locale: 'zh-Hant', slug: 'a-hant', lastmod: '2026-12-01T00:00:00.000Z' },
    { documentId: 'a', locale: 'en', slug: 'a-en', lastmod: null },
    { documentId: 'b', locale: 'zh-Hans', slug: 'b-hans', lastmod: null },
  ];

  it('lists every edition of a story on each of its URLs, itself included, and x-default on the default locale', () => {
    const [hant, en, hans] = sitemapItems(editions, options);
    const links = [
      { lang: 'en', hreflang: 'en', url: 'https://cms.example.com/news/en/a-en' },
      { lang: 'zh-Hant', hreflang: 'zh-Hant', url: 'https://cms.example.com/news/zh-Hant/a-hant' },
      { lang: 'x-default', hreflang: 'x-default', url: 'https://cms.example.com/news/zh-Hant/a-hant' },
    ];
    expect(hant).toEqual({ url: 'https://cms.example.com/news/zh-Hant/a-hant', lastmod: '2026-12-01T00:00:00.000Z', links });
    expect(en).toEqual({ url: 'https://cms.example.com/news/en/a-en', links });
    expect(hans).toEqual({ url: 'https://cms.example.com/news/zh-Hans/b-hans' });
  });

  it("uses the front end's story URL when DELIVERY_CANONICAL_URL names one", () => {
    const [item] = sitemapItems([editions[2]!], { ...options, canonicalTemplate: 'https://news.example.com/{locale}/{slug}' });
    expect(item!.url).toBe('https://news.example.com/zh-Hans/b-hans');
  });
});

describe('sitemapXml', () => {
  it('writes the namespaces it uses, and escapes what it is given', async () => {
    const xml = await sitemapXml(
      newsItems(
        [{ locale: 'en', slug: 's', title: 'A & B <i>', publication: 'Wire & Co', publishedAt: '2026-12-01T00:00:00.000Z' }],
        options,
      ),
      { news: true },
    );
    expect(xml).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).not.toContain('xmlns:xhtml');
    expect(xml).toContain('<news:title>A &amp; B &lt;i&gt;</news:title>');
    expect(xml).toContain('<news:name>Wire &amp; Co</news:name>');
    expect(xml).toContain('<news:language>en</news:language>');
  });
});
