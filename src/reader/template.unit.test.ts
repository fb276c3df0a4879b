import { parse } from 'parse5';
import type { DeliveryArticle, DeliveryCreditedImage } from '../delivery/types';
import { correctionsOf, renderArticlePage, renderDeniedPage, speakerLine } from './template';

const image = (credit: string | null, creditLine: string | null): DeliveryCreditedImage => ({
  image: {
    documentId: 'f1',
    url: '/uploads/photo.jpg',
    width: 1600,
    height: 900,
    mime: 'image/jpeg',
    alternativeText: null,
    formats: { small: { url: '/uploads/small_photo.jpg', width: 500, height: 281, mime: 'image/jpeg' } },
  },
  credit,
  creditLine,
  agency: null,
  photographer: null,
  license: null,
  caption: '會場一景',
  alt: '講者在台上',
});

function article(overrides: Partial<DeliveryArticle> = {}): DeliveryArticle {
  return {
    id: 1,
    documentId: 'doc1',
    locale: 'zh-Hant',
    slug: 'a-story',
    title: '標題',
    dek: '導言',
    body: [],
    bodyHtml: '<p>第一段。</p>',
    originalUrl: null,
    publishedAt: '2026-12-01T01:30:00.000Z',
    firstPublishedAt: '2026-12-01T01:30:00.000Z',
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-12-01T01:29:00.000Z',
    author: null,
    coAuthors: [],
    editor: null,
    source: null,
    republisher: null,
    pullQuotes: [],
    cover: image('視覺中國', '圖片來源 @視覺中國'),
    gallery: [],
    attribution: { line: '文|正見,作者|王小明', originalUrl: null, canonicalUrl: null, credits: [] },
    jsonLd: {},
    jsonLdScript: '{"@type":"NewsArticle"}',
    localizations: [],
    ...overrides,
  };
}

const context = { origin: 'https://cms.example.com', timeZone: 'Asia/Taipei' } as const;
type Node = { nodeName: string; value?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[] };
const textOf = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''));
function find(html: string, predicate: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (predicate(n)) out.push(n);
    (n.childNodes ?? []).forEach(walk);
  };
  walk(parse(html) as unknown as Node);
  return out;
}
const byClass = (html: string, name: string) =>
  find(html, (n) => (n.attrs ?? []).some((a) => a.name === 'class' && a.value.split(' ').includes(name)));

describe('the article page', () => {
  it('a missing credit is marked where the credit line goes in a preview, in the story’s language, and left out for readers', () => {
    const uncredited = article({ cover: image(null, null), gallery: [image(null, null), image('中央社', '圖片來源 @中央社')] });
    const preview = renderArticlePage(uncredited, { ...context, mode: 'preview' });
    expect(byClass(preview, 'credit').map(textOf)).toEqual(['圖片來源:(未填)', '圖片來源:(未填)', '圖片來源 @中央社']);
    expect(byClass(preview, 'credit-missing').map((n) => n.attrs!.find((a) => a.name === 'data-missing-credit')!.value)).toEqual([
      'cover',
      'gallery.0',
    ]);
    expect(
      byClass(renderArticlePage({ ...uncredited, locale: 'zh-Hans' }, { ...context, mode: 'preview' }), 'credit-missing').map(textOf)[0],
    ).toBe('图片来源:(未填)');
    expect(
      byClass(renderArticlePage({ ...uncredited, locale: 'en' }, { ...context, mode: 'preview' }), 'credit-missing').map(textOf)[0],
    ).toBe('Photo: (no credit yet)');
    const published = renderArticlePage(uncredited, { ...context, mode: 'published' });
    expect(byClass(published, 'credit-missing')).toEqual([]);
    expect(byClass(published, 'credit').map(textOf)).toEqual(['圖片來源 @中央社']);
  });

  it('escapes every stored string and inserts only the sanitised body and the escaped JSON-LD as markup', () => {
    const evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const page = renderArticlePage(
      article({
        title: evil,
        dek: evil,
        cover: { ...image(evil, evil), caption: evil, alt: evil },
        attribution: { line: evil, originalUrl: null, canonicalUrl: null, credits: [] },
        pullQuotes: [{ documentId: 'q', text: evil, speaker: evil, speakerTitle: evil, speakerOrg: null, position: 0 }],
        originalUrl: 'https://example.com/?a="<b>',
        localizations: [{ locale: 'en', slug: 'x"><script>' }],
        ...({ corrections: [{ text: evil, date: '2026-12-02T00:00:00Z' }] } as object),
      }),
      { ...context, mode: 'preview' },
    );
    expect(find(page, (n) => n.nodeName === 'script').map((n) => n.attrs!.find((a) => a.name === 'type')?.value)).toEqual([
      'application/ld+json',
    ]);
    expect(find(page, (n) => n.nodeName === 'img').map((n) => n.attrs!.map((a) => a.name).sort())).toEqual([
      ['alt', 'height', 'sizes', 'src', 'srcset', 'width'],
    ]);
    expect(find(page, (n) => n.nodeName === 'h1').map(textOf)).toEqual([evil]);
    expect(byClass(page, 'byline').map(textOf)).toEqual([evil]);
    expect(textOf(byClass(page, 'corrections')[0]!)).toContain(evil);
  });

  it('links every edition with hreflang and an x-default, and names the canonical and social-card URLs', () => {
    const page = renderArticlePage(
      article({
        localizations: [
          { locale: 'en', slug: 'the-story' },
          { locale: 'zh-Hans', slug: 'biao-ti' },
        ],
      }),
      { ...context, mode: 'published' },
    );
    const links = find(page, (n) => n.nodeName === 'link').map((n) => Object.fromEntries(n.attrs!.map((a) => [a.name, a.value])));
    expect(links).toEqual([
      { rel: 'canonical', href: 'https://cms.example.com/news/zh-Hant/a-story' },
      { rel: 'alternate', hreflang: 'zh-Hant', href: 'https://cms.example.com/news/zh-Hant/a-story' },
      { rel: 'alternate', hreflang: 'en', href: 'https://cms.example.com/news/en/the-story' },
      { rel: 'alternate', hreflang: 'zh-Hans', href: 'https://cms.example.com/news/zh-Hans/biao-ti' },
      { rel: 'alternate', hreflang: 'x-default', href: 'https://cms.example.com/news/zh-Hant/a-story' },
    ]);
    expect(page).toContain('<meta property="og:image" content="https://cms.example.com/uploads/photo.jpg">');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(page).toContain('<meta property="og:locale:alternate" content="en_US">');
  });

  it('dates the story in the newsroom’s zone, with the offset, and says a draft is not published yet', () => {
    const published = renderArticlePage(article(), { ...context, mode: 'published' });
    expect(textOf(byClass(published, 'dates')[0]!)).toBe('發布 2026-12-01 09:30 (GMT+8)');
    const draft = renderArticlePage(article({ publishedAt: null, firstPublishedAt: null }), { ...context, mode: 'preview' });
    expect(textOf(byClass(draft, 'dates')[0]!)).toBe('尚未發布');
  });
});

