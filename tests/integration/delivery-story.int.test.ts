import type { AddressInfo } from 'node:net';
import { parseFragment } from 'parse5';
import request from 'supertest';
import { splitStoryText, toBlocks } from '../../src/seed/story-text';
import { demoData, demoStoryText, SEED_SLUG } from '../helpers/demo';
import { createStory, demoCast, publishAuthorsIn, type DemoCast } from '../helpers/stories';
import { startApp, type TestApp } from '../helpers/strapi';
import { OUTBOX_TABLE } from '../../database/migrations/2026.12.03T00.00.00.newsroom-outbox';
import { getDeliveryService } from '../../src/delivery';

/** The seed as the app reads it: the sources, authors and cover besides what tests/helpers/demo types. */
const seed = demoData as typeof demoData & {
  locale: string;
  cover: { caption: string; alt: string; license: string };
  sources: Array<{ key: string; name: string; shortName: string; kind: string; website?: string; attributionTemplate?: string }>;
  authors: Array<{ key: string; name: string; displayName: string; role: string }>;
};
const story = splitStoryText(demoStoryText);
const sourceOf = (key: string) => seed.sources.find((s) => s.key === key)!;
const authorOf = (key: string) => seed.authors.find((a) => a.key === key)!;

let app: TestApp;
let cast: DemoCast;
const bySlug = (slug: string, query: Record<string, string> = {}) => request(app.server).get(`/api/articles/by-slug/${slug}`).query(query);

beforeAll(async () => {
  // This suite is about what readers get once a story is published; the approval step before a
  // publish is the workflow's gate and is tested in the workflow suites (a second instance inherits this).
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  app = await startApp('delivery-story');
  cast = await demoCast(app.strapi);
});
afterAll(async () => {
  delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  await app?.stop();
});

/** Text of each top-level element of an HTML fragment, as a browser parses it. */
function blockTexts(html: string): Array<{ tag: string; text: string }> {
  type Node = { nodeName: string; value?: string; childNodes?: Node[] };
  const text = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join(''));
  return ((parseFragment(html) as unknown as Node).childNodes ?? [])
    .filter((n) => !n.nodeName.startsWith('#'))
    .map((n) => ({ tag: n.nodeName, text: text(n) }));
}

