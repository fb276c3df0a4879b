import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { demoData } from '../helpers/demo';

/** The admin routes behind the editor's screen, with the roles the development logins have. */
const ARTICLE = 'api::article.article';
const SOURCE = 'api::source.source';
let app: TestApp;
let editor: string;
let author: string;
let admin: string;
let draftId: string;

const as = (jwt: string) => ({
  get: (url: string) => request(app.server).get(url).set('Authorization', `Bearer ${jwt}`),
  post: (url: string, body: object) => request(app.server).post(url).set('Authorization', `Bearer ${jwt}`).send(body),
  put: (url: string, body: object) => request(app.server).put(url).set('Authorization', `Bearer ${jwt}`).send(body),
});

const rulesOf = (findings: Array<{ rule: string; severity: string }>, severity = 'error') =>
  findings
    .filter((f) => f.severity === severity)
    .map((f) => f.rule)
    .sort();

beforeAll(async () => {
  // This suite exercises the attribution guard on every publish path by itself; approval, the
  // workflow's own gate, is tested together with the guard in the workflow suites.
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  try {
    app = await startApp('attribution-admin');
  } finally {
    delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  }
  editor = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
  author = await adminJwt(app.server, 'author@newsroom.local', 'Newsroom-Author-2026');
  admin = await adminJwt(app.server, 'admin@newsroom.local', 'Newsroom-Admin-2026');
  const row = await app.strapi.db.query(ARTICLE as any).findOne({ where: { title: demoData.draft.title } });
  draftId = row.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('roles', () => {
  const actionsOf = async (code: string, prefix: string) => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
    const rows = await app.strapi.db.query('admin::permission').findMany({ where: { role: role.id, action: { $startsWith: prefix } } });
    return rows as Array<{ action: string; subject: string | null; properties: { locales?: string[] }; conditions: string[] }>;
  };

  it('gives Strapi’s Editor and Author roles their attribution-guard actions on a new database', async () => {
    expect((await actionsOf('strapi-editor', 'plugin::attribution-guard.')).map((p) => p.action).sort()).toEqual([
      'plugin::attribution-guard.credit.live',
      'plugin::attribution-guard.dependents.override',
      'plugin::attribution-guard.override',
      'plugin::attribution-guard.read',
      'plugin::attribution-guard.settings.read',
    ]);
    expect((await actionsOf('strapi-author', 'plugin::attribution-guard.')).map((p) => p.action)).toEqual([
      'plugin::attribution-guard.read',
    ]);
  });

  it('lets Editors publish articles in every content locale; Authors read every story and edit only their own', async () => {
    const editorArticle = (await actionsOf('strapi-editor', 'plugin::content-manager.explorer.')).filter((p) => p.subject === ARTICLE);
    expect(editorArticle.map((p) => p.action.split('.').pop()).sort()).toEqual(['create', 'delete', 'publish', 'read', 'update']);
    for (const permission of editorArticle) expect([...(permission.properties.locales ?? [])].sort()).toEqual(['en', 'zh-Hans', 'zh-Hant']);
    const authorArticle = (await actionsOf('strapi-author', 'plugin::content-manager.explorer.')).filter((p) => p.subject === ARTICLE);
    expect(authorArticle.map((p) => p.action.split('.').pop()).sort()).toEqual(['create', 'delete', 'read', 'update']);
    for (const permission of authorArticle) {
      expect(permission.conditions).toEqual(permission.action.endsWith('.read') ? [] : ['admin::is-creator']);
    }
  });

  it('shows the Editor the demo articles in the Content Manager', async () => {
    const res = await as(editor).get(`/content-manager/collection-types/${ARTICLE}?locale=zh-Hant`);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { title: string }) => r.title).sort()).toEqual([demoData.draft.title, demoData.title].sort());
  });
});

