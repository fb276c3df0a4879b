import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { SEED_SLUG, demoData } from '../helpers/demo';
import { createStory, demoCast, publishAuthorsIn, type DemoCast } from '../helpers/stories';
import { storyWithoutImages } from '../helpers/story-shapes';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { devLogins } from '../../src/bootstrap/dev-admins';

/**
 * The feeds (RSS 2.0, Atom, JSON Feed per locale), the sitemap with its hreflang alternates and the
 * Google News sitemap, on the real app: parsed with a real XML parser and checked against each
 * format's required elements, published stories only, cached with ETag/304 and moved by every
 * publish, unpublish, correction and edit of a linked record.
 */
const ARTICLE = 'api::article.article';
const AUTHOR = 'api::author.author';
const [, editorLogin] = devLogins();

let app: TestApp;
let cast: DemoCast;
const origin = 'https://cms.example.test';
let editorJwt: string;

const LISTS = new Set(['rss.channel.item', 'feed.entry', 'feed.entry.author', 'feed.entry.link', 'urlset.url', 'urlset.url.xhtml:link']);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name, jpath) => LISTS.has(String(jpath)) });
const get = (path: string) => request(app.server).get(path);
const articles = () => app.strapi.documents(ARTICLE as any);
const approve = (documentId: string, locale: string) =>
  app.strapi
    .plugin('editorial-workflow')
    .service('workflow')
    .setStage({ uid: ARTICLE, documentId, locale }, 'approved', 'Approved for the test');
const bySlug = async (slug: string, locale: string) => (await get(`/api/articles/by-slug/${slug}`).query({ locale }).expect(200)).body.data;

const rss = async (locale: string) => {
  const res = await get(`/feeds/${locale}/rss.xml`).expect(200);
  expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
  return { res, doc: xml.parse(res.text) };
};
const atom = async (locale: string) => {
  const res = await get(`/feeds/${locale}/atom.xml`).expect(200);
  expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  return { res, doc: xml.parse(res.text) };
};
const jsonFeed = async (locale: string) => {
  const res = await get(`/feeds/${locale}/feed.json`).expect(200);
  expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
  return { res, doc: JSON.parse(res.text) };
};
const sitemap = async () => xml.parse((await get('/sitemap.xml').expect(200)).text);
const news = async () => xml.parse((await get('/sitemaps/news.xml').expect(200)).text);
const rssTitles = async (locale: string) => ((await rss(locale)).doc.rss.channel.item ?? []).map((i: any) => i.title);
const locs = async () => ((await sitemap()).urlset.url ?? []).map((u: any) => u.loc as string);
const pageUrl = (locale: string, slug: string) => `${origin}/news/${locale}/${slug}`;

/** RSS 2.0's required channel elements, and an item's: a title or a description, and here a link and guid. */
function checkRss(doc: any) {
  expect(doc.rss['@version']).toBe('2.0');
  const channel = doc.rss.channel;
  for (const field of ['title', 'link', 'description']) expect(typeof channel[field]).toBe('string');
  for (const item of channel.item ?? []) {
    expect(typeof item.title === 'string' || typeof item.description === 'string').toBe(true);
    expect(item.link).toMatch(/^https?:\/\//u);
    expect(typeof (item.guid?.['#text'] ?? item.guid)).toBe('string');
    expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
  }
}

/** Atom (RFC 4287): the feed and each entry have id, title and updated; an author on the feed or every entry. */
function checkAtom(doc: any) {
  const feed = doc.feed;
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const field of ['id', 'title', 'updated']) expect(feed[field]).toBeDefined();
  expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
  for (const entry of feed.entry ?? []) {
    expect(typeof entry.id).toBe('string');
    expect(entry.title).toBeDefined();
    expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
    expect(feed.author ?? entry.author).toBeDefined();
  }
}

/** JSON Feed: version URL, title, items with an id and content. */
function checkJsonFeed(doc: any) {
  expect(doc.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/u);
  expect(typeof doc.title).toBe('string');
  expect(Array.isArray(doc.items)).toBe(true);
  for (const item of doc.items) {
    expect(typeof item.id).toBe('string');
    expect(typeof (item.content_html ?? item.content_text)).toBe('string');
  }
}

