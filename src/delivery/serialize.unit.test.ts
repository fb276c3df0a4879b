import { serializeArticle, type LoadedArticle } from './serialize';
import { storyPageUrl } from './story-url';

const outlet = {
  documentId: 'tv',
  name: '正見 TrueView',
  shortName: '正見',
  kind: 'outlet',
  website: null,
  attributionTemplate: '文|{outlet},作者|{author},編輯|{editor}',
};
const tmt = {
  documentId: 'tmt',
  name: '钛媒體 TMTPost',
  shortName: '钛媒體',
  kind: 'republisher',
  website: 'https://www.tmtpost.com',
  agreementId: 'SECRET-1',
};
const vcg = { documentId: 'vcg', name: '視覺中國', shortName: 'VCG', kind: 'agency', website: 'https://www.vcg.com' };
const file = (id: number, url: string) => ({
  id,
  documentId: `f${id}`,
  url,
  width: 480,
  height: 270,
  mime: 'image/jpeg',
  alternativeText: 'alt',
  caption: 'file caption',
  formats: { thumbnail: { url: `/uploads/thumb_${id}.jpg`, width: 10, height: 5, mime: 'image/jpeg', path: null } },
  hash: 'h',
  provider: 'local',
});

function loaded(overrides: Record<string, unknown> = {}): LoadedArticle {
  return {
    article: {
      id: 7,
      documentId: 'story',
      locale: 'zh-Hant',
      slug: 'story-slug',
      title: '標題',
      dek: null,
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: '第一段' }] },
        { type: 'image', image: { url: '/uploads/body.jpg', alternativeText: '正文圖' }, children: [] },
        { type: 'image', image: { url: 'https://evil.example/x.jpg' }, children: [] },
      ],
      originalUrl: 'https://www.tmtpost.com/6561234.html',
      publishedAt: new Date('2026-05-02T00:00:00.000Z'),
      createdAt: '2026-05-01T00:00:00.000Z',
      updatedAt: '2026-05-01T12:00:00.000Z',
      author: { documentId: 'k', name: 'koorvoa', displayName: null, role: 'writer', createdBy: { email: 'x@newsroom.local' } },
      editor: { documentId: 'e', name: 'TV.', displayName: 'TV.', role: 'editor' },
      source: outlet,
      republisher: tmt,
      pullQuotes: [
        { id: 3, documentId: 'q3', text: 'C', speaker: 'c', position: 2 },
        { id: 1, documentId: 'q1', text: 'A', speaker: 'a', position: 0 },
        { id: 2, documentId: 'q2', text: 'B', speaker: 'b', position: 0 },
      ],
      cover: {
        credit: '圖片來源 @視覺中國',
        agency: vcg,
        license: 'agency',
        caption: '封面',
        alt: '封面圖',
        image: file(1, '/uploads/cover.jpg'),
      },
      gallery: [{ credit: null, agency: null, caption: null, alt: null, image: file(2, '/uploads/g.jpg') }],
      ...overrides,
    },
    bodyFiles: new Map([['/uploads/body.jpg', file(3, '/uploads/body.jpg')]]),
    fileCredits: new Map([
      [2, { fileId: 2, credit: '新華社', agency: null, photographer: '張三', license: 'editorial-only' }],
      [3, { fileId: 3, credit: 'VCG', agency: vcg, photographer: null, license: 'agency' }],
    ]),
    localizations: [{ locale: 'zh-Hans', slug: 'story-slug' }],
  };
}

const options = { mediaUrlPrefixes: ['/uploads/'], publicUrl: 'https://cms.example.com', canonicalUrl: '' };

