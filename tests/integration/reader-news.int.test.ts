import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { demoData, SEED_SLUG } from '../helpers/demo';
import { attr, elementsOf, hasClass, ParsedPage, text, validateHtml, validateStructuredData } from '../helpers/reader-page';
import { createStory, demoCast, publishAuthorsIn, type DemoCast } from '../helpers/stories';
import { startApp, type TestApp } from '../helpers/strapi';

/**
 * `GET /news/:locale/:slug`: the published story as a page, the reference front end. Made from the by-slug
 * route's response, cached like it, valid HTML with valid schema.org JSON-LD, and readable in each language.
 */

const PUBLIC_URL = 'https://cms.example.test';
let app: TestApp;
let cast: DemoCast;
const news = (path: string) => request(app.server).get(path);

beforeAll(async () => {
  // The approval step before a publish is the workflow's gate, tested in its own suites.
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  // As in production: the address readers reach the CMS at, for absolute links and image URLs.
  process.env.PUBLIC_URL = PUBLIC_URL;
  app = await startApp('reader-news');
  cast = await demoCast(app.strapi);
});
afterAll(async () => {
  delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  delete process.env.PUBLIC_URL;
  await app?.stop();
});

describe('the demo story at /news/zh-Hant/:slug', () => {
  let res: request.Response;
  let page: ParsedPage;
  let data: any;
  beforeAll(async () => {
    res = await news(`/news/zh-Hant/${SEED_SLUG}`);
    page = new ParsedPage(res.text);
    data = (await request(app.server).get(`/api/articles/by-slug/${SEED_SLUG}`).query({ locale: 'zh-Hant' })).body.data;
  });

  it('is an HTML page in Traditional Chinese with the headline, dek, byline line, lead photo with its credit and the body', () => {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(attr(page.byTag('html')[0]!, 'lang')).toBe('zh-Hant');
    expect(page.byTag('h1').map(text)).toEqual([demoData.title]);
    expect(page.all((el) => hasClass(el, 'dek')).map(text)).toEqual([demoData.dek]);
    expect(page.all((el) => hasClass(el, 'byline')).map(text)).toEqual(['文|正見 TrueView,作者|koorvoa,編輯|TV.']);
    const lead = page.all((el) => hasClass(el, 'lead'))[0]!;
    expect(
      attr(
        page.byTag('img').find((img) => lead.childNodes.includes(img))!,
        'src',
      ),
    ).toBe(data.cover.image.url);
    expect(page.all((el) => hasClass(el, 'credit')).map(text)).toEqual([data.cover.creditLine]);
    expect(res.text).not.toContain('(未填)');
    // The preview's notes are for editors only.
    expect(page.all((el) => hasClass(el, 'preview-banner'))).toEqual([]);
    expect(page.meta('robots')).toEqual([]);
  });

  it('shows each pull-quote right after the paragraph it was taken from', () => {
    const body = page.all((el) => hasClass(el, 'body'))[0]!;
    const blocks = elementsOf(body);
    const quotes = blocks.filter((el) => hasClass(el, 'pull-quote'));
    // In the order of the text, not of their position numbers.
    const shown = quotes.map((q) => text(q.childNodes.find((n) => n.nodeName === 'blockquote')!));
    expect([...shown].sort()).toEqual(data.pullQuotes.map((q: any) => q.text).sort());
    const normalise = (s: string) => s.replace(/[\s"“”「」]/gu, '');
    for (const quote of quotes) {
      const before = blocks[blocks.indexOf(quote) - 1]!;
      const previousParagraph = hasClass(before, 'pull-quote')
        ? blocks
            .slice(0, blocks.indexOf(quote))
            .reverse()
            .find((b) => !hasClass(b, 'pull-quote'))!
        : before;
      const said = text(quote.childNodes.find((n) => n.nodeName === 'blockquote')!);
      expect(normalise(text(previousParagraph))).toContain(normalise(said));
    }
    // Every paragraph of bodyHtml is there, in order.
    expect(blocks.filter((b) => !hasClass(b, 'pull-quote')).length).toBeGreaterThan(10);
  });

  it('embeds the same JSON-LD as the API, and it passes the schema.org validator', () => {
    const items = page.jsonLd();
    expect(items).toEqual([data.jsonLd]);
    // Neither errors nor warnings (a property schema.org does not know is a warning).
    expect(validateStructuredData(items)).toEqual([]);
  });

  it('the validators are not blind: a property schema.org lacks and a misnested element are caught', async () => {
    const issues = validateStructuredData([{ ...data.jsonLd, colour: 'red', author: [{ '@type': 'Person' }] }]);
    expect(issues.map((i) => [i.severity, i.fieldNames])).toEqual(
      expect.arrayContaining([
        ['WARNING', ['colour']],
        ['ERROR', ['name']],
      ]),
    );
    const broken = res.text.replace('<p class="dek">', '<div><p class="dek">').replace('</header>', '</div></span></header>');
    expect((await validateHtml(broken)).length).toBeGreaterThan(0);
  });

  it('validates as HTML', async () => {
    expect(await validateHtml(res.text)).toEqual([]);
  });

  it('has Open Graph and Twitter card tags, a canonical link and its language', () => {
    expect(page.meta('og:type')).toEqual(['article']);
    expect(page.meta('og:title')).toEqual([demoData.title]);
    expect(page.meta('og:description')).toEqual([demoData.dek]);
    expect(page.meta('og:locale')).toEqual(['zh_TW']);
    expect(page.meta('og:image')).toEqual([data.cover.image.url]);
    expect(data.cover.image.url).toMatch(/^https:\/\/cms\.example\.test\/uploads\/.+/u);
    expect(page.meta('article:published_time')).toEqual([data.firstPublishedAt]);
    expect(page.meta('twitter:card')).toEqual(['summary_large_image']);
    expect(page.meta('twitter:title')).toEqual([demoData.title]);
    // Syndicated: the original is canonical, as the API says.
    expect(page.links('canonical').map((l) => attr(l, 'href'))).toEqual([data.attribution.canonicalUrl]);
    expect(page.meta('og:url')).toEqual([data.attribution.canonicalUrl]);
    expect(page.links('alternate').map((l) => [attr(l, 'hreflang'), attr(l, 'href')])).toEqual([
      ['zh-Hant', `${PUBLIC_URL}/news/zh-Hant/${SEED_SLUG}`],
    ]);
  });

  it('runs no script and loads nothing but its own stylesheet and media-library images', () => {
    expect(page.byTag('script').map((s) => attr(s, 'type'))).toEqual(['application/ld+json']);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`img-src 'self' ${PUBLIC_URL}`);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/u);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/script-src/u);
  });

  it('is cacheable like the API: ETag, the same Cache-Control, and a bodiless 304 on revalidation', async () => {
    const api = await request(app.server).get(`/api/articles/by-slug/${SEED_SLUG}`).query({ locale: 'zh-Hant' });
    expect(res.headers['cache-control']).toBe(api.headers['cache-control']);
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/u);
    expect(res.headers.etag).not.toBe(api.headers.etag);
    const again = await news(`/news/zh-Hant/${SEED_SLUG}`);
    expect(again.headers['x-delivery-cache']).toBe('hit');
    expect(again.headers.etag).toBe(res.headers.etag);
    expect(again.text).toBe(res.text);
    // As a browser revalidates (supertest, not fetch(): see strapi5-notes.md).
    const revalidated = await news(`/news/zh-Hant/${SEED_SLUG}`).set('If-None-Match', res.headers.etag as string);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text ?? '').toBe('');
  });
});