let english: Awaited<ReturnType<typeof storyWithoutImages>>;
let bilingual: { documentId: string; hant: string; hans: string };
let draftOnly: { slug: string; title: string };
let takenDown: { slug: string; title: string };
let embargoed: { slug: string; title: string };

beforeAll(async () => {
  // Approval is the workflow's gate, tested in its suites; here what matters is what is published.
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  // As in production: every link absolute from PUBLIC_URL, whatever Host a request names.
  process.env.PUBLIC_URL = origin;
  app = await startApp('feeds-sitemaps');
  cast = await demoCast(app.strapi);
  editorJwt = await adminJwt(app.server, editorLogin!.email, editorLogin!.password);
  english = await storyWithoutImages(app.strapi, { title: 'Chipmakers race to ship edge models', writers: 3 });
  const hant = await createStory(app.strapi, cast, { title: '兩種文字的報導:邊緣運算' });
  await publishAuthorsIn(app.strapi, cast, 'zh-Hans');
  const hans = await createStory(app.strapi, cast, { title: '两种文字的报道:边缘运算', locale: 'zh-Hans', documentId: hant.documentId });
  bilingual = { documentId: hant.documentId, hant: hant.slug, hans: hans.slug };
  const draft = await createStory(app.strapi, cast, { title: '未發布草稿:不可出現在任何訂閱源', publish: false });
  draftOnly = { slug: draft.slug, title: '未發布草稿:不可出現在任何訂閱源' };
  const down = await createStory(app.strapi, cast, { title: '已撤下的報導:不可出現' });
  await articles().unpublish({ documentId: down.documentId, locale: 'zh-Hant' });
  takenDown = { slug: down.slug, title: '已撤下的報導:不可出現' };
  const held = await createStory(app.strapi, cast, { title: '禁發中的報導:不可出現', publish: false });
  await approve(held.documentId, 'zh-Hant');
  const res = await request(app.server)
    .put(`/editorial-workflow/entries/${ARTICLE}/${held.documentId}/embargo`)
    .set({ Authorization: `Bearer ${editorJwt}` })
    .send({ locale: 'zh-Hant', until: '2031-05-04T09:30', timezone: 'Asia/Taipei' });
  expect(res.status).toBe(200);
  embargoed = { slug: held.slug, title: '禁發中的報導:不可出現' };
});

afterAll(async () => {
  delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  delete process.env.PUBLIC_URL;
  await app?.stop();
});