describe('serializeArticle', () => {
  const article = serializeArticle(loaded(), options);

  it('picks fields by name, so nothing private or administrative comes along', () => {
    const text = JSON.stringify(article);
    expect(text).not.toContain('SECRET-1');
    expect(text).not.toContain('createdBy');
    expect(text).not.toContain('newsroom.local');
    // Absolute from the public URL, so a front end on another host loads them from the CMS.
    expect(article.cover?.image).toEqual({
      documentId: 'f1',
      url: 'https://cms.example.com/uploads/cover.jpg',
      width: 480,
      height: 270,
      mime: 'image/jpeg',
      alternativeText: 'alt',
      formats: { thumbnail: { url: 'https://cms.example.com/uploads/thumb_1.jpg', width: 10, height: 5, mime: 'image/jpeg' } },
    });
  });

  it('orders pull-quotes by position, then by id', () => {
    expect(article.pullQuotes.map((q) => q.text)).toEqual(['A', 'B', 'C']);
  });

  it('renders the attribution and one credit line per image, the file’s own credit where a usage has none', () => {
    expect(article.attribution).toEqual({
      line: '文|正見 TrueView,作者|koorvoa,編輯|TV.',
      originalUrl: 'https://www.tmtpost.com/6561234.html',
      canonicalUrl: 'https://www.tmtpost.com/6561234.html',
      credits: [
        { path: 'cover', line: '圖片來源 @視覺中國' },
        { path: 'gallery.0', line: '圖片來源 @新華社' },
        { path: 'body.1', line: '圖片來源 @VCG' },
      ],
    });
    expect(article.gallery[0]).toMatchObject({ credit: '新華社', photographer: '張三', license: 'editorial-only', agency: null });
  });

  it('lets a usage’s own credit beat the credit stored with its file, agency included', () => {
    const input = loaded({
      gallery: [
        {
          credit: '攝影 李四',
          agency: null,
          photographer: null,
          license: null,
          caption: null,
          alt: null,
          image: file(2, '/uploads/g.jpg'),
        },
      ],
    });
    const [item] = serializeArticle(input, options).gallery;
    expect(item).toMatchObject({ credit: '攝影 李四', creditLine: '圖片來源 @李四', agency: null });
    // Only the fields the usage leaves empty come from the file.
    expect(item).toMatchObject({ photographer: '張三', license: 'editorial-only' });
  });

  it('shows body images from the media library only', () => {
    expect(article.bodyHtml).toBe(
      '<p>第一段</p>\n<figure><img src="https://cms.example.com/uploads/body.jpg" alt="正文圖" width="480" height="270" loading="lazy" /><figcaption>file caption 圖片來源 @VCG</figcaption></figure>',
    );
  });

  it('describes the story as a schema.org NewsArticle', () => {
    expect(article.jsonLd).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '標題',
      inLanguage: 'zh-Hant',
      datePublished: '2026-05-02T00:00:00.000Z',
      dateModified: '2026-05-02T00:00:00.000Z',
      mainEntityOfPage: 'https://www.tmtpost.com/6561234.html',
      author: [{ '@type': 'Person', name: 'koorvoa' }],
      editor: { '@type': 'Person', name: 'TV.' },
      publisher: { '@type': 'Organization', name: '钛媒體 TMTPost', url: 'https://www.tmtpost.com' },
      sourceOrganization: { '@type': 'Organization', name: '正見 TrueView' },
      isBasedOn: 'https://www.tmtpost.com/6561234.html',
      image: [
        {
          '@type': 'ImageObject',
          url: 'https://cms.example.com/uploads/cover.jpg',
          width: 480,
          height: 270,
          caption: '封面',
          creditText: '視覺中國',
          copyrightHolder: { '@type': 'Organization', name: '視覺中國', url: 'https://www.vcg.com' },
          acquireLicensePage: 'https://www.vcg.com',
        },
        {
          '@type': 'ImageObject',
          url: 'https://cms.example.com/uploads/g.jpg',
          width: 480,
          height: 270,
          creditText: '新華社',
          copyrightHolder: { '@type': 'Person', name: '張三' },
        },
        {
          '@type': 'ImageObject',
          url: 'https://cms.example.com/uploads/body.jpg',
          width: 480,
          height: 270,
          caption: 'file caption',
          creditText: 'VCG',
          copyrightHolder: { '@type': 'Organization', name: '視覺中國', url: 'https://www.vcg.com' },
          acquireLicensePage: 'https://www.vcg.com',
        },
      ],
    });
  });

  it('names every co-author, in order, in the byline, the response and the JSON-LD', () => {
    const coAuthors = [
      { documentId: 'l', name: '李大華', displayName: null, role: 'writer' },
      { documentId: 'w', name: 'wang', displayName: '王小明', role: 'writer' },
    ];
    const shared = serializeArticle(loaded({ coAuthors }), options);
    expect(shared.coAuthors.map((p) => p.name)).toEqual(['李大華', 'wang']);
    expect(shared.attribution.line).toBe('文|正見 TrueView,作者|koorvoa、李大華、王小明,編輯|TV.');
    expect(shared.jsonLd.author).toEqual([
      { '@type': 'Person', name: 'koorvoa' },
      { '@type': 'Person', name: '李大華' },
      { '@type': 'Person', name: '王小明' },
    ]);
    expect(article.coAuthors).toEqual([]);
  });

  it('uses the front end’s URL as canonical when one is configured, and the outlet itself publishes when there is no republisher', () => {
    const own = serializeArticle(loaded({ republisher: null }), { ...options, canonicalUrl: 'https://news.example.com/{locale}/{slug}' });
    expect(own.attribution.canonicalUrl).toBe('https://news.example.com/zh-Hant/story-slug');
    expect(own.jsonLd.publisher).toEqual({ '@type': 'Organization', name: '正見 TrueView' });
  });
});