describe('GET /api/articles/by-slug/:slug — the demo story', () => {
  let data: any;
  beforeAll(async () => {
    const res = await bySlug(SEED_SLUG, { locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    data = res.body.data;
  });

  it('has the article fields the seed gave it', () => {
    expect(data).toMatchObject({ slug: SEED_SLUG, locale: seed.locale, title: seed.title, dek: seed.dek, originalUrl: seed.originalUrl });
    expect(typeof data.documentId).toBe('string');
    expect(new Date(data.publishedAt).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('has the body as the Blocks the seed text makes, and as HTML with the same paragraphs in order, less the typed byline', () => {
    expect(data.body).toEqual(toBlocks(story.paragraphs));
    // The typed byline stays in the Blocks; front ends show attribution.line instead, so the HTML leaves it out.
    expect(story.paragraphs[0]).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
    expect(blockTexts(data.bodyHtml)).toEqual(story.paragraphs.slice(1).map((text) => ({ tag: 'p', text })));
    expect(data.bodyHtml).not.toContain('作者|koorvoa');
    expect(data.attribution.line).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
  });

  it('names the byline, outlet and republisher as seeded, without private fields', () => {
    const [author, editor, outlet, republisher] = [authorOf('author'), authorOf('editor'), sourceOf('outlet'), sourceOf('republisher')];
    expect(data.author).toEqual({
      documentId: cast.author,
      name: author.name,
      displayName: author.displayName,
      role: author.role,
      url: null,
      sameAs: [],
    });
    expect(data.editor).toEqual({
      documentId: cast.editor,
      name: editor.name,
      displayName: editor.displayName,
      role: editor.role,
      url: null,
      sameAs: [],
    });
    expect(data.source).toEqual({
      documentId: cast.outlet,
      name: outlet.name,
      shortName: outlet.shortName,
      kind: outlet.kind,
      website: null,
      logo: null,
    });
    expect(data.republisher).toEqual({
      documentId: cast.republisher,
      name: republisher.name,
      shortName: republisher.shortName,
      kind: republisher.kind,
      website: republisher.website,
      logo: null,
    });
    const text = JSON.stringify(data);
    for (const secret of [
      'agreementId',
      'TMT-TV-2026-001',
      'licenseValidFrom',
      'allowedLocales',
      'createdBy',
      'updatedBy',
      'attributionTemplate',
    ])
      expect(text).not.toContain(secret);
  });

  it('has the six pull-quotes in order, word for word from the seed text', () => {
    expect(data.pullQuotes).toHaveLength(6);
    expect(
      data.pullQuotes.map(({ speaker, speakerOrg, speakerTitle, text }: any) => ({ speaker, speakerOrg, speakerTitle, text })),
    ).toEqual(seed.pullQuotes);
    expect(data.pullQuotes.map((q: any) => q.position)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const quote of data.pullQuotes) expect(demoStoryText).toContain(quote.text);
  });

  it('has the credited cover with its image, formats, credit, agency, license, caption and alt', () => {
    expect(data.cover).toMatchObject({
      credit: '視覺中國',
      creditLine: '圖片來源 @視覺中國',
      agency: { documentId: cast.agency, name: sourceOf('agency').name, kind: 'agency' },
      license: seed.cover.license,
      caption: seed.cover.caption,
      alt: seed.cover.alt,
      photographer: null,
    });
    expect(data.cover.image).toMatchObject({ url: cast.photo.url, mime: 'image/jpeg', width: cast.photo.width, height: cast.photo.height });
    expect(data.cover.image.url).toMatch(/^\/uploads\/.+\.jpe?g$/);
    expect(data.cover.image.formats.thumbnail.url).toMatch(/^\/uploads\/thumbnail_.+\.jpe?g$/);
    expect(data.gallery).toEqual([]);
  });

  it('renders the attribution line and the credit line exactly as the seed text has them', () => {
    expect(data.attribution).toEqual({
      line: '文|正見 TrueView,作者|koorvoa,編輯|TV.',
      originalUrl: seed.originalUrl,
      canonicalUrl: seed.originalUrl,
      credits: [{ path: 'cover', line: '圖片來源 @視覺中國' }],
    });
    expect(data.attribution.line).toBe(story.bylineLine);
    expect(demoStoryText.split('\n').map((line) => line.trim())).toContain(data.attribution.credits[0].line);
  });

  it('describes itself as a schema.org NewsArticle', () => {
    expect(data.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: seed.title,
      description: seed.dek,
      inLanguage: 'zh-Hant',
      datePublished: data.firstPublishedAt,
      author: [{ '@type': 'Person', name: 'koorvoa' }],
      editor: { '@type': 'Person', name: 'TV.' },
      publisher: { '@type': 'Organization', name: '钛媒體 TMTPost', url: 'https://www.tmtpost.com' },
      sourceOrganization: { '@type': 'Organization', name: '正見 TrueView' },
      isBasedOn: seed.originalUrl,
      image: [
        {
          '@type': 'ImageObject',
          url: cast.photo.url,
          caption: seed.cover.caption,
          creditText: '視覺中國',
          copyrightHolder: { '@type': 'Organization', name: '視覺中國' },
        },
      ],
    });
  });

  it('is served in the default locale when none is asked for', async () => {
    const res = await bySlug(SEED_SLUG);
    expect(res.status).toBe(200);
    expect(res.body.data.locale).toBe('zh-Hant');
    expect(res.body.data.localizations).toEqual([]);
  });

  it('is the same through GraphQL articleBySlug', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .send({
        query: `{ articleBySlug(slug: "${SEED_SLUG}", locale: "zh-Hant") { title slug bodyHtml attribution { line originalUrl credits { path line } } pullQuotes { speaker text position } cover { credit creditLine agency { name } image { url formats } } author { name } jsonLd } }`,
      });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const gql = res.body.data.articleBySlug;
    expect(gql).toMatchObject({
      title: seed.title,
      slug: SEED_SLUG,
      bodyHtml: data.bodyHtml,
      jsonLd: data.jsonLd,
      author: { name: 'koorvoa' },
    });
    expect(gql.attribution).toEqual({
      line: data.attribution.line,
      originalUrl: data.attribution.originalUrl,
      credits: data.attribution.credits,
    });
    expect(gql.pullQuotes).toEqual(data.pullQuotes.map(({ speaker, text, position }: any) => ({ speaker, text, position })));
    expect(gql.cover).toEqual({
      credit: '視覺中國',
      creditLine: '圖片來源 @視覺中國',
      agency: { name: '視覺中國' },
      image: { url: data.cover.image.url, formats: data.cover.image.formats },
    });
  });
});

describe('validators and caching headers', () => {
  it('sends an ETag and Cache-Control, and answers If-None-Match with a bodiless 304, from the cache and freshly rendered alike', async () => {
    const first = await bySlug(SEED_SLUG, { locale: 'zh-Hant' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=60');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');

    const cached = await bySlug(SEED_SLUG, { locale: 'zh-Hant' }).set('If-None-Match', etag);
    expect(cached.status).toBe(304);
    expect(cached.headers['x-delivery-cache']).toBe('hit');
    expect(cached.text ?? '').toBe('');
    expect((await bySlug(SEED_SLUG, { locale: 'zh-Hant' }).set('If-None-Match', `W/${etag}`)).status).toBe(304);
    expect((await bySlug(SEED_SLUG, { locale: 'zh-Hant' }).set('If-None-Match', `"other", ${etag}`)).status).toBe(304);
    expect((await bySlug(SEED_SLUG, { locale: 'zh-Hant' }).set('If-None-Match', '"other"')).status).toBe(200);

    // A write elsewhere empties the cache; the re-rendered story has the same bytes, so the same ETag.
    await app.strapi
      .documents('api::source.source' as any)
      .update({ documentId: cast.agency, data: { website: 'https://www.vcg.com' } as any, status: 'published' });
    const fresh = await bySlug(SEED_SLUG, { locale: 'zh-Hant' }).set('If-None-Match', etag);
    expect(fresh.status).toBe(304);
    expect(fresh.headers['x-delivery-cache']).toBe('miss');
  });

  it('carries the same security and CORS headers on a cache hit as on a miss', async () => {
    await app.strapi
      .documents('api::source.source' as any)
      .update({ documentId: cast.agency, data: { website: 'https://www.vcg.com' } as any, status: 'published' });
    const miss = await bySlug(SEED_SLUG).set('Origin', 'https://news.example.com');
    const hit = await bySlug(SEED_SLUG).set('Origin', 'https://news.example.com');
    expect([miss.headers['x-delivery-cache'], hit.headers['x-delivery-cache']]).toEqual(['miss', 'hit']);
    const stable = (headers: Record<string, string>) => {
      const { date: _d, 'x-delivery-cache': _c, 'content-length': _l, connection: _k, ...rest } = headers;
      return rest;
    };
    expect(stable(hit.headers)).toEqual(stable(miss.headers));
    expect(hit.headers['x-content-type-options']).toBe('nosniff');
    expect(hit.headers['access-control-allow-origin']).toBeDefined();
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await request(app.server).head(`/api/articles/by-slug/${SEED_SLUG}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBeTruthy();
    expect(res.text ?? '').toBe('');
  });
});

describe('bad requests are 400s with a field path, unknown stories 404s, none of them cached downstream', () => {
  it.each([
    ['status=draft', { status: 'draft' }, 'status'],
    ['populate=*', { populate: '*' }, 'populate'],
    ['populate[author]', { 'populate[author]': 'true' }, 'populate'],
    ['fields', { 'fields[0]': 'title' }, 'fields'],
    ['filters on a relation', { 'filters[author][name][$eq]': 'koorvoa' }, 'filters'],
    ['locale=*', { locale: '*' }, 'locale'],
    ['an unknown locale', { locale: 'xx-YY' }, 'locale'],
    ['two locales', { 'locale[0]': 'zh-Hant', 'locale[1]': 'en' }, 'locale'],
    ['pagination', { 'pagination[pageSize]': '1000' }, 'pagination'],
    ['publicationState', { publicationState: 'preview' }, 'publicationState'],
  ])('%s', async (_name, query, path) => {
    const res = await bySlug(SEED_SLUG, query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors[0].path).toEqual([path]);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a malformed slug with a 400 and answers an unknown one with a 404', async () => {
    const malformed = await request(app.server).get(`/api/articles/by-slug/${encodeURIComponent('<script>')}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.errors[0].path).toEqual(['slug']);
    const unknown = await bySlug('no-such-story');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.name).toBe('NotFoundError');
    expect(unknown.body.error.details).toEqual({ slug: 'no-such-story', locale: 'zh-Hant', availableLocales: [] });
    expect(unknown.headers['cache-control']).toBe('no-store');
  });
});

describe('locales', () => {
  const simplifiedTitle = '用AI发愿,垂直行业厂商逐梦“大模型圈”';

  it('answers 404 for a locale that is only a draft, naming the locales the story is published in', async () => {
    await publishAuthorsIn(app.strapi, cast, 'zh-Hans');
    const documentId = (await bySlug(SEED_SLUG)).body.data.documentId;
    await createStory(app.strapi, cast, { title: simplifiedTitle, locale: 'zh-Hans', documentId, publish: false });
    const res = await bySlug(SEED_SLUG, { locale: 'zh-Hans' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('zh-Hans');
    expect(res.body.error.details.availableLocales).toEqual([{ locale: 'zh-Hant', slug: SEED_SLUG }]);
    expect(JSON.stringify(res.body)).not.toContain(simplifiedTitle);
  });

  it('serves a locale once it is published, and each locale lists the others', async () => {
    const documentId = (await bySlug(SEED_SLUG)).body.data.documentId;
    await app.strapi.documents('api::article.article' as any).publish({ documentId, locale: 'zh-Hans' });
    const hans = await bySlug(SEED_SLUG, { locale: 'zh-Hans' });
    expect(hans.status).toBe(200);
    expect(hans.body.data).toMatchObject({
      locale: 'zh-Hans',
      title: simplifiedTitle,
      localizations: [{ locale: 'zh-Hant', slug: SEED_SLUG }],
    });
    expect(hans.body.data.author.name).toBe('koorvoa');
    expect(hans.body.data.cover.creditLine).toBe('图片来源 @視覺中國');
    expect(hans.body.data.jsonLd.inLanguage).toBe('zh-Hans');
    const hant = await bySlug(SEED_SLUG, { locale: 'zh-Hant' });
    expect(hant.body.data.localizations).toEqual([{ locale: 'zh-Hans', slug: SEED_SLUG, url: `/news/zh-Hans/${SEED_SLUG}` }]);
  });
});

describe('a bounded number of SQL queries per request', () => {
  /**
   * Queries sent to the database while `fn` runs, less the outbox's idle poll: every instance looks for due webhook
   * deliveries once a second whatever the request, so its read may fall inside any window.
   */
  async function queriesDuring(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const listener = (query: { sql: string }) => {
      if (!query.sql.includes(OUTBOX_TABLE)) seen.push(query.sql);
    };
    app.strapi.db.connection.on('query', listener);
    try {
      await fn();
    } finally {
      app.strapi.db.connection.removeListener('query', listener);
    }
    return seen;
  }
  /** Resolves once the database has been idle for a while: work a write leaves behind (the guard's records) is done. */
  async function quiet(ms = 300): Promise<void> {
    let last = Date.now();
    const listener = () => {
      last = Date.now();
    };
    app.strapi.db.connection.on('query', listener);
    while (Date.now() - last < ms) await new Promise((resolve) => setTimeout(resolve, 50));
    app.strapi.db.connection.removeListener('query', listener);
  }
  /**
   * The story, its four people and outlets, its co-authors (one query however many), the two outlets' logos, its pull-quotes, cover and
   * gallery with their files and agencies, its corrections (one query however many), its other locales, and its body images' files
   * with their stored credits and agencies.
   */
  const BOUND = 20;

  it('does not depend on how many pull-quotes and images a story has', async () => {
    const small = await createStory(app.strapi, cast, { title: '小故事', quotes: 1, gallery: 1, bodyImages: 1 });
    const large = await createStory(app.strapi, cast, { title: '大故事', quotes: 20, gallery: 12, bodyImages: 12 });
    await app.strapi.documents('api::article.article' as any).update({
      documentId: large.documentId,
      locale: 'zh-Hant',
      status: 'published',
      data: { corrections: Array.from({ length: 8 }, (_, i) => ({ kind: 'correction', text: `第${i + 1}則更正` })) } as any,
    });
    const counts: Record<string, number> = {};
    for (const [name, slug] of [
      ['demo', SEED_SLUG],
      ['small', small.slug],
      ['large', large.slug],
    ] as const) {
      const other = await createStory(app.strapi, cast, { title: `清空快取 ${name}`, publish: false });
      expect(other.documentId).toBeTruthy(); // a write: the next read is rendered from the database
      await quiet();
      // The locale list is read once every few seconds for all requests, not per story: read it now, so a
      // refresh falling due inside one measured request (a slow machine) is not counted against that story.
      await getDeliveryService(app.strapi).resolveLocale('zh-Hant');
      let res: request.Response | undefined;
      const sql = await queriesDuring(async () => {
        res = await bySlug(slug, { locale: 'zh-Hant' });
      });
      expect(res!.status).toBe(200);
      expect(res!.headers['x-delivery-cache']).toBe('miss');
      counts[name] = sql.length;
    }
    const largeStory = (await bySlug(large.slug)).body.data;
    expect(largeStory.pullQuotes).toHaveLength(20);
    expect(largeStory.gallery).toHaveLength(12);
    expect(largeStory.attribution.credits).toHaveLength(1 + 12 + 12);
    expect(counts.large).toBe(counts.small);
    for (const count of Object.values(counts)) expect(count).toBeLessThanOrEqual(BOUND);

    // A cached story costs no query at all.
    expect(await queriesDuring(() => bySlug(large.slug, { locale: 'zh-Hant' }))).toEqual([]);
  });

  it('holds for the stock list with the same relations populated', async () => {
    const populate = {
      'populate[author]': 'true',
      'populate[editor]': 'true',
      'populate[source]': 'true',
      'populate[republisher]': 'true',
      'populate[pullQuotes]': 'true',
      'populate[cover][populate]': '*',
      'populate[gallery][populate]': '*',
    };
    const count = async (title: string) => {
      const slug = (await app.strapi.db.query('api::article.article' as any).findOne({ where: { title } })).slug;
      await quiet();
      return (
        await queriesDuring(() =>
          request(app.server)
            .get('/api/articles')
            .query({ ...populate, 'filters[slug][$eq]': slug }),
        )
      ).length;
    };
    expect(await count('大故事')).toBe(await count('小故事'));
  });
});

describe('the list GET /api/articles', () => {
  it.each([
    ['author', { 'filters[author][name][$eq]': 'koorvoa' }, true],
    ['another author', { 'filters[author][name][$eq]': 'someone-else' }, false],
    ['outlet', { 'filters[source][name][$eq]': '正見 TrueView' }, true],
    ['locale', { locale: 'zh-Hant' }, true],
    ['published since', { 'filters[publishedAt][$gte]': '2020-01-01T00:00:00.000Z' }, true],
    ['published before 2000', { 'filters[publishedAt][$lt]': '2000-01-01T00:00:00.000Z' }, false],
  ])('filters by %s, published stories only', async (_name, query, found) => {
    const res = await request(app.server)
      .get('/api/articles')
      .query({ ...query, 'pagination[pageSize]': '100' });
    expect(res.status).toBe(200);
    const titles = res.body.data.map((a: { title: string }) => a.title);
    expect(titles.includes(seed.title)).toBe(found);
    expect(titles).not.toContain(seed.draft.title);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100 });
  });
});

describe('a front end using the official client, @strapi/client', () => {
  let baseURL: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
  });

  it('reads the demo story from the collection and from the delivery route', async () => {
    const { strapi } = await import('@strapi/client');
    const client = strapi({ baseURL });
    const list = await client.collection('articles').find({
      locale: 'zh-Hant',
      filters: { slug: { $eq: SEED_SLUG } },
      populate: { author: true, source: true, republisher: true, pullQuotes: true, cover: { populate: '*' } },
    });
    expect(list.data).toHaveLength(1);
    const found = list.data[0] as any;
    expect(found).toMatchObject({
      title: seed.title,
      author: { name: 'koorvoa' },
      source: { name: '正見 TrueView' },
      cover: { credit: '視覺中國' },
    });
    expect(found.pullQuotes).toHaveLength(6);

    const one = await client.collection('articles').findOne(found.documentId, { locale: 'zh-Hant' });
    expect((one.data as any).title).toBe(seed.title);

    const response = await client.fetch(`/articles/by-slug/${SEED_SLUG}?locale=zh-Hant`);
    expect(response.status).toBe(200);
    const delivered = (await response.json()) as any;
    expect(delivered.data.attribution.line).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
    expect(delivered.data.pullQuotes.map((q: any) => q.speaker)).toEqual(seed.pullQuotes.map((q) => q.speaker));
  });
});
