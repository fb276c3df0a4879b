import request from 'supertest';
import { adminJwt, fullAccessToken, startApp, type TestApp } from '../helpers/strapi';
import { demoData, SEED_SLUG } from '../helpers/demo';

let app: TestApp;
let auth: { Authorization: string };

beforeAll(async () => {
  app = await startApp('content-api');
  auth = { Authorization: `Bearer ${await fullAccessToken(app.strapi)}` };
});
afterAll(async () => {
  await app?.stop();
});

const post = (url: string, data: unknown) => request(app.server).post(url).set(auth).send({ data });
const counts = async () => {
  const out: number[] = [];
  for (const uid of ['api::article.article', 'api::author.author', 'api::source.source', 'api::pull-quote.pull-quote'])
    out.push(await app.strapi.db.query(uid as any).count());
  return out;
};

describe('create and read every type through REST', () => {
  it('creates a source, an author, an article and a pull-quote, and reads them back publicly', async () => {
    const source = await post('/api/sources', { name: 'Example Outlet', kind: 'outlet', aliases: ['EO'], allowedLocales: ['en'] });
    expect(source.status).toBe(201);
    const author = await post('/api/authors?locale=en', {
      name: 'jane-doe',
      displayName: 'Jane Doe',
      role: 'writer',
      outlet: source.body.data.documentId,
    });
    expect(author.status).toBe(201);
    // The article starts as a draft: its pull-quote must be published before the story is.
    const draft = await post('/api/articles?locale=en&status=draft', {
      title: 'Vertical models chase the big-model circle',
      dek: 'A test story',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Models "everywhere", she said.' }] }],
      author: author.body.data.documentId,
      source: source.body.data.documentId,
    });
    expect(draft.status).toBe(201);
    expect(draft.body.data.slug).toBe('vertical-models-chase-the-big-model-circle');
    const quote = await post('/api/pull-quotes?locale=en', {
      text: 'Models everywhere',
      speaker: 'Jane Doe',
      position: 0,
      article: draft.body.data.documentId,
    });
    expect(quote.status).toBe(201);
    // A REST write without ?status=draft publishes, and publishing needs an editor's approval first.
    const unapproved = await request(app.server)
      .put(`/api/articles/${draft.body.data.documentId}?locale=en`)
      .set(auth)
      .send({ data: { dek: 'A published test story' } });
    expect(unapproved.status).toBe(400);
    expect(unapproved.body.error.details.errors[0]).toMatchObject({ rule: 'workflow.approval-required', path: ['editorialStage'] });
    await app.strapi
      .plugin('editorial-workflow')
      .service('workflow')
      .setStage({ uid: 'api::article.article', documentId: draft.body.data.documentId, locale: 'en' }, 'approved', 'approved for the test');
    const article = await request(app.server)
      .put(`/api/articles/${draft.body.data.documentId}?locale=en`)
      .set(auth)
      .send({ data: { dek: 'A published test story' } });
    expect(article.status).toBe(200);

    for (const [url, id] of [
      ['/api/sources', source.body.data.documentId],
      ['/api/authors', author.body.data.documentId],
      ['/api/articles', article.body.data.documentId],
      ['/api/pull-quotes', quote.body.data.documentId],
    ]) {
      const res = await request(app.server).get(`${url}/${id}`).query({ locale: 'en', populate: '*' });
      expect(res.status).toBe(200);
      expect(res.body.data.documentId).toBe(id);
    }
    const read = await request(app.server).get(`/api/articles/${article.body.data.documentId}`).query({ locale: 'en', populate: '*' });
    expect(read.body.data.author.name).toBe('jane-doe');
    expect(read.body.data.source.name).toBe('Example Outlet');
    expect(read.body.data.dek).toBe('A published test story');
    expect(read.body.data.pullQuotes.map((q: { text: string }) => q.text)).toEqual(['Models everywhere']);
  });

  it('refuses writes from the public', async () => {
    expect(
      (
        await request(app.server)
          .post('/api/articles')
          .send({ data: { title: 'x' } })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(app.server)
          .post('/api/sources')
          .send({ data: { name: 'x', kind: 'outlet' } })
      ).status,
    ).toBe(403);
  });
});

