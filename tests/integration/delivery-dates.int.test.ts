import request from 'supertest';
import { createStory, demoCast, type DemoCast } from '../helpers/stories';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { devLogins } from '../../src/bootstrap/dev-admins';

/** A story's publication date is its first publish in that locale; a re-publish moves only dateModified. */
const ARTICLE = 'api::article.article';
let app: TestApp;
let cast: DemoCast;

beforeAll(async () => {
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  app = await startApp('delivery-dates');
  cast = await demoCast(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  delete process.env.WORKFLOW_REQUIRE_APPROVAL;
});

const editorJwt = () => adminJwt(app.server, devLogins()[1]!.email, devLogins()[1]!.password);
const read = async (slug: string) =>
  (await request(app.server).get(`/api/articles/by-slug/${slug}`).query({ locale: 'zh-Hant' }).expect(200)).body.data;

it('keeps datePublished at the first publish when the story is updated and published again', async () => {
  const story = await createStory(app.strapi, cast, { title: '首次發布時間不隨更新移動' });
  const first = await read(story.slug);
  // Strapi stamps both in the same publish, a few milliseconds apart.
  expect(Math.abs(Date.parse(first.firstPublishedAt) - Date.parse(first.publishedAt))).toBeLessThan(1000);
  expect(first.jsonLd.datePublished).toBe(first.firstPublishedAt);

  await new Promise((resolve) => setTimeout(resolve, 1100));
  await app.strapi
    .documents(ARTICLE as any)
    .update({ documentId: story.documentId, locale: 'zh-Hant', data: { dek: '更新後的摘要' } as any });
  await app.strapi.documents(ARTICLE as any).publish({ documentId: story.documentId, locale: 'zh-Hant' });
  const again = await read(story.slug);
  expect(again.dek).toBe('更新後的摘要');
  expect(again.firstPublishedAt).toBe(first.firstPublishedAt);
  expect(again.jsonLd.datePublished).toBe(first.firstPublishedAt);
  expect(Date.parse(again.publishedAt)).toBeGreaterThan(Date.parse(first.publishedAt));
  expect(Date.parse(again.jsonLd.dateModified)).toBeGreaterThan(Date.parse(first.jsonLd.datePublished));
});

it('gives the demo story, published before the field existed or not, a first publication date', async () => {
  const list = await request(app.server).get('/api/articles').query({ locale: 'zh-Hant', 'fields[0]': 'firstPublishedAt' }).expect(200);
  expect(list.body.data.every((a: { firstPublishedAt: string | null }) => typeof a.firstPublishedAt === 'string')).toBe(true);
});

describe('authors and outlets for search engines', () => {
  it('an author’s page and profiles, and the outlet’s logo, reach the API and the JSON-LD as absolute addresses', async () => {
    const authors = app.strapi.documents('api::author.author' as any);
    await authors.update({
      documentId: cast.author,
      locale: 'zh-Hant',
      data: { url: 'https://trueview.example/authors/koorvoa', sameAs: ['https://x.com/koorvoa', ' https://github.com/koorvoa '] } as any,
    });
    await authors.publish({ documentId: cast.author, locale: 'zh-Hant' });
    const logo = await app.strapi.db.query('plugin::upload.file' as any).create({
      data: {
        name: 'logo.png',
        hash: `logo_${Date.now()}`,
        ext: '.png',
        mime: 'image/png',
        size: 1,
        width: 600,
        height: 60,
        url: '/uploads/logo.png',
        provider: 'local',
      },
    });
    const sources = app.strapi.documents('api::source.source' as any);
    await sources.update({ documentId: cast.republisher, data: { logo: logo.id } as any });
    await sources.publish({ documentId: cast.republisher });
    const story = await createStory(app.strapi, cast, { title: '作者頁與媒體標誌' });
    const data = await read(story.slug);
    expect(data.author).toMatchObject({
      url: 'https://trueview.example/authors/koorvoa',
      sameAs: ['https://x.com/koorvoa', 'https://github.com/koorvoa'],
    });
    expect(data.jsonLd.author[0]).toEqual({
      '@type': 'Person',
      name: expect.any(String),
      url: 'https://trueview.example/authors/koorvoa',
      sameAs: ['https://x.com/koorvoa', 'https://github.com/koorvoa'],
    });
    expect(data.republisher.logo).toMatchObject({ url: '/uploads/logo.png', width: 600, height: 60 });
    expect(data.jsonLd.publisher.logo).toEqual({
      '@type': 'ImageObject',
      url: expect.stringMatching(/^https?:\/\/.+\/uploads\/logo\.png$|^\/uploads\/logo\.png$/),
      width: 600,
      height: 60,
    });
  });

  it.each([
    [{ url: 'javascript:alert(1)' }, 'url'],
    [{ sameAs: 'https://x.com/koorvoa' }, 'sameAs'],
    [{ sameAs: ['https://x.com/ok', 'javascript:alert(1)'] }, 'sameAs'],
    [{ sameAs: [42] }, 'sameAs'],
  ])('refuses %j with a 400 naming the field, and saves nothing', async (data, field) => {
    const before = await app.strapi.db
      .query('api::author.author' as any)
      .findOne({ where: { documentId: cast.author, locale: 'zh-Hant', publishedAt: null } });
    const res = await request(app.server)
      .put(`/content-manager/collection-types/api::author.author/${cast.author}`)
      .query({ locale: 'zh-Hant' })
      .set('Authorization', `Bearer ${await editorJwt()}`)
      .send({ ...data, bio: '不該存下的簡介' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path[0]).toBe(field);
    const after = await app.strapi.db.query('api::author.author' as any).findOne({ where: { id: before.id } });
    expect(after.bio).toBe(before.bio);
  });
});

describe('PUBLIC_URL', () => {
  afterEach(() => {
    app.strapi.config.set('server.url', '');
  });

  it('makes every media URL absolute: images, renditions, body images and the JSON-LD', async () => {
    app.strapi.config.set('server.url', 'https://cms.example.com');
    const story = await createStory(app.strapi, cast, { title: '絕對網址的圖片', bodyImages: 1 });
    const data = await read(story.slug);
    expect(data.cover.image.url).toMatch(/^https:\/\/cms\.example\.com\/uploads\//);
    for (const format of Object.values(data.cover.image.formats) as Array<{ url: string }>)
      expect(format.url).toMatch(/^https:\/\/cms\.example\.com\/uploads\//);
    const sources = [...String(data.bodyHtml).matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBe(1);
    expect(sources.every((src) => src!.startsWith('https://cms.example.com/uploads/'))).toBe(true);
    expect((data.jsonLd.image as Array<{ url: string }>).every((i) => i.url.startsWith('https://cms.example.com/uploads/'))).toBe(true);
  });
});

describe('GET /api/articles', () => {
  it('answers a list in summary shape: headline, dates, byline and lead image, not every body', async () => {
    const res = await request(app.server).get('/api/articles').query({ locale: 'zh-Hant' }).expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    for (const item of res.body.data) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'author',
          'coAuthors',
          'cover',
          'dek',
          'documentId',
          'firstPublishedAt',
          'id',
          'locale',
          'publishedAt',
          'slug',
          'source',
          'title',
          'updatedAt',
        ].sort(),
      );
      expect(item.author).toEqual({
        id: expect.any(Number),
        documentId: expect.any(String),
        name: expect.any(String),
        displayName: expect.anything(),
      });
      expect(item.cover.image.url).toMatch(/\/uploads\//);
    }
  });

  it('gives what fields or populate ask for', async () => {
    const withBody = await request(app.server)
      .get('/api/articles')
      .query({ locale: 'zh-Hant', 'fields[0]': 'title', 'fields[1]': 'body' })
      .expect(200);
    expect(Object.keys(withBody.body.data[0]).sort()).toEqual(['body', 'documentId', 'id', 'title']);
    const populated = await request(app.server)
      .get('/api/articles')
      .query({ locale: 'zh-Hant', 'populate[pullQuotes]': 'true' })
      .expect(200);
    expect(populated.body.data[0].body).toBeDefined();
    expect(populated.body.data[0].pullQuotes).toBeDefined();
  });
});
