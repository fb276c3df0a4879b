import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { demoData, demoStoryText, SEED_SLUG } from '../helpers/demo';

const ARTICLE = 'api::article.article';
let app: TestApp;

beforeAll(async () => {
  app = await startApp('demo-content');
});
afterAll(async () => {
  await app?.stop();
});

const countAll = async () => {
  const out: Record<string, number> = {};
  for (const uid of [
    'api::article.article',
    'api::author.author',
    'api::source.source',
    'api::pull-quote.pull-quote',
    'plugin::upload.file',
    'admin::user',
  ]) {
    out[uid] = await app.strapi.db.query(uid as any).count();
  }
  return out;
};

describe('the demo story on the public API', () => {
  it('is served by GET /api/articles?locale=zh-Hant with its byline, outlet, republisher, cover credit and pull-quotes', async () => {
    const res = await request(app.server).get('/api/articles').query({
      locale: 'zh-Hant',
      'populate[author]': true,
      'populate[editor]': true,
      'populate[source]': true,
      'populate[republisher]': true,
      'populate[pullQuotes]': true,
      'populate[cover][populate]': '*',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const story = res.body.data[0];
    expect(story.title).toBe(demoData.title);
    expect(story.slug).toBe(SEED_SLUG);
    expect(story.locale).toBe('zh-Hant');
    expect(story.author.name).toBe('koorvoa');
    expect(story.editor.name).toBe('TV.');
    expect(story.source).toMatchObject({ name: '正見 TrueView', kind: 'outlet' });
    expect(story.republisher).toMatchObject({ name: '钛媒體 TMTPost', kind: 'republisher' });
    expect(story.republisher.agreementId).toBeUndefined(); // private: the agreement stays in the back office
    expect(story.cover.credit).toBe('視覺中國');
    expect(story.cover.agency).toMatchObject({ name: '視覺中國', kind: 'agency' });
    expect(story.cover.image.url).toMatch(/^\/uploads\/.+\.jpe?g$/);
    expect(story.cover.image.mime).toBe('image/jpeg');

    const speakers = story.pullQuotes.map((q: { speaker: string }) => q.speaker).sort();
    expect(speakers).toEqual(['周明', '史松坡', '戴志康', '簡仁賢', '譚待', '賀翔'].sort());
    for (const quote of story.pullQuotes) {
      expect(demoStoryText).toContain(quote.text); // word for word from the story as received
      expect(quote.speakerTitle).toBeTruthy();
    }
  });

  it('has the body as Blocks paragraphs without the aggregator boilerplate', async () => {
    const res = await request(app.server).get('/api/articles').query({ locale: 'zh-Hant', 'fields[0]': 'body' });
    const body = res.body.data[0].body as Array<{ type: string; children: Array<{ text: string }> }>;
    expect(body.every((block) => block.type === 'paragraph')).toBe(true);
    const text = body.map((b) => b.children.map((c) => c.text).join('')).join('\n');
    expect(text).toContain('文|正見 TrueView,作者|koorvoa,編輯|TV.');
    expect(text).not.toContain('歡迎閱讀');
    expect(text).not.toContain('更多精彩内容');
    expect(body.length).toBeGreaterThan(25);
  });
});

describe('the demo draft with deliberate problems', () => {
  const draftId = async () => {
    const row = await app.strapi.db.query(ARTICLE).findOne({ where: { title: demoData.draft.title } });
    return row.documentId as string;
  };

  it('exists as a draft with an uncredited photo and a misquoted pull-quote', async () => {
    const draft = await app.strapi.documents(ARTICLE as any).findOne({
      documentId: await draftId(),
      locale: 'zh-Hant',
      status: 'draft',
      populate: { cover: { populate: ['image'] }, pullQuotes: true } as any,
    });
    expect(draft).toBeTruthy();
    const published = await app.strapi
      .documents(ARTICLE as any)
      .findOne({ documentId: await draftId(), locale: 'zh-Hant', status: 'published' });
    expect(published).toBeNull();
    expect((draft as any).cover.image).toBeTruthy();
    expect((draft as any).cover.credit ?? '').toBe('');
    expect(demoStoryText).not.toContain((draft as any).pullQuotes[0].text);
  });

  // Every way a public caller might try to reach the draft.
  // [name, query, whether the published story still matches]
  const leaks: Array<[string, (id: string) => Record<string, string>, boolean]> = [
    ['plain list', () => ({}), true],
    ['list in zh-Hant', () => ({ locale: 'zh-Hant' }), true],
    ['all locales', () => ({ locale: '*' }), true],
    ['populate=*', () => ({ populate: '*' }), true],
    [
      'populate everything deep',
      () => ({ 'populate[pullQuotes]': 'true', 'populate[cover][populate]': '*', 'populate[author]': 'true' }),
      true,
    ],
    ['filter on the draft title', () => ({ 'filters[title][$contains]': '草稿' }), false],
    ['filter on its documentId', (id) => ({ 'filters[documentId][$eq]': id }), false],
    ['status=published explicitly', () => ({ status: 'published' }), true],
  ];

  it.each(leaks)('is not in GET /api/articles with %s', async (_name, query, storyMatches) => {
    const id = await draftId();
    const res = await request(app.server).get('/api/articles').query(query(id));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(demoData.draft.title);
    expect(JSON.stringify(res.body)).not.toContain(id);
    expect(res.body.data).toHaveLength(storyMatches ? 1 : 0);
  });

  it.each([['draft'], ['DRAFT'], ['preview']])('refuses ?status=%s with a 400 instead of serving drafts', async (status) => {
    const res = await request(app.server).get('/api/articles').query({ status });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(JSON.stringify(res.body)).not.toContain(demoData.draft.title);
  });

  it('answers 404 for the draft by documentId, with any parameter', async () => {
    const id = await draftId();
    for (const query of [{}, { locale: 'zh-Hant' }, { populate: '*' }, { locale: '*' }]) {
      const res = await request(app.server).get(`/api/articles/${id}`).query(query);
      expect(res.status).toBe(404);
    }
    expect((await request(app.server).get(`/api/articles/${id}`).query({ status: 'draft' })).status).toBe(400);
  });

  it('keeps the draft pull-quote and draft links off the related types', async () => {
    const misquote = demoData.draft.pullQuotes[0]!.text;
    for (const [url, query] of [
      ['/api/pull-quotes', { populate: '*' }],
      ['/api/pull-quotes', { locale: '*', 'filters[text][$contains]': '差距' }],
      ['/api/authors', { 'populate[articles]': 'true', 'populate[editedArticles]': 'true' }],
      ['/api/sources', { 'populate[articles]': 'true', 'populate[republishedArticles]': 'true' }],
      ['/api/authors', { 'filters[articles][title][$contains]': '草稿' }],
    ] as const) {
      const res = await request(app.server).get(url).query(query);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(misquote);
      expect(JSON.stringify(res.body)).not.toContain(demoData.draft.title);
    }
    const authors = await request(app.server).get('/api/authors').query({ 'filters[articles][title][$contains]': '草稿' });
    expect(authors.body.data).toEqual([]);
  });

  it.each([
    ['populate createdBy', { 'populate[createdBy]': 'true' }],
    ['populate updatedBy', { 'populate[updatedBy]': '*' }],
    ['fields createdBy', { 'fields[0]': 'createdBy' }],
    ['filter on createdBy', { 'filters[createdBy][email][$contains]': '@' }],
    ['filter on an author relation private field', { 'filters[author][createdBy][id][$eq]': '1' }],
  ])('never reveals admin fields: %s is a 400', async (_name, query) => {
    const res = await request(app.server).get('/api/articles').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path.length).toBeGreaterThan(0);
  });

  it('has no admin or secret field anywhere in a fully populated response', async () => {
    const res = await request(app.server)
      .get('/api/articles')
      .query({
        populate: { author: { populate: '*' }, source: { populate: '*' }, pullQuotes: { populate: '*' }, cover: { populate: '*' } },
      });
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    for (const key of ['createdBy', 'updatedBy', 'password', 'resetPasswordToken', 'registrationToken', 'agreementId', '@newsroom.local']) {
      expect(text).not.toContain(key);
    }
  });
});

describe('development logins', () => {
  it('has an admin, an Editor and an Author who can log in', async () => {
    const users = await app.strapi.db.query('admin::user').findMany({ populate: ['roles'] });
    const byRole = Object.fromEntries(users.map((u: any) => [u.roles[0].code, u.email]));
    expect(byRole).toEqual({
      'strapi-super-admin': 'admin@newsroom.local',
      'strapi-editor': 'editor@newsroom.local',
      'strapi-author': 'author@newsroom.local',
    });
    expect(await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await adminJwt(app.server, 'author@newsroom.local', 'Newsroom-Author-2026')).toBeTruthy();
  });
});

describe('a restart', () => {
  it('does not duplicate the demo data or the logins', async () => {
    const before = await countAll();
    expect(before['api::article.article']).toBe(3); // story: draft + published rows; demo draft: one row
    await app.stop({ keepDatabase: true });
    app = await startApp('demo-content', { reuseDatabase: true });
    expect(await countAll()).toEqual(before);
    const res = await request(app.server).get('/api/articles');
    expect(res.body.data).toHaveLength(1);
  });
});
