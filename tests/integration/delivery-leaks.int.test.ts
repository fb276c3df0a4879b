import request from 'supertest';
import { demoData, SEED_SLUG } from '../helpers/demo';
import { createStory, demoCast, publishAuthorsIn } from '../helpers/stories';
import { startApp, type TestApp } from '../helpers/strapi';

/**
 * Every way a public caller might reach what is not published: drafts, a published story's unpublished
 * edit, a locale that is only a draft, a draft pull-quote on a published story, a never-published
 * author, private and admin fields. Every marker below lives only in unpublished or private data.
 */
const MARKERS = ['LEAK-', demoData.draft.title, demoData.draft.pullQuotes[0]!.text, 'TMT-TV-2026-001', '@newsroom.local'];
/** Names of private and admin fields: a refusal may name what was asked for, data never has them. */
const FIELD_MARKERS = ['agreementId', 'createdBy', 'updatedBy', 'password', 'registrationToken'];

let app: TestApp;
const ids = { story: '', draft: '', draftSlug: '', localeSlug: '' };

beforeAll(async () => {
  app = await startApp('delivery-leaks');
  const strapi = app.strapi;
  const cast = await demoCast(strapi);
  const story = await strapi.db
    .query('api::article.article' as any)
    .findOne({ where: { slug: SEED_SLUG, publishedAt: { $notNull: true } } });
  const draft = await strapi.db.query('api::article.article' as any).findOne({ where: { title: demoData.draft.title } });
  ids.story = story.documentId;
  ids.draft = draft.documentId;
  ids.draftSlug = draft.slug;

  // A locale of the published story that is only a draft.
  await publishAuthorsIn(strapi, cast, 'zh-Hans');
  const locale = await createStory(strapi, cast, {
    title: 'LEAK-LOCALE 僅有草稿的語言版本',
    locale: 'zh-Hans',
    documentId: ids.story,
    publish: false,
  });
  ids.localeSlug = locale.slug;
  // An edit of the published story, saved but not published.
  await strapi
    .documents('api::article.article' as any)
    .update({ documentId: ids.story, locale: 'zh-Hant', data: { title: 'LEAK-EDIT 未發布的修改', dek: 'LEAK-EDIT dek' } as any });
  // A draft pull-quote attached to the published story, and an author who was never published.
  await strapi
    .documents('api::pull-quote.pull-quote' as any)
    .create({ locale: 'zh-Hant', data: { text: 'LEAK-QUOTE 草稿引言', speaker: 'LEAK-SPEAKER', position: 9, article: ids.story } as any });
  await strapi
    .documents('api::author.author' as any)
    .create({ locale: 'zh-Hant', data: { name: 'LEAK-AUTHOR', displayName: 'LEAK-AUTHOR', outlet: cast.outlet } as any });
  // A story written and scheduled, but not yet published.
  await createStory(strapi, cast, { title: 'LEAK-SCHEDULED 排程中的故事', publish: false });
});
afterAll(async () => {
  await app?.stop();
});

type Expect = 200 | 400 | 403 | 404;
const get = (url: string, query: Record<string, string> = {}) => request(app.server).get(url).query(query);
const gql = (query: string, variables?: Record<string, unknown>) => request(app.server).post('/graphql').send({ query, variables });

function expectNoLeak(res: request.Response) {
  const text = res.text ?? JSON.stringify(res.body);
  for (const marker of MARKERS) expect(text).not.toContain(marker);
  expect(text).not.toContain(ids.draft);
  if (res.status === 200 && !res.body.errors) for (const marker of FIELD_MARKERS) expect(text).not.toContain(marker);
}