describe('POST /attribution-guard/check', () => {
  it('returns the findings with what the side panel shows: byline, images, pull-quotes', async () => {
    const res = await as(editor).post('/attribution-guard/check', { contentType: ARTICLE, documentId: draftId, locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(rulesOf(data.findings)).toEqual(['image.credit-required', 'pull-quote.verbatim']);
    expect(data.overridable).toBe(false);
    expect(data.preview.byline).toEqual({ text: '文|正見 TrueView,作者|koorvoa,編輯|TV.', missing: [] });
    expect(data.preview.images).toEqual([
      expect.objectContaining({
        path: 'cover',
        name: 'draft-photo.jpg',
        credit: null,
        creditOrigin: 'none',
        thumbnailUrl: expect.stringMatching(/^\/uploads\/thumbnail_/),
      }),
    ]);
    expect(data.preview.images[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['image.credit-required']);
    expect(data.preview.pullQuotes).toEqual([expect.objectContaining({ path: 'pullQuotes.0', speaker: '戴志康', published: false })]);
    // The misquote comes with the sentence of the body it was most likely copied from, to use instead.
    const closest: string = data.preview.pullQuotes[0].closest;
    expect(typeof closest).toBe('string');
    const body = (
      await app.strapi.db.query(ARTICLE as any).findOne({ where: { documentId: draftId, locale: 'zh-Hant', publishedAt: null } })
    ).body;
    const paragraphs = body.map((block: { children: Array<{ text?: string }> }) => block.children.map((c) => c.text ?? '').join(''));
    expect(paragraphs.some((p: string) => p.includes(closest))).toBe(true);
    expect(closest).toContain('真正影響垂直廠商的差距點只有一個');
  });

  it('checks the form as it is: relation changes apply to the stored draft, unsaved fields replace it', async () => {
    const stored = await app.strapi.db
      .query(ARTICLE as any)
      .findOne({ where: { documentId: draftId }, populate: { editor: true, pullQuotes: true, cover: { populate: { image: true } } } });
    const res = await as(editor).post('/attribution-guard/check', {
      contentType: ARTICLE,
      documentId: draftId,
      locale: 'zh-Hant',
      data: {
        author: { connect: [], disconnect: [] },
        // As the admin sends them: the form's relation items reduced to documentIds.
        editor: { connect: [], disconnect: [stored.editor.documentId] },
        pullQuotes: { connect: [], disconnect: [stored.pullQuotes[0].documentId] },
        cover: { id: stored.cover.id, image: stored.cover.image.id, credit: '視覺中國', agency: { connect: [], disconnect: [] } },
      },
    });
    expect(res.status).toBe(200);
    // The typed line in the body still names the editor the form just removed: a wrong byline in print, an error.
    expect(rulesOf(res.body.data.findings)).toEqual(['attribution.line-consistent']);
    expect(rulesOf(res.body.data.findings, 'warning')).toEqual([]);
    expect(res.body.data.preview.byline).toEqual({ text: '文|正見 TrueView,作者|koorvoa', missing: ['editor'] });
    expect(res.body.data.preview.pullQuotes).toEqual([]);
    expect(res.body.data.preview.images[0]).toMatchObject({ credit: '視覺中國', creditOrigin: 'usage' });
  });
});

describe('POST /attribution-guard/status', () => {
  it('gives the list view each row’s state in one call', async () => {
    const story = await app.strapi.db.query(ARTICLE as any).findOne({ where: { title: demoData.title } });
    // The demo stories are not the Author's (see security-admin-routes for what an Author gets).
    const res = await as(editor).post('/attribution-guard/status', {
      contentType: ARTICLE,
      locale: 'zh-Hant',
      documentIds: [draftId, story.documentId, 'no-such-document'],
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      [draftId]: { ok: false, errors: 2, warnings: 0 },
      [story.documentId]: { ok: true, errors: 0, warnings: 0 },
      'no-such-document': null,
    });
  });
});

describe('media credits', () => {
  let fileId: number;
  beforeAll(async () => {
    const row = await app.strapi.db
      .query(ARTICLE as any)
      .findOne({ where: { documentId: draftId }, populate: { cover: { populate: { image: true } } } });
    fileId = row.cover.image.id;
  });

  it('refuses a credit that names no one, naming the field', async () => {
    const res = await as(editor).put(`/attribution-guard/media-credits/${fileId}`, { credit: '圖片來源:網路' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['credit'] })]);
    const notAgency = await app.strapi.db.query(SOURCE as any).findOne({ where: { kind: 'outlet' } });
    const wrongKind = await as(editor).put(`/attribution-guard/media-credits/${fileId}`, { credit: '正見', agency: notAgency.documentId });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details.errors[0].path).toEqual(['agency']);
  });

  it('stores the credit with the file, so the check credits every article that shows it', async () => {
    const agency = await app.strapi.db.query(SOURCE as any).findOne({ where: { name: '視覺中國', publishedAt: { $notNull: true } } });
    const res = await as(editor).put(`/attribution-guard/media-credits/${fileId}`, {
      credit: '視覺中國',
      agency: agency.documentId,
      license: 'agency',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ fileId, credit: '視覺中國', agency: { name: '視覺中國' }, license: 'agency' });
    expect((await as(editor).get(`/attribution-guard/media-credits/${fileId}`)).body.data.credit).toBe('視覺中國');

    const check = await as(editor).post('/attribution-guard/check', { contentType: ARTICLE, documentId: draftId, locale: 'zh-Hant' });
    expect(check.body.data.preview.images[0]).toMatchObject({ credit: '視覺中國', creditOrigin: 'file', agency: { name: '視覺中國' } });
    expect(rulesOf(check.body.data.findings)).not.toContain('image.credit-required');
  });
});

