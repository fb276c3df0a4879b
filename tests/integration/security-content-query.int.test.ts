import request from 'supertest';
import { demoData, SEED_SLUG } from '../helpers/demo';
import { createStory, demoCast, publishAuthorsIn } from '../helpers/stories';
import { startApp, type TestApp } from '../helpers/strapi';

/**
 * The content API as an attacker probes it: a filter, sort, populate or fields path that could
 * answer a question about unpublished text, and malformed parameters meant to break the query
 * builder. A refusal must not differ between a draft's real text and nonsense, and a permitted
 * path must count the same for both: the test compares counts, not only bodies.
 */
const TYPES = ['articles', 'authors', 'sources', 'pull-quotes'] as const;
const NONSENSE = 'ZQXJ-無此文字';
let app: TestApp;
/** Texts that exist only in unpublished rows. */
const secret = {
  demoDraft: demoData.draft.title,
  edit: 'EMBARGO-EDIT 未發布的標題',
  locale: 'EMBARGO-LOCALE 簡體草稿',
  authorBio: 'EMBARGO-BIO 未發布的簡介',
  quote: 'EMBARGO-QUOTE 草稿引言',
};

beforeAll(async () => {
  app = await startApp('security-content-query');
  const strapi = app.strapi;
  const cast = await demoCast(strapi);
  const story = await strapi.db
    .query('api::article.article' as any)
    .findOne({ where: { slug: SEED_SLUG, publishedAt: { $notNull: true } } });
  // A published story's saved but unpublished edit, and a locale of it that is only a draft.
  await strapi
    .documents('api::article.article' as any)
    .update({ documentId: story.documentId, locale: 'zh-Hant', data: { title: secret.edit, dek: secret.edit } as any });
  await publishAuthorsIn(strapi, cast, 'zh-Hans');
  await createStory(strapi, cast, { title: secret.locale, locale: 'zh-Hans', documentId: story.documentId, publish: false });
  // The published author's unpublished edit, and a draft pull-quote on the published story.
  await strapi
    .documents('api::author.author' as any)
    .update({ documentId: cast.author, locale: 'zh-Hant', data: { bio: secret.authorBio } as any });
  await strapi
    .documents('api::pull-quote.pull-quote' as any)
    .create({ locale: 'zh-Hant', data: { text: secret.quote, speaker: 'EMBARGO', position: 7, article: story.documentId } as any });
});
afterAll(async () => {
  await app?.stop();
});

const get = (url: string) => request(app.server).get(url);
const gql = (query: string) => request(app.server).post('/graphql').send({ query });
const enc = encodeURIComponent;

/** What a probe learns: the status, and the count when it is answered. */
async function answer(url: string): Promise<{ status: number; total: number | null }> {
  const res = await get(url);
  expect(res.status).not.toBe(500);
  return { status: res.status, total: res.status === 200 ? (res.body.meta?.pagination?.total ?? (res.body.data ? 1 : 0)) : null };
}