describe('REST: no query parameter reaches unpublished or private data', () => {
  const cases: Array<[string, () => request.Test, Expect]> = [
    ['list', () => get('/api/articles'), 200],
    ['list, locale=zh-Hans', () => get('/api/articles', { locale: 'zh-Hans' }), 200],
    ['list, locale=*', () => get('/api/articles', { locale: '*' }), 200],
    ['list, status=published', () => get('/api/articles', { status: 'published' }), 200],
    ['list, status=draft', () => get('/api/articles', { status: 'draft' }), 400],
    ['list, status=DRAFT', () => get('/api/articles', { status: 'DRAFT' }), 400],
    ['list, publicationState=preview', () => get('/api/articles', { publicationState: 'preview' }), 400],
    ['list, hasPublishedVersion=false', () => get('/api/articles', { hasPublishedVersion: 'false' }), 200],
    ['list, publicationFilter=never-published', () => get('/api/articles', { publicationFilter: 'never-published' }), 200],
    ['list, populate=*', () => get('/api/articles', { populate: '*', locale: '*' }), 200],
    // localizations joins every row of a document, drafts included: refused on any path (security-content-query).
    ['list, populate[localizations]', () => get('/api/articles', { 'populate[localizations]': 'true' }), 400],
    [
      'list, populate pull-quotes with their article',
      () => get('/api/articles', { 'populate[pullQuotes][populate][article]': 'true' }),
      200,
    ],
    [
      'list, populate the author’s articles',
      () => get('/api/articles', { 'populate[author][populate][articles]': 'true', 'populate[author][populate][editedArticles]': 'true' }),
      200,
    ],
    [
      'list, populate cover image with its related entries',
      () => get('/api/articles', { 'populate[cover][populate][image][populate][related]': 'true' }),
      400,
    ],
    ['list, filter on title', () => get('/api/articles', { 'filters[title][$contains]': 'LEAK', locale: '*' }), 200],
    ['list, filter on the draft’s documentId', () => get('/api/articles', { 'filters[documentId][$eq]': ids.draft }), 200],
    [
      'list, filter on pull-quote text',
      () => get('/api/articles', { 'filters[pullQuotes][text][$contains]': 'LEAK', 'populate[pullQuotes]': 'true' }),
      200,
    ],
    [
      'list, filter through the author’s articles',
      () => get('/api/articles', { 'filters[author][articles][title][$contains]': 'LEAK' }),
      200,
    ],
    [
      'list, filter on localizations',
      () => get('/api/articles', { 'filters[localizations][title][$contains]': 'LEAK', 'populate[localizations]': 'true' }),
      400,
    ],
    [
      'list, filter $or on publishedAt null',
      () => get('/api/articles', { 'filters[$or][0][publishedAt][$null]': 'true', 'filters[$or][1][title][$contains]': 'LEAK' }),
      200,
    ],
    ['list, fields title in every locale', () => get('/api/articles', { 'fields[0]': 'title', locale: '*' }), 200],
    ['list, fields publishedAt', () => get('/api/articles', { 'fields[0]': 'publishedAt' }), 200],
    ['list, sort by title', () => get('/api/articles', { sort: 'title:desc', locale: '*' }), 200],
    ['list, populate createdBy', () => get('/api/articles', { 'populate[createdBy]': 'true' }), 400],
    ['list, an unknown populate path', () => get('/api/articles', { 'populate[nope]': 'true' }), 400],
    ['list, an unknown nested populate path', () => get('/api/articles', { 'populate[author][populate][nope]': 'true' }), 400],
    ['list, a malformed filter operator', () => get('/api/articles', { 'filters[title][$nope]': 'x' }), 400],
    ['list, a filter on an unknown field', () => get('/api/articles', { 'filters[nope][$eq]': 'x' }), 400],
    ['list, a page size over the cap', () => get('/api/articles', { 'pagination[pageSize]': '101' }), 400],
    ['list, a limit over the cap', () => get('/api/articles', { 'pagination[limit]': '1000' }), 400],
    ['list, a page size that is not a number', () => get('/api/articles', { 'pagination[pageSize]': 'many' }), 400],
    ['one, the draft', () => get(`/api/articles/${ids.draft}`), 404],
    ['one, the draft with populate=*', () => get(`/api/articles/${ids.draft}`, { populate: '*' }), 404],
    ['one, the draft-only locale', () => get(`/api/articles/${ids.story}`, { locale: 'zh-Hans' }), 404],
    ['one, the story with its localizations', () => get(`/api/articles/${ids.story}`, { 'populate[localizations]': 'true' }), 400],
    ['one, the story with status=draft', () => get(`/api/articles/${ids.story}`, { status: 'draft' }), 400],
    ['pull-quotes, every locale', () => get('/api/pull-quotes', { locale: '*', 'populate[article]': 'true' }), 200],
    ['pull-quotes, filter on text', () => get('/api/pull-quotes', { 'filters[text][$contains]': 'LEAK' }), 200],
    ['pull-quotes, filter on the article’s title', () => get('/api/pull-quotes', { 'filters[article][title][$contains]': 'LEAK' }), 200],
    [
      'authors, populate their articles',
      () => get('/api/authors', { 'populate[articles]': 'true', 'populate[editedArticles]': 'true', locale: '*' }),
      200,
    ],
    ['authors, filter on name', () => get('/api/authors', { 'filters[name][$contains]': 'LEAK', locale: '*' }), 200],
    ['sources, populate=*', () => get('/api/sources', { populate: '*' }), 200],
    ['sources, fields agreementId', () => get('/api/sources', { 'fields[0]': 'agreementId' }), 400],
    ['sources, filter on agreementId', () => get('/api/sources', { 'filters[agreementId][$eq]': 'TMT-TV-2026-001' }), 400],
    ['media library', () => get('/api/upload/files'), 403],
    ['by-slug, the story', () => get(`/api/articles/by-slug/${SEED_SLUG}`), 200],
    ['by-slug, the draft-only locale', () => get(`/api/articles/by-slug/${SEED_SLUG}`, { locale: 'zh-Hans' }), 404],
    ['by-slug, the draft-only locale by its own slug', () => get(`/api/articles/by-slug/${ids.localeSlug}`, { locale: 'zh-Hans' }), 404],
    ['by-slug, the draft', () => get(`/api/articles/by-slug/${ids.draftSlug}`), 404],
    ['by-slug, every locale', () => get(`/api/articles/by-slug/${SEED_SLUG}`, { locale: '*' }), 400],
    ['by-slug, status=draft', () => get(`/api/articles/by-slug/${SEED_SLUG}`, { status: 'draft' }), 400],
    ['by-slug, populate', () => get(`/api/articles/by-slug/${SEED_SLUG}`, { 'populate[localizations]': 'true' }), 400],
    ['by-slug, filters', () => get(`/api/articles/by-slug/${SEED_SLUG}`, { 'filters[pullQuotes][text][$contains]': 'LEAK' }), 400],
    ['by-slug, fields', () => get(`/api/articles/by-slug/${SEED_SLUG}`, { 'fields[0]': 'title' }), 400],
  ];

  it.each(cases)('%s → %s', async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectNoLeak(res);
    if (status === 400) {
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.errors[0].path.length).toBeGreaterThan(0);
    }
  });

  it('lists no entry that uses a media file', async () => {
    const res = await get('/api/articles', { 'populate[cover][populate][image]': 'true', locale: '*' });
    expect(res.body.data.map((a: any) => a.cover.image.related)).toEqual([undefined]);
  });

  it('serves the published title, not the unpublished edit, everywhere', async () => {
    for (const res of [await get(`/api/articles/by-slug/${SEED_SLUG}`), await get(`/api/articles/${ids.story}`)]) {
      expect(res.body.data.title).toBe(demoData.title);
    }
    const list = await get('/api/articles', { locale: '*', 'fields[0]': 'title' });
    expect(list.body.data.map((a: { title: string }) => a.title)).toEqual([demoData.title]);
    const story = await get(`/api/articles/by-slug/${SEED_SLUG}`);
    expect(story.body.data.pullQuotes).toHaveLength(6);
    expect(story.body.data.localizations).toEqual([]);
  });
});