describe('the feeds of a locale', () => {
  it('RSS 2.0: the published stories with byline, credited lead photo and bodyHtml exactly as the by-slug route', async () => {
    const { doc } = await rss('zh-Hant');
    checkRss(doc);
    expect(doc.rss.channel.language).toBe('zh-Hant');
    const demo = await bySlug(SEED_SLUG, 'zh-Hant');
    const item = doc.rss.channel.item.find((i: any) => i.title === demoData.title);
    expect(item).toBeDefined();
    expect(item.link).toBe(pageUrl('zh-Hant', SEED_SLUG));
    expect(item['content:encoded']).toContain(demo.bodyHtml);
    expect(item['content:encoded']).toContain(demo.attribution.line);
    expect(item['content:encoded']).toContain(`${demo.cover.caption} ${demo.cover.creditLine}`);
    expect(demo.cover.image.url.startsWith(`${origin}/uploads/`)).toBe(true);
    expect(item['content:encoded']).toContain(`src="${demo.cover.image.url}"`);
    expect(item.enclosure['@url']).toBe(demo.cover.image.url);
    expect(item.enclosure['@type']).toBe(demo.cover.image.mime);
  });

  it('Atom: every entry with its writers, in byline order', async () => {
    const { doc } = await atom('en');
    checkAtom(doc);
    const entry = doc.feed.entry.find((e: any) => String(e.title['#text'] ?? e.title) === 'Chipmakers race to ship edge models');
    expect(entry.author.map((a: any) => a.name)).toEqual(english.writers);
    expect(entry.link[0]['@href']).toBe(pageUrl('en', english.slug));
    const story = await bySlug(english.slug, 'en');
    expect(entry.content['#text']).toContain(story.bodyHtml);
    expect(entry.published).toBe(story.firstPublishedAt);
  });

  it('JSON Feed: items with the body HTML, the photo and its credit', async () => {
    const { doc } = await jsonFeed('zh-Hant');
    checkJsonFeed(doc);
    const demo = await bySlug(SEED_SLUG, 'zh-Hant');
    const item = doc.items.find((i: any) => i.title === demoData.title);
    expect(item.id).toBe(pageUrl('zh-Hant', SEED_SLUG));
    expect(item.content_html).toContain(demo.bodyHtml);
    expect(item.image).toBe(demo.cover.image.url);
    expect(item._newsroom).toEqual({ byline: demo.attribution.line, imageCredit: demo.cover.creditLine });
    // A story without any image has no image, and its HTML has none.
    const plain = (await jsonFeed('en')).doc.items.find((i: any) => i.title === 'Chipmakers race to ship edge models');
    expect(plain.image).toBeUndefined();
    expect(plain.content_html).not.toContain('<img');
  });

  it('each locale carries its own editions only', async () => {
    const [hant, hans, en] = await Promise.all([rssTitles('zh-Hant'), rssTitles('zh-Hans'), rssTitles('en')]);
    expect(hant).toEqual(expect.arrayContaining([demoData.title, '兩種文字的報導:邊緣運算']));
    expect(hant).not.toContain('两种文字的报道:边缘运算');
    expect(hans).toEqual(['两种文字的报道:边缘运算']);
    expect(en).toEqual(['Chipmakers race to ship edge models']);
  });

  it('never carries a draft, a story taken down or one under embargo, in any format or locale', async () => {
    const hidden = [draftOnly, takenDown, embargoed];
    for (const locale of ['zh-Hant', 'zh-Hans', 'en']) {
      const texts = [(await rss(locale)).res.text, (await atom(locale)).res.text, (await jsonFeed(locale)).res.text];
      for (const text of texts) {
        for (const story of hidden) {
          expect(text).not.toContain(story.title);
          expect(text).not.toContain(story.slug);
        }
      }
    }
    // The control: the same words of a published story are there.
    expect((await rss('zh-Hant')).res.text).toContain(bilingual.hant);
  });

  it('an unknown locale is a 404 naming the feeds there are, never a 500', async () => {
    for (const path of ['/feeds/fr/rss.xml', '/feeds/zh-TW/atom.xml', '/feeds/*/feed.json', '/feeds/%3Cscript%3E/rss.xml']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.error.message).toMatch(/^There is no feed for the locale ".*"\. Feeds exist for: .*zh-Hant.*\.$/u);
      expect(res.body.error.message).toContain('en');
    }
  });
});