describe('corrections', () => {
  it('are read from whatever list the serializer gives, strings or objects, and nothing else', () => {
    const withCorrections = (corrections: unknown) => article({ ...({ corrections } as object) });
    expect(
      correctionsOf(withCorrections(['更正一', { text: '更正二', date: '2026-12-02' }, { note: '更正三' }, { other: 1 }, 42, null, '  '])),
    ).toEqual([
      { text: '更正一', date: null },
      { text: '更正二', date: '2026-12-02' },
      { text: '更正三', date: null },
    ]);
    expect(correctionsOf(withCorrections(undefined))).toEqual([]);
    expect(correctionsOf(withCorrections({ text: 'not a list' }))).toEqual([]);
    expect(byClass(renderArticlePage(article(), { ...context, mode: 'published' }), 'corrections')).toEqual([]);
  });

  it('show each delivered correction with its kind and time, and the page says it was updated then', () => {
    const delivered = article({
      publishedAt: '2026-12-01T01:00:00.000Z',
      firstPublishedAt: '2026-12-01T01:00:00.000Z',
      updatedAt: '2026-12-01T01:00:00.000Z',
      corrections: [{ at: '2026-12-02T03:30:00.000Z', kind: 'clarification', text: '澄清一處說法。' }],
    } as object);
    expect(correctionsOf(delivered)).toEqual([{ text: '澄清一處說法。', date: '2026-12-02T03:30:00.000Z', kind: 'clarification' }]);
    const page = renderArticlePage(delivered, { ...context, mode: 'published' });
    const text = textOf(byClass(page, 'corrections')[0]!);
    expect(text).toContain('澄清');
    expect(text).toContain('2026-12-02');
    expect(page).toContain('content="2026-12-02T03:30:00.000Z"');
  });
});

describe('speaker lines', () => {
  const q = { documentId: 'q', text: '…', speaker: '賀翔', speakerTitle: '數據智能科學家', speakerOrg: '毫末智行', position: 0 };
  it('follow each language’s order', () => {
    expect(speakerLine(q, 'zh-Hant')).toBe('毫末智行數據智能科學家 賀翔');
    expect(speakerLine({ ...q, speaker: 'Priya Nair', speakerTitle: 'chief analyst', speakerOrg: 'Northwind Research' }, 'en')).toBe(
      'Priya Nair, chief analyst, Northwind Research',
    );
    expect(speakerLine({ ...q, speakerTitle: null, speakerOrg: null }, 'zh-Hans')).toBe('賀翔');
  });
});

describe('the refusal page', () => {
  it('says why and to reopen the preview from the admin, in the language asked', () => {
    expect(renderDeniedPage('zh-Hant', 'expired')).toContain('請回到管理後台,從報導的編輯畫面重新開啟預覽。');
    expect(renderDeniedPage('en', 'invalid')).toContain('open the preview again');
    expect(renderDeniedPage('zh-Hans', 'no-access')).toContain('<html lang="zh-Hans">');
  });
});

describe('the update line', () => {
  it('appears when the story changed more than a minute after it first went out', () => {
    const dates = (overrides: Partial<DeliveryArticle>) =>
      textOf(byClass(renderArticlePage(article(overrides), { ...context, mode: 'published' }), 'dates')[0]!);
    expect(dates({ publishedAt: '2026-12-01T01:30:30.000Z' })).toBe('發布 2026-12-01 09:30 (GMT+8)');
    expect(dates({ publishedAt: '2026-12-02T04:00:00.000Z' })).toBe('發布 2026-12-01 09:30 (GMT+8) · 更新 2026-12-02 12:00 (GMT+8)');
  });
});