describe('editions and languages', () => {
  let story: { documentId: string; slug: string };
  let hans: { slug: string };
  let en: { slug: string };
  beforeAll(async () => {
    story = await createStory(app.strapi, cast, { title: '三語報導:雲端的下一步', quotes: 1 });
    await publishAuthorsIn(app.strapi, cast, 'zh-Hans');
    await publishAuthorsIn(app.strapi, cast, 'en');
    // The republisher's agreement is extended to English for this story's English edition.
    await app.strapi
      .documents('api::source.source')
      .update({ documentId: cast.republisher, data: { allowedLocales: ['zh-Hant', 'zh-Hans', 'en'] } as any, status: 'published' });
    hans = await createStory(app.strapi, cast, {
      title: '三语报道:云端的下一步',
      documentId: story.documentId,
      locale: 'zh-Hans',
      quotes: 1,
    });
    en = await createStory(app.strapi, cast, {
      title: 'Three editions: the next step for the cloud',
      documentId: story.documentId,
      locale: 'en',
      quotes: 1,
    });
  });

  it.each([
    ['zh-Hant', () => story.slug, 'zh_TW', '圖片來源 @視覺中國'],
    ['zh-Hans', () => hans.slug, 'zh_CN', '图片来源 @視覺中國'],
    ['en', () => en.slug, 'en_US', 'Photo: 視覺中國'],
  ])('the %s edition is in its language, links every edition with hreflang, and validates', async (locale, slug, ogLocale, creditLine) => {
    const res = await news(`/news/${locale}/${slug()}`);
    expect(res.status).toBe(200);
    const page = new ParsedPage(res.text);
    expect(attr(page.byTag('html')[0]!, 'lang')).toBe(locale);
    expect(page.meta('og:locale')).toEqual([ogLocale]);
    expect(page.meta('og:locale:alternate').sort()).toEqual(['en_US', 'zh_CN', 'zh_TW'].filter((l) => l !== ogLocale).sort());
    const alternates = Object.fromEntries(page.links('alternate').map((l) => [attr(l, 'hreflang'), new URL(attr(l, 'href')!).pathname]));
    expect(alternates).toEqual({
      'zh-Hant': `/news/zh-Hant/${story.slug}`,
      'zh-Hans': `/news/zh-Hans/${hans.slug}`,
      en: `/news/en/${en.slug}`,
      'x-default': `/news/zh-Hant/${story.slug}`,
    });
    expect(page.all((el) => hasClass(el, 'credit')).map(text)[0]).toBe(creditLine);
    expect(await validateHtml(res.text)).toEqual([]);
    expect(validateStructuredData(page.jsonLd())).toEqual([]);
  });
});