describe('slugs', () => {
  it('made the seed title into readable pinyin', async () => {
    const res = await request(app.server).get('/api/articles').query({ 'filters[slug][$eq]': SEED_SLUG });
    expect(res.body.data[0].title).toBe(demoData.title);
  });

  it('keeps a slug the editor typed', async () => {
    const res = await post('/api/articles?locale=zh-Hant&status=draft', { title: '大模型', slug: 'my-own-slug' });
    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe('my-own-slug');
  });

  it('answers a clash in the same locale with a 400 naming the slug, and saves nothing', async () => {
    const before = await counts();
    const res = await post('/api/articles?locale=zh-Hant&status=draft', { title: demoData.title });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(SEED_SLUG);
    expect(res.body.error.details.errors[0].path).toEqual(['slug']);
    expect(await counts()).toEqual(before);

    const typed = await post('/api/articles?locale=zh-Hant&status=draft', { title: 'Another', slug: SEED_SLUG });
    expect(typed.status).toBe(400);
    expect(typed.body.error.details.errors[0].path).toEqual(['slug']);
  });

  it('allows the same slug in another locale', async () => {
    const res = await post('/api/articles?locale=zh-Hans&status=draft', { title: '用AI发愿,垂直行业厂商逐梦“大模型圈”' });
    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe(SEED_SLUG);
  });

  it('suggests pinyin slugs in the admin as the editor types a Chinese title', async () => {
    const jwt = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
    const suggest = (title: string) =>
      request(app.server)
        .post('/content-manager/uid/generate?locale=zh-Hant')
        .set({ Authorization: `Bearer ${jwt}` })
        .send({ contentTypeUID: 'api::article.article', field: 'slug', data: { title } });
    expect((await suggest('大模型時代的銀行業')).body.data).toBe('da-mo-xing-shi-dai-de-yin-hang-ye');
    // The seed story holds the plain slug already; the admin shows the editor the unique variant.
    expect((await suggest(demoData.title)).body.data).toBe(`${SEED_SLUG}-1`);
  });

  it('does not change the slug when the title is edited later', async () => {
    const created = await post('/api/articles?locale=zh-Hant&status=draft', { title: '原來的標題' });
    const updated = await request(app.server)
      .put(`/api/articles/${created.body.data.documentId}?locale=zh-Hant&status=draft`)
      .set(auth)
      .send({ data: { title: '新的標題' } });
    expect(updated.status).toBe(200);
    expect(updated.body.data.slug).toBe(created.body.data.slug);
  });
});

describe('plain-text fields', () => {
  it('strips markup from title, dek, credit, quote text and speaker on the way in', async () => {
    const article = await post('/api/articles?locale=en&status=draft', {
      title: '<b>Bold</b> claims <script>alert(1)</script>& more',
      dek: '<img src=x onerror=alert(1)>Dek <i>here</i>',
      cover: { credit: '<a href="javascript:alert(1)">VCG</a>' },
    });
    expect(article.status).toBe(201);
    expect(article.body.data.title).toBe('Bold claims & more');
    expect(article.body.data.dek).toBe('Dek here');
    const stored = await app.strapi
      .documents('api::article.article' as any)
      .findOne({ documentId: article.body.data.documentId, locale: 'en', populate: ['cover'] as any });
    expect((stored as any).cover.credit).toBe('VCG');

    const quote = await post('/api/pull-quotes?locale=en&status=draft', { text: '<p>Say <em>it</em></p>', speaker: '<b>賀翔</b>' });
    expect(quote.status).toBe(201);
    expect(quote.body.data).toMatchObject({ text: 'Say it', speaker: '賀翔' });
  });
});

describe('bad input is a 400 with a field path, and nothing is half-saved', () => {
  const cases: Array<[string, string, unknown, string[]]> = [
    ['an unknown locale', '/api/articles?locale=xx-YY', { title: 'Hello' }, ['locale']],
    ['an unknown field', '/api/articles', { title: 'Hello', foo: 1 }, ['foo']],
    ['a wrong type', '/api/pull-quotes', { text: 'a', speaker: 'b', position: 'abc' }, ['position']],
    ['a value outside an enumeration', '/api/sources', { name: 'Z', kind: 'blog' }, ['kind']],
    ['a relation to a missing document', '/api/articles', { title: 'Hello', author: 'doesnotexist00000000000' }, ['author']],
    ['a relation to a missing id', '/api/articles', { title: 'Hello', source: 99999 }, ['source']],
    ['a malformed URL', '/api/articles', { title: 'Hello', originalUrl: 'not a url' }, ['originalUrl']],
    ['a missing required field', '/api/pull-quotes', { text: 'only text' }, ['speaker']],
    ['a component with an unknown key', '/api/articles', { title: 'Hello', cover: { credit: 'x', bogus: true } }, ['cover', 'bogus']],
  ];

  it.each(cases)('%s', async (_name, url, data, path) => {
    const before = await counts();
    const res = await post(url, data);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toBeTruthy();
    const paths = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
    expect(paths).toContain(path.join('.'));
    expect(await counts()).toEqual(before);
  });

  it('refuses reads in an unknown locale and a page size above the cap', async () => {
    const locale = await request(app.server).get('/api/articles').query({ locale: 'xx' });
    expect(locale.status).toBe(400);
    expect(locale.body.error.details.errors[0].path).toEqual(['locale']);
    const page = await request(app.server).get('/api/articles').query({ 'pagination[pageSize]': 1000 });
    expect(page.status).toBe(400);
    expect(page.body.error.details.errors[0].path).toEqual(['pagination.pageSize']);
  });
});

describe('static files', () => {
  it('serves the favicon', async () => {
    const res = await request(app.server).get('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/image/);
  });
});