describe('corrections', () => {
  it('are delivered newest first, as plain text, with only their time, kind and text, and in the JSON-LD', () => {
    const article = serializeArticle(
      loaded({
        corrections: [
          { id: 1, at: '2026-05-03T00:00:00.000Z', kind: 'correction', text: '第一則<b>更正</b>' },
          { id: 2, at: new Date('2026-05-04T00:00:00.000Z'), kind: 'update', text: '後來的更新' },
          { id: 3, at: 'not a date', kind: 'update', text: '壞的時間' },
          { id: 4, at: '2026-05-05T00:00:00.000Z', kind: 'retraction', text: '不認得的類型' },
          { id: 5, at: '2026-05-05T00:00:00.000Z', kind: 'update', text: '<script></script>' },
        ],
      }),
      { mediaUrlPrefixes: ['/uploads/'], publicUrl: '', canonicalUrl: '' },
    );
    expect(article.corrections).toEqual([
      { at: '2026-05-04T00:00:00.000Z', kind: 'update', text: '後來的更新' },
      { at: '2026-05-03T00:00:00.000Z', kind: 'correction', text: '第一則更正' },
    ]);
    expect(article.jsonLd.correction).toEqual([
      { '@type': 'CorrectionComment', datePublished: '2026-05-04T00:00:00.000Z', text: '後來的更新' },
      { '@type': 'CorrectionComment', datePublished: '2026-05-03T00:00:00.000Z', text: '第一則更正' },
    ]);
    // The latest correction is the last change readers see, after the publish it went out with.
    expect(article.jsonLd.dateModified).toBe('2026-05-04T00:00:00.000Z');
  });

  it('leave the JSON-LD without `correction` when there are none', () => {
    const article = serializeArticle(loaded(), { mediaUrlPrefixes: ['/uploads/'], publicUrl: '', canonicalUrl: '' });
    expect(article.corrections).toEqual([]);
    expect('correction' in article.jsonLd).toBe(false);
  });
});

describe('where another edition is read', () => {
  it('is the front end’s story URL when one is configured', () => {
    expect(storyPageUrl('https://cms.example.com', 'https://news.example.com/{locale}/{slug}', 'zh-Hans', 'ai-da-mo-xing')).toBe(
      'https://news.example.com/zh-Hans/ai-da-mo-xing',
    );
  });

  it('is else the reader page of this CMS, absolute with PUBLIC_URL, and escaped', () => {
    expect(storyPageUrl('https://cms.example.com/', '', 'zh-Hant', 'a b')).toBe('https://cms.example.com/news/zh-Hant/a%20b');
    expect(storyPageUrl('', '', 'en', 'story')).toBe('/news/en/story');
  });
});