describe('settings', () => {
  it('may be read by an Editor, changed by neither Editor nor Author', async () => {
    const read = await as(editor).get('/attribution-guard/settings');
    expect(read.status).toBe(200);
    expect(read.body.data.rules).toHaveLength(13);
    expect(read.body.data.rules.find((r: { id: string }) => r.id === 'image.agency-known')).toEqual({
      id: 'image.agency-known',
      enabled: true,
      severity: 'warning',
      overridable: true,
      origin: 'default',
    });
    expect(read.body.data.agencies.map((a: { name: string }) => a.name)).toEqual(['視覺中國']);
    expect((await as(author).get('/attribution-guard/settings')).status).toBe(403);
    expect((await as(editor).put('/attribution-guard/settings', { rules: { 'outlet.required': { severity: 'warning' } } })).status).toBe(
      403,
    );
  });

  it('refuses invalid values with the config validator’s messages, one per field, and stores nothing', async () => {
    const res = await as(admin).put('/attribution-guard/settings', {
      rules: { 'image.agency-known': { severity: 'fatal' }, 'pull-quote.verbatim': { overridable: true } },
      placeholderCredits: ['網路', ' '],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['rules', 'image.agency-known'],
        message: 'config.rules["image.agency-known"].severity must be "error" or "warning", got "fatal"',
      }),
      expect.objectContaining({ path: ['rules', 'pull-quote.verbatim', 'overridable'] }),
      expect.objectContaining({ path: ['placeholderCredits'], message: 'config.placeholderCredits[1] must not be empty' }),
    ]);
    const after = await as(admin).get('/attribution-guard/settings');
    expect(after.body.data.rules.every((r: { origin: string }) => r.origin === 'default')).toBe(true);
  });

  it('takes effect at once, in the checks and at the publish gate', async () => {
    const articles = app.strapi.documents(ARTICLE as any);
    const draft = await articles.findOne({ documentId: draftId, locale: 'zh-Hant', populate: { cover: { populate: ['image'] } } as any });
    const cover = (draft as any).cover;
    // The photo gets its credit; the quote is still misquoted.
    await articles.update({
      documentId: draftId,
      locale: 'zh-Hant',
      data: { cover: { image: cover.image.id, credit: '視覺中國', caption: cover.caption, alt: cover.alt } } as any,
    });
    await expect(articles.publish({ documentId: draftId, locale: 'zh-Hant' })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: expect.arrayContaining([expect.objectContaining({ rule: 'pull-quote.verbatim' })]) },
    });

    const demote = { severity: 'warning' };
    const res = await as(admin).put('/attribution-guard/settings', {
      rules: { 'pull-quote.verbatim': demote, 'relation.unpublished-dependency': demote },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.rules.find((r: { id: string }) => r.id === 'pull-quote.verbatim')).toMatchObject({
      severity: 'warning',
      origin: 'admin',
    });

    const check = await as(editor).post('/attribution-guard/check', { contentType: ARTICLE, documentId: draftId, locale: 'zh-Hant' });
    expect(rulesOf(check.body.data.findings)).toEqual([]);
    expect(rulesOf(check.body.data.findings, 'warning')).toEqual(['pull-quote.verbatim']);

    // The gate reads the same settings: with only warnings left, the draft publishes, its draft quote with it.
    await articles.publish({ documentId: draftId, locale: 'zh-Hant' });
    const live = await articles.findOne({ documentId: draftId, locale: 'zh-Hant', status: 'published', populate: ['pullQuotes'] as any });
    expect((live as any).pullQuotes).toHaveLength(1);
  });

  it('saves an agency’s aliases on its source entry, published as well', async () => {
    const agency = await app.strapi.db.query(SOURCE as any).findOne({ where: { name: '視覺中國', publishedAt: null } });
    const res = await as(admin).put(`/attribution-guard/settings/agencies/${agency.documentId}`, {
      aliases: ['视觉中国', 'VCG', 'Visual China Group', ' 視覺中國圖片 '],
    });
    expect(res.status).toBe(200);
    expect(res.body.data.agencies[0].aliases).toEqual(['视觉中国', 'VCG', 'Visual China Group', '視覺中國圖片']);
    const published = await app.strapi.documents(SOURCE as any).findOne({ documentId: agency.documentId, status: 'published' });
    expect(published!.aliases).toContain('視覺中國圖片');
    const outlet = await app.strapi.db.query(SOURCE as any).findOne({ where: { kind: 'outlet', publishedAt: null } });
    expect((await as(admin).put(`/attribution-guard/settings/agencies/${outlet.documentId}`, { aliases: ['x'] })).status).toBe(400);
    expect((await as(editor).put(`/attribution-guard/settings/agencies/${agency.documentId}`, { aliases: [] })).status).toBe(403);
  });
});