describe('text is text', () => {
  it('a headline, dek, caption and quote full of markup characters are shown as typed and the page still validates', async () => {
    const title = 'AI < 人類 & "模型" > 數據 </title><script>alert(1)</script>';
    const created = await createStory(app.strapi, cast, { title, quotes: 1 });
    const row = await app.strapi.db
      .query('api::article.article')
      .findOne({ where: { documentId: created.documentId, publishedAt: { $notNull: true } } });
    const res = await news(`/news/zh-Hant/${created.slug}`);
    expect(res.status).toBe(200);
    const page = new ParsedPage(res.text);
    // Whatever the write path kept of it, the page shows exactly that, as text.
    expect(page.byTag('h1').map(text)).toEqual([row.title]);
    expect(page.byTag('title').map(text)).toEqual([row.title]);
    expect(page.byTag('script').map((s) => attr(s, 'type'))).toEqual(['application/ld+json']);
    expect(await validateHtml(res.text)).toEqual([]);
  });
});

describe('what is not there', () => {
  it('an unknown story, an unknown locale and a malformed slug are 404 pages that nobody keeps', async () => {
    for (const path of ['/news/zh-Hant/no-such-story', '/news/xx/whatever', `/news/zh-Hant/${encodeURIComponent('a b<')}`]) {
      const res = await news(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(await validateHtml(res.text)).toEqual([]);
    }
  });

  it('answers over plain HTTP as a browser asks (HEAD too)', async () => {
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = app.server.address() as AddressInfo;
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: `/news/zh-Hant/${SEED_SLUG}`, method: 'HEAD' }, (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
    }
  });
});
