import request from 'supertest';
import { createStory, demoCast, type DemoCast } from '../helpers/stories';
import { startApp, type TestApp } from '../helpers/strapi';

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

const read = async (slug: string) => (await request(app.server).get(`/api/articles/by-slug/${slug}`).query({ locale: 'zh-Hant' }).expect(200)).body.data;

it('keeps datePublished at the first publish when the story is updated and published again', async () => {
  const story = await createStory(app.strapi, cast, { title: '首次發布時間不隨更新移動' });
  const first = await read(story.slug);
  // Strapi stamps both in the same publish, a few milliseconds apart.
  expect(Math.abs(Date.parse(first.firstPublishedAt) - Date.parse(first.publishedAt))).toBeLessThan(1000);
  expect(first.jsonLd.datePublished).toBe(first.firstPublishedAt);

  await new Promise((resolve) => setTimeout(resolve, 1100));
  await app.strapi.documents(ARTICLE as any).update({ documentId: story.documentId, locale: 'zh-Hant', data: { dek: '更新後的摘要' } as any });
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
