import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { devLogins } from '../../src/bootstrap/dev-admins';
import { ARTICLE, PULL_QUOTE, demoIds, validArticle, type DemoIds } from '../helpers/articles';

/**
 * Pull-quotes go out with their story: one Publish publishes the story's draft quotes in the same
 * transaction, and a refused publish leaves them drafts. A save with `status: 'published'` cannot take
 * them along, so it still names them.
 */
const [, editorLogin] = devLogins();
let app: TestApp;
let ids: DemoIds;
let editor: string;

const docs = () => app.strapi.documents(ARTICLE as any);
const quotes = () => app.strapi.documents(PULL_QUOTE as any);
const SENTENCE = '我們要做的是讓每個行業都有自己的模型。';
const BODY = ['戴志康在發布會上說了很多。', `他說:“${SENTENCE}”這需要時間。`];

async function storyWithQuote(title: string, quoteText: string) {
  const quote = await quotes().create({ locale: 'zh-Hant', data: { text: quoteText, speaker: '戴志康' } as any });
  const story = await docs().create({
    locale: 'zh-Hant',
    data: { ...validArticle(ids, title, BODY), pullQuotes: [quote.documentId] } as any,
  });
  return { story: story.documentId as string, quote: quote.documentId as string };
}

const publishedQuote = (documentId: string) => quotes().findOne({ documentId, locale: 'zh-Hant', status: 'published' });

beforeAll(async () => {
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  app = await startApp('quotes-with-story');
  ids = await demoIds(app.strapi);
  editor = await adminJwt(app.server, editorLogin!.email, editorLogin!.password);
});

afterAll(async () => {
  delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  await app?.stop();
});

describe('publishing a story publishes its quotes', () => {
  it('the check does not count a draft quote against the story, and Publish takes it along', async () => {
    const { story, quote } = await storyWithQuote('引言隨報導發布', SENTENCE);
    const check = await request(app.server)
      .post('/attribution-guard/check')
      .set({ Authorization: `Bearer ${editor}` })
      .send({ contentType: ARTICLE, documentId: story, locale: 'zh-Hant' });
    expect(check.status).toBe(200);
    expect(check.body.data.findings).toEqual([]);
    expect(check.body.data.preview.pullQuotes).toEqual([expect.objectContaining({ published: false, closest: null })]);

    const res = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${story}/actions/publish`)
      .query({ locale: 'zh-Hant' })
      .set({ Authorization: `Bearer ${editor}` })
      .send({});
    expect(res.status).toBe(200);
    expect(await publishedQuote(quote)).toBeTruthy();
    const live = await docs().findOne({ documentId: story, locale: 'zh-Hant', status: 'published', populate: ['pullQuotes'] as any });
    expect((live as any).pullQuotes.map((q: { documentId: string }) => q.documentId)).toEqual([quote]);
  });

  it("the check counts the other draft links apart, so the admin keeps Strapi's warning for them", async () => {
    const { story } = await storyWithQuote('草稿作者與引言', SENTENCE);
    const check = async () =>
      (
        await request(app.server)
          .post('/attribution-guard/check')
          .set({ Authorization: `Bearer ${editor}` })
          .send({ contentType: ARTICLE, documentId: story, locale: 'zh-Hant' })
      ).body.data;
    expect((await check()).preview.draftLinks).toBe(0);
    const draftAuthor = await app.strapi
      .documents('api::author.author' as any)
      .create({ locale: 'zh-Hant', data: { name: '草稿作者', role: 'writer', outlet: ids.outlet } as any });
    await docs().update({ documentId: story, locale: 'zh-Hant', data: { coAuthors: [draftAuthor.documentId] } as any });
    expect((await check()).preview.draftLinks).toBe(1);
  });

  it('a changed quote draft is republished with the story; an unchanged one is left alone', async () => {
    const { story, quote } = await storyWithQuote('引言修改後重新發布', SENTENCE);
    const other = await quotes().create({
      locale: 'zh-Hant',
      data: { text: '戴志康在發布會上說了很多', speaker: '戴志康' } as any,
      status: 'published',
    });
    await docs().update({ documentId: story, locale: 'zh-Hant', data: { pullQuotes: [quote, other.documentId] } as any });
    await docs().publish({ documentId: story, locale: 'zh-Hant' });
    const untouched = (await publishedQuote(other.documentId)) as any;

    await quotes().update({ documentId: quote, locale: 'zh-Hant', data: { text: '這需要時間' } as any });
    await docs().publish({ documentId: story, locale: 'zh-Hant' });
    expect(((await publishedQuote(quote)) as any).text).toBe('這需要時間');
    expect(((await publishedQuote(other.documentId)) as any).updatedAt).toEqual(untouched.updatedAt);
  });

  it('a refused publish leaves the quotes drafts (the same transaction)', async () => {
    // The quote is fine; the story's cover has no credit, so the guard refuses the whole publish.
    const { story, quote } = await storyWithQuote('封面無來源', SENTENCE);
    await docs().update({ documentId: story, locale: 'zh-Hant', data: { cover: { image: ids.draftPhotoId, credit: '' } } as any });
    await expect(docs().publish({ documentId: story, locale: 'zh-Hant' })).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await publishedQuote(quote)).toBeNull();
  });

  it('a misquote refuses the publish, stays a draft, and the check offers the sentence of the body', async () => {
    const { story, quote } = await storyWithQuote('引言不符原文', '我們要做的是讓每個產業都有自己的模型');
    await expect(docs().publish({ documentId: story, locale: 'zh-Hant' })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ rule: 'pull-quote.verbatim' })] },
    });
    expect(await publishedQuote(quote)).toBeNull();
    const check = await request(app.server)
      .post('/attribution-guard/check')
      .set({ Authorization: `Bearer ${editor}` })
      .send({ contentType: ARTICLE, documentId: story, locale: 'zh-Hant' });
    expect(check.body.data.preview.pullQuotes[0].closest).toBe(`他說:“${SENTENCE}”`);
  });

  it('a save with status published cannot take draft quotes along, and says so', async () => {
    const quote = await quotes().create({ locale: 'zh-Hant', data: { text: SENTENCE, speaker: '戴志康' } as any });
    await expect(
      docs().create({
        locale: 'zh-Hant',
        status: 'published',
        data: { ...validArticle(ids, '一次儲存並發布', BODY), pullQuotes: [quote.documentId] } as any,
      }),
    ).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ rule: 'relation.unpublished-dependency', path: ['pullQuotes', '0'] })] },
    });
    expect(await publishedQuote(quote.documentId)).toBeNull();
    expect(await app.strapi.db.query(ARTICLE as any).count({ where: { title: '一次儲存並發布' } })).toBe(0);
  });
});
