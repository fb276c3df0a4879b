import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { SEED_SLUG } from '../helpers/demo';
import { createStory, demoCast, type DemoCast } from '../helpers/stories';
import { fullAccessToken, startApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
let app: TestApp;
let cast: DemoCast;
let baseUrl: string;

beforeAll(async () => {
  // This suite is about what readers get once a story is published; the approval step before a
  // publish is the workflow's gate and is tested in the workflow suites (a second instance inherits this).
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  app = await startApp('delivery-cache');
  cast = await demoCast(app.strapi);
  // A listening server, so reads can run while a test holds a transaction open.
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  await new Promise<void>((resolve) => app.server.close(() => resolve()));
  await app?.stop();
});

const read = async (slug: string, locale = 'zh-Hant') => {
  const res = await fetch(`${baseUrl}/api/articles/by-slug/${slug}?locale=${locale}`);
  const body = (await res.json()) as { data?: any };
  return { status: res.status, cache: res.headers.get('x-delivery-cache'), data: body.data };
};
/** Reads twice: the second read comes from the cache. */
const warm = async (slug: string) => {
  await read(slug);
  const second = await read(slug);
  expect(second.cache).toBe('hit');
  return second;
};
const documents = () => app.strapi.documents(ARTICLE as any);

describe('the response cache', () => {
  it('is in memory without REDIS_URL, and serves a warm story from the cache', async () => {
    expect(app.strapi.service('api::article.delivery' as any).cacheKind()).toBe('memory');
    const first = await read(SEED_SLUG);
    expect(['miss', 'hit']).toContain(first.cache);
    expect((await read(SEED_SLUG)).cache).toBe('hit');
  });
});

describe('a story is never served stale once a write has returned', () => {
  it('publish: a story published with strapi.documents().publish, as the scheduler does, is served at once', async () => {
    const story = await createStory(app.strapi, cast, { title: '排程發布的故事', publish: false });
    expect((await read(story.slug)).status).toBe(404);
    await documents().publish({ documentId: story.documentId, locale: 'zh-Hant' });
    const res = await read(story.slug);
    expect(res.status).toBe(200);
    expect(res.data.title).toBe('排程發布的故事');
  });

  it('update: a republished edit replaces the cached story at once', async () => {
    const story = await createStory(app.strapi, cast, { title: '會被修改的故事' });
    await warm(story.slug);
    await documents().update({
      documentId: story.documentId,
      locale: 'zh-Hant',
      data: { dek: '修改後的摘要' } as any,
      status: 'published',
    });
    const res = await read(story.slug);
    expect(res.cache).toBe('miss');
    expect(res.data.dek).toBe('修改後的摘要');
  });

  it('unpublish and delete: the story is gone at once', async () => {
    const story = await createStory(app.strapi, cast, { title: '會被撤下的故事' });
    await warm(story.slug);
    await documents().unpublish({ documentId: story.documentId, locale: 'zh-Hant' });
    expect((await read(story.slug)).status).toBe(404);

    await documents().publish({ documentId: story.documentId, locale: 'zh-Hant' });
    await warm(story.slug);
    await documents().delete({ documentId: story.documentId, locale: 'zh-Hant' });
    expect((await read(story.slug)).status).toBe(404);
  });

  it('over HTTP: a REST publish with an API token is served by the time its response arrives', async () => {
    const story = await createStory(app.strapi, cast, { title: '經由接口發布的故事' });
    await warm(story.slug);
    const token = await fullAccessToken(app.strapi);
    const res = await request(app.server)
      .put(`/api/articles/${story.documentId}?locale=zh-Hant`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { dek: '接口修改' } });
    expect(res.status).toBe(200);
    expect((await read(story.slug)).data.dek).toBe('接口修改');
  });

  it('schedule: a publish inside the caller’s own transaction is served once that transaction returns, and a read during it caches nothing stale', async () => {
    const story = await createStory(app.strapi, cast, { title: '交易中發布的故事' });
    await warm(story.slug);
    let during: Promise<{ status: number; data?: any }> | undefined;
    await app.strapi.db.transaction(async () => {
      await documents().update({ documentId: story.documentId, locale: 'zh-Hant', data: { dek: '交易內的修改' } as any });
      await documents().publish({ documentId: story.documentId, locale: 'zh-Hant' });
      // A reader arriving before the commit (on PostgreSQL it sees the old row; SQLite makes it wait).
      during = read(story.slug);
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    const after = await read(story.slug);
    expect(after.data.dek).toBe('交易內的修改');
    await during;
    // Whatever the early reader saw, it did not leave the old story in the cache.
    expect((await read(story.slug)).data.dek).toBe('交易內的修改');
    expect((await read(story.slug)).cache).toBe('hit');
  });

  it('a publish the attribution guard refuses changes nothing that is served', async () => {
    const story = await createStory(app.strapi, cast, { title: '被擋下的修改' });
    const before = await warm(story.slug);
    await expect(
      documents().update({
        documentId: story.documentId,
        locale: 'zh-Hant',
        data: { title: '被擋下的修改', cover: { image: cast.photo.id, credit: '網路' } } as any,
        status: 'published',
      }),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      details: {
        errors: expect.arrayContaining([expect.objectContaining({ rule: 'image.credit-placeholder', path: ['cover', 'credit'] })]),
      },
    });
    const after = await read(story.slug);
    expect(after.data).toEqual(before.data);
  });
});

describe('changes to what a story shows, made on other types', () => {
  it('an author’s new display name is in the byline at once', async () => {
    await warm(SEED_SLUG);
    const authors = app.strapi.documents('api::author.author' as any);
    await authors.update({ documentId: cast.author, locale: 'zh-Hant', data: { displayName: '光明' } as any, status: 'published' });
    expect((await read(SEED_SLUG)).data.attribution.line).toBe('文|正見 TrueView,作者|光明,編輯|TV.');
    await authors.update({ documentId: cast.author, locale: 'zh-Hant', data: { displayName: 'koorvoa' } as any, status: 'published' });
    expect((await read(SEED_SLUG)).data.attribution.line).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
  });

  it('an outlet’s new attribution template is used at once', async () => {
    await warm(SEED_SLUG);
    const sources = app.strapi.documents('api::source.source' as any);
    await sources.update({
      documentId: cast.outlet,
      data: { attributionTemplate: '來源|{outlet}、作者|{author}' } as any,
      status: 'published',
    });
    expect((await read(SEED_SLUG)).data.attribution.line).toBe('來源|正見 TrueView、作者|koorvoa');
    await sources.update({
      documentId: cast.outlet,
      data: { attributionTemplate: '文|{outlet},作者|{author},編輯|{editor}' } as any,
      status: 'published',
    });
    expect((await read(SEED_SLUG)).data.attribution.line).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
  });

  it('a media file’s stored credit, written outside the Document Service, is used at once', async () => {
    const story = await createStory(app.strapi, cast, { title: '正文有圖的故事', bodyImages: 1 });
    expect((await warm(story.slug)).data.attribution.credits).toContainEqual({ path: 'body.1', line: '圖片來源 @視覺中國' });
    const credits = app.strapi.plugin('attribution-guard').service('media-credits');
    await credits.set(cast.photo.id, { credit: 'VCG' });
    expect((await read(story.slug)).data.attribution.credits).toContainEqual({ path: 'body.1', line: '圖片來源 @VCG' });
    await credits.set(cast.photo.id, { credit: '視覺中國' });
  });
});