describe('draft oracle: a probe answers the same for unpublished text and for nonsense', () => {
  // `V` is replaced by the first characters of a text that exists only in drafts, then by nonsense.
  const probes: Array<[string, keyof typeof secret, boolean]> = [
    // [probe, whose text, refused?]
    ['/api/authors?filters[localizations][articles][title][$startsWith]=V', 'demoDraft', true],
    ['/api/authors?filters[localizations][articles][title][$startsWith]=V&locale=zh-Hant', 'edit', true],
    ['/api/articles?filters[localizations][dek][$startsWith]=V', 'edit', true],
    ['/api/articles?filters[localizations][title][$startsWith]=V&locale=zh-Hant', 'locale', true],
    ['/api/pull-quotes?filters[article][localizations][title][$startsWith]=V', 'edit', true],
    ['/api/articles?filters[author][localizations][bio][$startsWith]=V', 'authorBio', true],
    ['/api/articles?filters[$or][0][localizations][title][$startsWith]=V&filters[$or][1][title][$eq]=x', 'edit', true],
    [
      '/api/articles?filters[$and][0][title][$notNull]=true&filters[$and][1][author][localizations][articles][title][$startsWith]=V',
      'demoDraft',
      true,
    ],
    ['/api/articles?filters[$not][localizations][title][$startsWith]=V', 'edit', true],
    ['/api/sources?filters[articles][localizations][title][$startsWith]=V', 'edit', true],
    ['/api/articles?populate[author][filters][localizations][bio][$startsWith]=V', 'authorBio', true],
    ['/api/articles?populate[author][populate][articles][filters][localizations][title][$startsWith]=V', 'demoDraft', true],
    // Permitted paths: relations from a published row lead only to published rows.
    ['/api/authors?filters[articles][title][$startsWith]=V', 'demoDraft', false],
    ['/api/authors?filters[articles][title][$startsWith]=V', 'edit', false],
    ['/api/authors?filters[bio][$startsWith]=V', 'authorBio', false],
    ['/api/articles?filters[title][$startsWith]=V', 'edit', false],
    ['/api/articles?filters[title][$startsWith]=V&locale=zh-Hans', 'locale', false],
    ['/api/articles?filters[pullQuotes][text][$startsWith]=V', 'quote', false],
    ['/api/pull-quotes?filters[text][$startsWith]=V', 'quote', false],
    ['/api/pull-quotes?filters[article][title][$startsWith]=V', 'edit', false],
    ['/api/sources?filters[articles][dek][$startsWith]=V', 'edit', false],
    ['/api/articles?filters[author][articles][title][$startsWith]=V', 'demoDraft', false],
  ];

  it.each(probes)('%s (%s)', async (probe, whose, refused) => {
    const prefix = secret[whose].slice(0, 6);
    const real = await answer(probe.replace('=V', `=${enc(prefix)}`));
    const control = await answer(probe.replace('=V', `=${enc(NONSENSE)}`));
    expect(real).toEqual(control);
    expect(real.status).toBe(refused ? 400 : 200);
    if (!refused) expect(real.total).toBe(0);
  });

  it('a character-by-character search learns nothing: every next character answers alike', async () => {
    const title = secret.demoDraft;
    const answers = new Set<string>();
    for (const candidate of [title.slice(0, 1), title.slice(0, 2), 'x', '垂直大', '垂直小']) {
      answers.add(JSON.stringify(await answer(`/api/authors?filters[localizations][articles][title][$startsWith]=${enc(candidate)}`)));
    }
    expect([...answers]).toEqual([JSON.stringify({ status: 400, total: null })]);
  });

  it.each([
    ['sort through localizations', '/api/articles?sort=localizations.title:asc'],
    ['sort through a relation’s localizations', '/api/articles?sort[0]=author.localizations.name:desc'],
    ['sort as an object', '/api/articles?sort[localizations][title]=asc'],
    ['populate localizations', '/api/articles?populate=localizations'],
    ['populate localizations, object form', '/api/articles?populate[localizations][fields][0]=title'],
    ['populate a relation’s localizations', '/api/articles?populate[author][populate][localizations]=true'],
    ['populate localizations in a list', '/api/authors?populate[0]=articles&populate[1]=localizations'],
    ['fields localizations', '/api/sources?fields[0]=name&fields[1]=localizations'],
    ['private field in a filter', '/api/sources?filters[agreementId][$startsWith]=TMT'],
    ['private field through a relation', '/api/articles?filters[source][agreementId][$startsWith]=TMT'],
    ['private field in a sort', '/api/articles?sort=source.agreementId'],
    ['admin field', '/api/articles?filters[createdBy][email][$contains]=newsroom'],
    ['admin field, populate', '/api/articles?populate[updatedBy]=true'],
    ['a file’s back-references', '/api/articles?populate[cover][populate][image][populate][related]=true'],
    ['one entry, populate localizations', `/api/articles/{story}?populate[localizations]=true`],
  ])('%s is a 400 that says why', async (_name, url) => {
    const story = (await get('/api/articles').expect(200)).body.data[0].documentId as string;
    const res = await get(url.replace('{story}', story));
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors[0].path.length).toBeGreaterThan(0);
    expect(res.body.error.message).toMatch(/public API/);
  });

  it('GraphQL filters cannot name localizations, and sort through it is refused', async () => {
    const prefix = JSON.stringify(secret.demoDraft.slice(0, 3));
    for (const query of [
      `{ authors(filters: { localizations: { articles: { title: { startsWith: ${prefix} } } } }) { documentId } }`,
      `{ articles(filters: { or: [{ localizations: { title: { startsWith: ${prefix} } } }] }) { documentId } }`,
      `{ pullQuotes(filters: { article: { localizations: { title: { startsWith: ${prefix} } } } }) { documentId } }`,
      `{ articles { author { articles(filters: { localizations: { title: { startsWith: ${prefix} } } }) { title } } } }`,
    ]) {
      const res = await gql(query);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/localizations/);
    }
    const sorted = await gql('{ articles(sort: ["localizations.title:asc"]) { title } }');
    expect(sorted.body.data).toBeNull();
    expect(sorted.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('GraphQL relations from a published row count no unpublished row', async () => {
    for (const whose of ['demoDraft', 'edit'] as const) {
      const counts = [];
      for (const text of [secret[whose].slice(0, 6), NONSENSE]) {
        const res = await gql(`{ authors(filters: { articles: { title: { startsWith: ${JSON.stringify(text)} } } }) { documentId } }`);
        expect(res.status).toBe(200);
        counts.push(res.body.data.authors.length);
      }
      expect(counts).toEqual([0, 0]);
    }
  });
});

describe('malformed parameters are a 400 on every public type, never a 500', () => {
  const shapes = [
    'filters[$or]=notarray',
    'filters[$and]=x',
    'filters[$not]=x',
    'filters[$or][0]=x',
    'filters[$or][0][$or]=x',
    'filters[$and][0][$and][0][$or]=1',
    'filters=abc',
    'filters[0]=a',
    'filters[$eq]=1',
    'filters[$in][0]=1',
    'filters[id][$eq][a]=b',
    'filters[id][$eq][$ne]=x',
    'filters[documentId][$eq][$ne]=x',
    'filters[documentId][$in][a][b]=c',
    'filters[id][$eq]=abc',
    'filters[id][$gt]=1e309',
    'filters[id][$lt]=99999999999999999999',
    'filters[id][$between]=1',
    'filters[id][$null]=maybe',
    'filters[id][$contains]=1',
    'filters[id][$foo]=1',
    'filters[id][0]=1',
    'filters[createdAt][$gt]=notadate',
    'filters[publishedAt][$startsWith]=2026',
    'filters[updatedAt][$in][0]=yesterday',
    'filters[localizations]=1',
    'filters[createdBy]=1',
    'filters[nope][$eq]=1',
    'sort[0][id]=sideways',
    'sort=id:sideways',
    'sort[id][x]=1',
    'populate[0][a]=b',
    'populate=*&populate[x]=y',
    'populate[nope]=true',
    'fields[a][b]=c',
    'fields[0]=nope',
    'pagination[page]=abc',
    'pagination[pageSize]=-5',
    'pagination[pageSize][$gt]=1',
    'status=draft',
  ];
  it.each(TYPES)('/api/%s', async (type) => {
    const statuses: Record<string, number> = {};
    for (const shape of shapes) {
      const res = await get(`/api/${type}?${shape}`);
      statuses[shape] = res.status;
      if (res.status === 400) expect(typeof res.body.error.message).toBe('string');
    }
    expect(Object.entries(statuses).filter(([, status]) => status !== 400)).toEqual([]);
  });

  it.each([
    ['pull-quotes', 'filters[position][$eq]=abc'],
    ['pull-quotes', 'filters[position][$between][0]=1&filters[position][$between][1]=x'],
    ['pull-quotes', 'filters[position][$gte]=3000000000'],
    ['authors', 'filters[aliases][$contains]=TV'],
    ['sources', 'filters[aliases][$containsi]=tmt'],
    ['articles', 'filters[body][$contains]=AI'],
    ['sources', 'filters[licenseValidUntil][$contains]=2026'],
    ['articles', 'filters[cover][credit][$eq][x]=y'],
    ['articles', 'filters[author][$in][0]=notanid'],
    ['articles', 'locale[$ne]=x'],
    ['authors', 'locale=xx'],
    ['articles', `filters[$or]=${'x'.repeat(80)}`],
  ])('/api/%s?%s', async (type, shape) => {
    const res = await get(`/api/${type}?${shape}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path[0]).toMatch(/^(filters|sort|populate|fields|locale)$/);
  });

  it('the queries front ends send still work', async () => {
    for (const url of [
      '/api/articles?filters[title][$containsi]=ai&sort=publishedAt:desc&pagination[pageSize]=10',
      '/api/articles?filters[$or][0][title][$contains]=大模型&filters[$or][1][dek][$contains]=大模型&populate[author][fields][0]=name',
      '/api/articles?filters[author][name][$eq]=koorvoa&populate=*',
      '/api/articles?filters[cover][credit][$containsi]=視覺&populate[cover][populate][image][fields][0]=url',
      '/api/articles?filters[title][$not][$contains]=廣告&fields=title,slug',
      '/api/pull-quotes?filters[position][$lte]=3&sort[0]=position:asc&populate[article][fields][0]=title',
      '/api/authors?filters[articles][title][$notNull]=true&populate[articles][sort]=title:asc',
      '/api/sources?filters[kind][$in][0]=outlet&filters[kind][$in][1]=republisher',
    ]) {
      const res = await get(url);
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.body.meta.pagination.total).toBeGreaterThan(0);
    }
  });
});

describe('GraphQL limits', () => {
  it('a fragment cycle is a 400 naming the cycle, in every shape', async () => {
    for (const [query, cycle] of [
      ['query { articles { ...A } } fragment A on Article { ...B } fragment B on Article { ...A }', '"A" within itself via "B"'],
      ['query { articles { ...A } } fragment A on Article { title ...A }', '"A" within itself'],
      [
        'query { articles { ...A } } fragment A on Article { author { ...B } } fragment B on Author { articles { ...A } }',
        '"A" within itself via "B"',
      ],
      [
        '{ authors { ...X } } fragment X on Author { ... on Author { ...Y } } fragment Y on Author { ...Z } fragment Z on Author { ...X }',
        '"X" within itself via "Y", "Z"',
      ],
    ] as const) {
      const res = await gql(query);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toContain(cycle);
    }
    const get = await request(app.server)
      .get('/graphql')
      .query({ query: 'query { articles { ...A } } fragment A on Article { ...A }' })
      .set('apollo-require-preflight', 'true');
    expect(get.status).toBe(400);
  });

  it('too many aliases, too deep, too costly or too long is a 400 before any resolver runs', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: articles { title }`).join(' ')} }`;
    expect((await gql(aliases(20))).status).toBe(200);
    for (const query of [
      aliases(21),
      aliases(10_000),
      `{ articles { ${'author { articles { '.repeat(6)} title ${'} } '.repeat(6)} } }`,
      `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: articles { title dek ${'author { name articles { title dek '.repeat(4)}${' } }'.repeat(4)} }`).join(' ')} }`,
      `{ articles { ${'title '.repeat(6000)} } }`,
      `{ articles { title ${'@include(if: true) '.repeat(30)} } }`,
    ]) {
      const res = await gql(query);
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
    }
  });

  it('a 10,000-alias document does not hold up the next request', async () => {
    const bomb = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: articles { title }`).join(' ')} }`;
    const [bombs, story] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => gql(bomb))),
      get(`/api/articles/by-slug/${SEED_SLUG}`),
    ]);
    expect(bombs.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(story.status).toBe(200);
  });

  it('batched requests are refused', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .send([{ query: '{ articles { title } }' }, { query: '{ authors { name } }' }]);
    expect(res.status).toBe(400);
  });
});