describe('caching', () => {
  const routes = ['/feeds/zh-Hant/rss.xml', '/feeds/en/atom.xml', '/feeds/zh-Hans/feed.json', '/sitemap.xml', '/sitemaps/news.xml'];

  it('answers with an ETag, the delivery Cache-Control and the security headers of the by-slug route; a 304 on If-None-Match', async () => {
    const story = await get(`/api/articles/by-slug/${SEED_SLUG}`).query({ locale: 'zh-Hant' }).expect(200);
    for (const path of routes) {
      const first = await get(path).expect(200);
      expect(first.headers.etag).toMatch(/^"[\w-]+"$/u);
      expect(first.headers['cache-control']).toBe(story.headers['cache-control']);
      for (const header of [
        'content-security-policy',
        'x-content-type-options',
        'x-frame-options',
        'strict-transport-security',
        'referrer-policy',
      ]) {
        expect(first.headers[header]).toBe(story.headers[header]);
      }
      const second = await get(path).expect(200);
      expect(second.headers['x-delivery-cache']).toBe('hit');
      expect(second.headers.etag).toBe(first.headers.etag);
      const revalidated = await get(path).set('If-None-Match', first.headers.etag!);
      expect(revalidated.status).toBe(304);
      expect(revalidated.text ?? '').toBe('');
    }
  });

  it('a publish, an unpublish, a correction and an author edit each re-render every feed and sitemap at once', async () => {
    const warm = async () => {
      for (const path of routes) await get(path).expect(200);
    };
    /** The first read after a write: rendered anew (`miss`), never the copy from before it. */
    const firstReads = async () =>
      Promise.all(routes.map(async (path) => `${path}: ${(await get(path).expect(200)).headers['x-delivery-cache']}`));
    const missed = routes.map((path) => `${path}: miss`);

    // Publish.
    await warm();
    const fresh = await storyWithoutImages(app.strapi, { title: 'Fresh off the press' });
    expect(await firstReads()).toEqual(missed);
    expect(await rssTitles('en')).toContain('Fresh off the press');
    expect(await locs()).toContain(pageUrl('en', fresh.slug));
    expect((await get('/sitemaps/news.xml').expect(200)).text).toContain(fresh.slug);

    // Unpublish.
    await warm();
    const etag = (await get('/feeds/en/atom.xml').expect(200)).headers.etag as string;
    await articles().unpublish({ documentId: fresh.documentId, locale: 'en' });
    expect(await firstReads()).toEqual(missed);
    expect(await rssTitles('en')).not.toContain('Fresh off the press');
    expect(await locs()).not.toContain(pageUrl('en', fresh.slug));
    // A client holding the old copy gets the new one, not a 304.
    expect((await get('/feeds/en/atom.xml').set('If-None-Match', etag)).status).toBe(200);

    // A correction: the item's update time moves in the feed.
    const demoDocumentId = (await bySlug(SEED_SLUG, 'zh-Hant')).documentId;
    const itemDate = async () =>
      (await atom('zh-Hant')).doc.feed.entry.find((e: any) => String(e.title['#text'] ?? e.title) === demoData.title).updated;
    const dateBefore = await itemDate();
    await warm();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const corrected = await request(app.server)
      .post('/newsroom/corrections')
      .set({ Authorization: `Bearer ${editorJwt}` })
      .send({ documentId: demoDocumentId, locale: 'zh-Hant', kind: 'update', text: '本文已補充最新數據。' });
    expect(corrected.status).toBe(200);
    expect(await firstReads()).toEqual(missed);
    expect(Date.parse(await itemDate())).toBeGreaterThan(Date.parse(dateBefore));

    // An edit of a linked author record: the byline in the feed follows, as on the by-slug route. The story
    // and its writers are this test's own, so the bylines other tests read stay as they were made.
    const own = await storyWithoutImages(app.strapi, { title: 'Edge models reach the phone', writers: 3 });
    const writer = (await app.strapi.db
      .query(AUTHOR as any)
      .findOne({ where: { name: own.writers[1], publishedAt: { $notNull: true } } })) as { documentId: string };
    await warm();
    await app.strapi
      .documents(AUTHOR as any)
      .update({ documentId: writer.documentId, locale: 'en', data: { displayName: 'Renamed Writer' } as any, status: 'published' });
    expect(await firstReads()).toEqual(missed);
    const entry = (await atom('en')).doc.feed.entry.find((e: any) => String(e.title['#text'] ?? e.title) === 'Edge models reach the phone');
    expect(entry.author.map((a: any) => a.name)).toEqual([own.writers[0], 'Renamed Writer', own.writers[2]]);
  });
});

