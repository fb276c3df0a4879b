import type { DeliveryArticle, DeliveryCreditedImage, DeliveryPerson } from '../../src/delivery/types';

/** A delivered story for the unit tests of feeds and ninjs: every field a real response has, overridable. */
export function testPerson(name: string, displayName: string | null = null): DeliveryPerson {
  return { documentId: `p-${name}`, name, displayName, role: 'writer', url: null, sameAs: [] };
}

export function testImage(overrides: Partial<DeliveryCreditedImage> = {}): DeliveryCreditedImage {
  return {
    image: {
      documentId: 'file1',
      url: '/uploads/lead.jpg',
      width: 1600,
      height: 900,
      mime: 'image/jpeg',
      alternativeText: null,
      formats: {
        thumbnail: { url: '/uploads/thumbnail_lead.jpg', width: 245, height: 138, mime: 'image/jpeg' },
        large: { url: '/uploads/large_lead.jpg', width: 1000, height: 563, mime: 'image/jpeg' },
      },
    },
    credit: '視覺中國',
    creditLine: '圖片來源 @視覺中國',
    agency: { documentId: 'vcg', name: '視覺中國', shortName: null, kind: 'agency', website: null, logo: null },
    photographer: null,
    license: 'agency',
    caption: '發布會現場',
    alt: '會場',
    ...overrides,
  };
}

export function testArticle(overrides: Partial<DeliveryArticle> = {}): DeliveryArticle {
  return {
    id: 1,
    documentId: 'doc1',
    locale: 'zh-Hant',
    slug: 'story-one',
    title: '測試報導',
    dek: '摘要',
    body: [],
    bodyHtml: '<p>正文。</p>',
    originalUrl: null,
    publishedAt: '2026-12-01T02:00:00.000Z',
    firstPublishedAt: '2026-12-01T01:00:00.000Z',
    createdAt: '2026-11-30T01:00:00.000Z',
    updatedAt: '2026-12-01T00:59:00.000Z',
    author: testPerson('koorvoa'),
    coAuthors: [],
    editor: null,
    source: {
      documentId: 'tv',
      name: '正見 TrueView',
      shortName: null,
      kind: 'outlet',
      website: 'https://trueview.example.com',
      logo: null,
    },
    republisher: null,
    pullQuotes: [],
    cover: testImage(),
    gallery: [],
    attribution: { line: '文|正見 TrueView,作者|koorvoa', originalUrl: null, canonicalUrl: null, credits: [] },
    corrections: [],
    jsonLd: {},
    jsonLdScript: '{}',
    localizations: [],
    ...overrides,
  };
}