describe('GraphQL: no argument reaches unpublished or private data', () => {
  const cases: Array<[string, () => request.Test, 'ok' | 'refused' | 'invalid' | 'not-found']> = [
    ['articles', () => gql('{ articles { documentId title dek } }'), 'ok'],
    ['articles(status: PUBLISHED)', () => gql('{ articles(status: PUBLISHED) { title } }'), 'ok'],
    ['articles(status: DRAFT)', () => gql('{ articles(status: DRAFT) { title } }'), 'refused'],
    ['articles_connection(status: DRAFT)', () => gql('{ articles_connection(status: DRAFT) { nodes { title } } }'), 'refused'],
    ['article(documentId, status: DRAFT)', () => gql(`{ article(documentId: "${ids.story}", status: DRAFT) { title } }`), 'refused'],
    ['status from a variable', () => gql('query ($s: PublicationStatus) { articles(status: $s) { title } }', { s: 'DRAFT' }), 'refused'],
    ['status in an aliased second field', () => gql('{ a: articles { title } b: articles(status: DRAFT) { title } }'), 'refused'],
    ['status inside a fragment', () => gql('query { ...F } fragment F on Query { articles(status: DRAFT) { title } }'), 'refused'],
    ['authors(status: DRAFT) with their articles', () => gql('{ authors(status: DRAFT) { name articles { title } } }'), 'refused'],
    ['pullQuotes(status: DRAFT)', () => gql('{ pullQuotes(status: DRAFT) { text } }'), 'refused'],
    ['sources(status: DRAFT)', () => gql('{ sources(status: DRAFT) { name } }'), 'refused'],
    ['articles(locale: "zh-Hans")', () => gql('{ articles(locale: "zh-Hans") { title } }'), 'ok'],
    ['articles(locale: "*")', () => gql('{ articles(locale: "*") { title locale } }'), 'ok'],
    ['article in the draft-only locale', () => gql(`{ article(documentId: "${ids.story}", locale: "zh-Hans") { title } }`), 'ok'],
    ['the draft by documentId', () => gql(`{ article(documentId: "${ids.draft}") { title } }`), 'ok'],
    ['articles with localizations', () => gql('{ articles { title localizations { title locale } } }'), 'ok'],
    ['articles(hasPublishedVersion: false)', () => gql('{ articles(hasPublishedVersion: false) { title } }'), 'ok'],
    ['articles(publicationFilter: NEVER_PUBLISHED)', () => gql('{ articles(publicationFilter: NEVER_PUBLISHED) { title } }'), 'ok'],
    ['filters on title', () => gql('{ articles(filters: { title: { contains: "LEAK" } }) { title } }'), 'ok'],
    [
      'filters on pull-quote text',
      () => gql('{ articles(filters: { pullQuotes: { text: { contains: "LEAK" } } }) { title pullQuotes { text speaker } } }'),
      'ok',
    ],
    [
      'filters through localizations',
      () => gql('{ articles(filters: { localizations: { title: { contains: "LEAK" } } }) { title } }'),
      'invalid',
    ],
    [
      'nested relations of a published story',
      () => gql('{ articles { pullQuotes { text article { title } } author { name articles { title } editedArticles { title } } } }'),
      'ok',
    ],
    ['pull-quotes with their article', () => gql('{ pullQuotes(pagination: { pageSize: 100 }) { text article { title } } }'), 'ok'],
    ['authors', () => gql('{ authors(locale: "*") { name articles { title } } }'), 'ok'],
    [
      'sources with every relation',
      () => gql('{ sources { name articles { title } republishedArticles { title } authors { name } } }'),
      'ok',
    ],
    ['a private field', () => gql('{ sources { name agreementId } }'), 'invalid'],
    ['an admin field', () => gql('{ articles { title createdBy { email } } }'), 'invalid'],
    ['media back-references', () => gql('{ articles { cover { image { url related { __typename } } } } }'), 'invalid'],
    ['page size over the cap', () => gql('{ articles(pagination: { pageSize: 1000 }) { title } }'), 'refused'],
    ['nested page size over the cap', () => gql('{ articles { pullQuotes(pagination: { limit: 1000 }) { text } } }'), 'refused'],
    ['articleBySlug, the story', () => gql(`{ articleBySlug(slug: "${SEED_SLUG}") { title bodyHtml pullQuotes { text } } }`), 'ok'],
    [
      'articleBySlug, the draft-only locale',
      () => gql(`{ articleBySlug(slug: "${SEED_SLUG}", locale: "zh-Hans") { title } }`),
      'not-found',
    ],
    ['articleBySlug, the draft', () => gql(`{ articleBySlug(slug: "${ids.draftSlug}") { title } }`), 'not-found'],
    ['articleBySlug, every locale', () => gql(`{ articleBySlug(slug: "${SEED_SLUG}", locale: "*") { title } }`), 'refused'],
  ];

  it.each(cases)('%s → %s', async (_name, send, outcome) => {
    const res = await send();
    expectNoLeak(res);
    expect(res.status).not.toBe(500);
    const codes = (res.body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    if (outcome === 'ok') {
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
    } else if (outcome === 'refused') {
      expect(codes).toContain('BAD_USER_INPUT');
    } else if (outcome === 'invalid') {
      expect(res.status).toBe(400);
      expect(codes).toContain('GRAPHQL_VALIDATION_FAILED');
    } else {
      expect(codes).toContain('STRAPI_NOT_FOUND_ERROR');
      expect(res.body.errors[0].extensions.error.details.availableLocales).toEqual(expect.any(Array));
    }
  });

  it('serves the published story and nothing else', async () => {
    const res = await gql('{ articles(locale: "*") { title pullQuotes { text } } }');
    expect(res.body.data.articles.map((a: { title: string }) => a.title)).toEqual([demoData.title]);
    expect(res.body.data.articles[0].pullQuotes).toHaveLength(6);
  });
});