describe('/sitemap.xml', () => {
  it('is a urlset of every published edition, with hreflang alternates between the editions of each story', async () => {
    const doc = await sitemap();
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    const urls: any[] = doc.urlset.url;
    for (const url of urls) {
      expect(url.loc).toMatch(/^https:\/\/cms\.example\.test\/news\/(zh-Hant|zh-Hans|en)\/[\w.~-]+$/u);
      if (url.lastmod !== undefined) expect(Number.isNaN(Date.parse(url.lastmod))).toBe(false);
    }
    const published = await app.strapi.db.query(ARTICLE as any).count({ where: { publishedAt: { $notNull: true } } });
    expect(urls).toHaveLength(published);

    const alternates = (loc: string) =>
      (urls.find((u) => u.loc === loc)?.['xhtml:link'] ?? []).map((l: any) => ({
        rel: l['@rel'],
        hreflang: l['@hreflang'],
        href: l['@href'],
      }));
    const both = [
      { rel: 'alternate', hreflang: 'zh-Hans', href: pageUrl('zh-Hans', bilingual.hans) },
      { rel: 'alternate', hreflang: 'zh-Hant', href: pageUrl('zh-Hant', bilingual.hant) },
      { rel: 'alternate', hreflang: 'x-default', href: pageUrl('zh-Hant', bilingual.hant) },
    ];
    expect(alternates(pageUrl('zh-Hant', bilingual.hant))).toEqual(both);
    expect(alternates(pageUrl('zh-Hans', bilingual.hans))).toEqual(both);
    // A story in one locale has nothing to alternate with.
    expect(alternates(pageUrl('en', english.slug))).toEqual([]);
  });

  it('lists no draft, no story taken down, no embargoed story, and no draft locale of a published story', async () => {
    const text = (await get('/sitemap.xml').expect(200)).text;
    for (const story of [draftOnly, takenDown, embargoed]) expect(text).not.toContain(story.slug);
    // A zh-Hans draft of the demo story: its page is not an alternate of the published zh-Hant one.
    const demo = await bySlug(SEED_SLUG, 'zh-Hant');
    await createStory(app.strapi, cast, { title: '演示报道的简体草稿', locale: 'zh-Hans', documentId: demo.documentId, publish: false });
    const doc = await sitemap();
    const entry = doc.urlset.url.find((u: any) => u.loc === pageUrl('zh-Hant', SEED_SLUG));
    expect(entry['xhtml:link']).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('zh-Hans/yan-shi');
  });
});

describe('/sitemaps/news.xml', () => {
  const setFirstPublished = async (documentId: string, locale: string, at: Date) => {
    await app.strapi.db
      .query(ARTICLE as any)
      .updateMany({ where: { documentId, locale, publishedAt: { $notNull: true } }, data: { firstPublishedAt: at } });
    // A write past the Document Service, as a migration would make: tell the cache, as its lifecycles do for files.
    await app.strapi.service('api::article.delivery' as any).invalidator.afterWrite();
  };

  it('is a Google News urlset: publication name and language, publication date and title for each story', async () => {
    const doc = await news();
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls: any[] = doc.urlset.url;
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      const item = url['news:news'];
      expect(url.loc).toMatch(/^https?:\/\//u);
      expect(typeof item['news:publication']['news:name']).toBe('string');
      expect(item['news:publication']['news:language']).toMatch(/^(zh-cn|zh-tw|[a-z]{2,3})$/u);
      expect(Number.isNaN(Date.parse(item['news:publication_date']))).toBe(false);
      expect(String(item['news:title']).length).toBeGreaterThan(0);
    }
    const byLoc = (loc: string) => urls.find((u) => u.loc === loc)?.['news:news'];
    const demo = await bySlug(SEED_SLUG, 'zh-Hant');
    expect(byLoc(pageUrl('zh-Hant', SEED_SLUG))).toEqual({
      'news:publication': { 'news:name': demo.republisher.name, 'news:language': 'zh-tw' },
      'news:publication_date': demo.firstPublishedAt,
      'news:title': demoData.title,
    });
    expect(byLoc(pageUrl('zh-Hans', bilingual.hans))['news:publication']['news:language']).toBe('zh-cn');
    expect(byLoc(pageUrl('en', english.slug))['news:publication']).toEqual({ 'news:name': english.outlet, 'news:language': 'en' });
  });

  it('holds the stories first published in the last 48 hours, and no others', async () => {
    const inside = await storyWithoutImages(app.strapi, { title: 'Published 47 hours ago' });
    const outside = await storyWithoutImages(app.strapi, { title: 'Published 49 hours ago' });
    await setFirstPublished(inside.documentId, 'en', new Date(Date.now() - 47 * 3_600_000));
    await setFirstPublished(outside.documentId, 'en', new Date(Date.now() - 49 * 3_600_000));
    const doc = await news();
    const listed = doc.urlset.url.map((u: any) => u.loc);
    expect(listed).toContain(pageUrl('en', inside.slug));
    expect(listed).not.toContain(pageUrl('en', outside.slug));
    // The sitemap lists both: it is not limited to news.
    expect(await locs()).toEqual(expect.arrayContaining([pageUrl('en', inside.slug), pageUrl('en', outside.slug)]));
    for (const story of [draftOnly, takenDown, embargoed]) expect(JSON.stringify(doc)).not.toContain(story.slug);
  });
});
