import request from 'supertest';
import { errors } from '@strapi/utils';
import { adminJwt, fullAccessToken, startApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, demoIds, validArticle, type DemoIds } from '../helpers/articles';

let app: TestApp;
let ids: DemoIds;
let apiAuth: { Authorization: string };
const jwt: Record<'admin' | 'editor' | 'author', string> = { admin: '', editor: '', author: '' };

beforeAll(async () => {
  // This suite exercises the attribution guard on every publish path by itself; approval, the
  // workflow's own gate, is tested together with the guard in the workflow suites.
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  try {
    app = await startApp('guard');
  } finally {
    delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  }
  ids = await demoIds(app.strapi);
  apiAuth = { Authorization: `Bearer ${await fullAccessToken(app.strapi)}` };
  jwt.admin = await adminJwt(app.server, 'admin@newsroom.local', 'Newsroom-Admin-2026');
  jwt.editor = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
  jwt.author = await adminJwt(app.server, 'author@newsroom.local', 'Newsroom-Author-2026');
});
afterAll(async () => {
  await app?.stop();
});

const docs = () => app.strapi.documents(ARTICLE as any);
const records = () => app.strapi.plugin('attribution-guard').service('records');
const as = (who: keyof typeof jwt) => ({ Authorization: `Bearer ${jwt[who]}` });
const isPublished = async (documentId: string, locale = 'zh-Hant') => !!(await docs().findOne({ documentId, locale, status: 'published' }));
const draftOf = (documentId: string, locale = 'zh-Hant') =>
  docs().findOne({ documentId, locale, status: 'draft', populate: { cover: true, pullQuotes: true } as any }) as Promise<any>;
async function recordsFor(documentId: string) {
  await records().settled();
  return records().list({ contentType: ARTICLE, documentId }) as Promise<
    Array<{ outcome: string; actorType: string; actor: string; reason: string | null; findings: Array<{ rule: string }>; locale: string }>
  >;
}
const ruleIds = (details: Array<{ rule: string }>) => [...new Set(details.map((d) => d.rule))].sort();

/** A fresh draft that fails exactly one non-overridable rule: its cover photo has no credit, on the usage or the file. */
async function uncreditedDraft(title: string, locale = 'zh-Hant') {
  const data = validArticle(ids, title);
  return docs().create({ locale, data: { ...data, cover: { image: ids.draftPhotoId, credit: '' } } as any });
}

/** The draft's misquote is a draft itself, but Publish takes its quotes along: being unpublished is not a problem. */
const DEMO_DRAFT_RULES = ['image.credit-required', 'pull-quote.verbatim'];

describe('the demo content', () => {
  it('the demo story passes every rule', async () => {
    const result = await app.strapi.plugin('attribution-guard').service('guard').checkDraft(ARTICLE, ids.story, 'zh-Hant');
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('the demo draft fails exactly the deliberate problems', async () => {
    const result = await app.strapi.plugin('attribution-guard').service('guard').checkDraft(ARTICLE, ids.draft, 'zh-Hant');
    expect(ruleIds(result.findings)).toEqual(DEMO_DRAFT_RULES);
    expect(result.findings.map((f: { path: string }) => f.path).sort()).toEqual(['cover.credit', 'pullQuotes.0.text'].sort());
  });
});

describe('strapi.documents().publish', () => {
  it('blocks the demo draft with a ValidationError naming each problem, publishes nothing and records the block', async () => {
    const before = await draftOf(ids.draft);
    let caught: unknown;
    try {
      await docs().publish({ documentId: ids.draft, locale: 'zh-Hant' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(errors.ValidationError);
    const details = (caught as errors.ValidationError).details as {
      errors: Array<{ rule: string; path: string[]; message: string; messages: Record<string, string> }>;
    };
    expect(ruleIds(details.errors)).toEqual(DEMO_DRAFT_RULES);
    for (const detail of details.errors) {
      expect(detail.path.length).toBeGreaterThan(0);
      expect(detail.message).toBeTruthy();
      expect(Object.keys(detail.messages).sort()).toEqual(['en', 'zh-Hans', 'zh-Hant']);
    }
    expect(await isPublished(ids.draft)).toBe(false);
    expect(await draftOf(ids.draft)).toEqual(before);
    const [last] = await recordsFor(ids.draft);
    expect(last).toMatchObject({ outcome: 'blocked', actorType: 'system', locale: 'zh-Hant' });
    expect(ruleIds(last!.findings)).toEqual(DEMO_DRAFT_RULES);
  });

  it('publishes a valid article and records the publish', async () => {
    const created = await docs().create({ locale: 'zh-Hant', data: validArticle(ids, '文件服務發布測試') as any });
    await docs().publish({ documentId: created.documentId, locale: 'zh-Hant' });
    expect(await isPublished(created.documentId)).toBe(true);
    const [last] = await recordsFor(created.documentId);
    expect(last).toMatchObject({ outcome: 'published', findings: [] });
  });

  it('blocks publishing with a draft author and names it (Strapi would silently drop the link)', async () => {
    const author = await app.strapi
      .documents('api::author.author' as any)
      .create({ locale: 'zh-Hant', data: { name: 'draft-writer', role: 'writer', outlet: ids.outlet } as any });
    const created = await docs().create({
      locale: 'zh-Hant',
      data: { ...validArticle(ids, '草稿作者'), author: author.documentId } as any,
    });
    await expect(docs().publish({ documentId: created.documentId, locale: 'zh-Hant' })).rejects.toMatchObject({
      details: {
        errors: expect.arrayContaining([
          expect.objectContaining({
            rule: 'relation.unpublished-dependency',
            path: ['author'],
            message: expect.stringContaining('draft-writer'),
          }),
        ]),
      },
    });
    expect(await isPublished(created.documentId)).toBe(false);
  });

  it("checks every locale of locale: '*' and publishes none when one is bad", async () => {
    const created = await docs().create({ locale: 'zh-Hant', data: validArticle(ids, '多語言測試') as any });
    // Authors are localized: the English byline needs the authors' English versions.
    for (const author of [ids.author, ids.editor]) {
      await app.strapi.documents('api::author.author' as any).update({
        documentId: author,
        locale: 'en',
        data: { displayName: author === ids.author ? 'koorvoa' : 'TV.', outlet: ids.outlet } as any,
        status: 'published',
      });
    }
    await docs().update({
      documentId: created.documentId,
      locale: 'en',
      data: { ...validArticle(ids, 'Multilingual test'), cover: { image: ids.leadPhotoId, credit: '網路' } } as any,
    });
    const refusal = await docs()
      .publish({ documentId: created.documentId, locale: '*' })
      .catch((error: errors.ValidationError) => error);
    const details = (refusal as errors.ValidationError).details as { errors: Array<{ rule: string; locale: string }> };
    expect(details.errors.map((e) => `${e.locale} ${e.rule}`).sort()).toEqual([
      'en image.credit-placeholder',
      'en syndication.license-valid',
    ]);
    expect(await isPublished(created.documentId, 'zh-Hant')).toBe(false);
    expect(await isPublished(created.documentId, 'en')).toBe(false);

    // The agreement does not cover English: still refused once the credit is fixed.
    await docs().update({
      documentId: created.documentId,
      locale: 'en',
      data: { cover: { image: ids.leadPhotoId, credit: 'VCG', agency: ids.agency, license: 'agency' } } as any,
    });
    await expect(docs().publish({ documentId: created.documentId, locale: ['zh-Hant', 'en'] })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ rule: 'syndication.license-valid', locale: 'en' })] },
    });
    await docs().publish({ documentId: created.documentId, locale: ['zh-Hant'] });
    expect(await isPublished(created.documentId, 'zh-Hant')).toBe(true);
    expect(await isPublished(created.documentId, 'en')).toBe(false);
  });
});

describe('images', () => {
  it('a photo reused in a second article keeps the credit stored with the file', async () => {
    const created = await docs().create({
      locale: 'zh-Hant',
      data: { ...validArticle(ids, '重用照片'), cover: { image: ids.leadPhotoId } } as any,
    });
    const result = await app.strapi.plugin('attribution-guard').service('guard').checkDraft(ARTICLE, created.documentId, 'zh-Hant');
    expect(result.findings).toEqual([]);
    await docs().publish({ documentId: created.documentId, locale: 'zh-Hant' });
    expect(await isPublished(created.documentId)).toBe(true);
  });

  it('an uncredited image inside the Blocks body blocks the publish, named by its block', async () => {
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: ids.draftPhotoId } });
    const data = validArticle(ids, '內文圖片', ['第一段。']);
    const body = [...data.body, { type: 'image', image: file, children: [{ type: 'text', text: '' }] }];
    const created = await docs().create({ locale: 'zh-Hant', data: { ...data, body } as any });
    await expect(docs().publish({ documentId: created.documentId, locale: 'zh-Hant' })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ rule: 'image.credit-required', path: ['body', '1'] })] },
    });
    // Crediting the file once fixes every usage of it.
    await app.strapi
      .plugin('attribution-guard')
      .service('media-credits')
      .set(file.id, { credit: '視覺中國', agency: ids.agency, license: 'agency' });
    await docs().publish({ documentId: created.documentId, locale: 'zh-Hant' });
    expect(await isPublished(created.documentId)).toBe(true);
    await app.strapi.db.query('plugin::attribution-guard.media-credit').delete({ where: { fileId: file.id } });
  });
});

describe('REST writes (which publish unless ?status=draft)', () => {
  it('refuses a create that fails the rules with a 400 and creates nothing', async () => {
    const count = await app.strapi.db.query(ARTICLE as any).count();
    const res = await request(app.server)
      .post('/api/articles?locale=zh-Hant')
      .set(apiAuth)
      .send({ data: { title: '沒有署名的稿件' } });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toMatch(/Cannot publish/);
    expect(ruleIds(res.body.error.details.errors)).toEqual(['byline.author-required', 'outlet.required']);
    for (const e of res.body.error.details.errors)
      expect(e).toEqual(expect.objectContaining({ rule: expect.any(String), path: expect.any(Array), message: expect.any(String) }));
    expect(await app.strapi.db.query(ARTICLE as any).count()).toBe(count);
    await records().settled();
  });

  it('creates and publishes a valid article', async () => {
    const res = await request(app.server)
      .post('/api/articles?locale=zh-Hant')
      .set(apiAuth)
      .send({ data: validArticle(ids, 'REST 建立並發布') });
    expect(res.status).toBe(201);
    expect(res.body.data.publishedAt).toBeTruthy();
    const [last] = await recordsFor(res.body.data.documentId);
    expect(last).toMatchObject({ outcome: 'published', actorType: 'api-token' });
  });

  it('refuses an update of the demo draft and keeps the draft as it was', async () => {
    const before = await draftOf(ids.draft);
    const res = await request(app.server)
      .put(`/api/articles/${ids.draft}?locale=zh-Hant`)
      .set(apiAuth)
      .send({ data: { dek: '新的導語' } });
    expect(res.status).toBe(400);
    // A REST save publishes inside the save and cannot take the draft quote along, so it is named too.
    expect(ruleIds(res.body.error.details.errors)).toEqual([...DEMO_DRAFT_RULES, 'relation.unpublished-dependency']);
    expect(await isPublished(ids.draft)).toBe(false);
    expect(await draftOf(ids.draft)).toEqual(before);
  });

  it('saves a draft with ?status=draft without checking', async () => {
    const res = await request(app.server)
      .put(`/api/articles/${ids.draft}?locale=zh-Hant&status=draft`)
      .set(apiAuth)
      .send({ data: { dek: '草稿可以保存' } });
    expect(res.status).toBe(200);
    expect((await draftOf(ids.draft)).dek).toBe('草稿可以保存');
  });
});

describe('the admin panel', () => {
  const cm = '/content-manager/collection-types/api::article.article';

  it('Publish button: a failing article gets a 400 with the findings and stays a draft', async () => {
    const created = await uncreditedDraft('管理介面發布');
    const res = await request(app.server)
      .post(`${cm}/${created.documentId}/actions/publish?locale=zh-Hant`)
      .set(as('editor'))
      .send({ title: '管理介面發布(已修改)' });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(ruleIds(res.body.error.details.errors)).toEqual(['image.credit-required']);
    expect(res.body.error.details.errors[0].path).toEqual(['cover', 'credit']);
    expect(await isPublished(created.documentId)).toBe(false);
    expect((await draftOf(created.documentId)).title).toBe('管理介面發布'); // the update was rolled back with the publish
    const [last] = await recordsFor(created.documentId);
    expect(last).toMatchObject({ outcome: 'blocked', actorType: 'admin', actor: 'editor@newsroom.local' });
  });

  it('Publish button: a valid article is published', async () => {
    const created = await docs().create({ locale: 'zh-Hant', data: validArticle(ids, '管理介面正常發布') as any });
    const res = await request(app.server).post(`${cm}/${created.documentId}/actions/publish?locale=zh-Hant`).set(as('editor')).send({});
    expect(res.status).toBe(200);
    expect(await isPublished(created.documentId)).toBe(true);
  });

  it('bulk publish: refused as a whole when one article fails, allowed when all pass', async () => {
    const good = await docs().create({ locale: 'zh-Hant', data: validArticle(ids, '批次一') as any });
    const bad = await uncreditedDraft('批次二');
    const refused = await request(app.server)
      .post(`${cm}/actions/bulkPublish?locale=zh-Hant`)
      .set(as('editor'))
      .send({ documentIds: [good.documentId, bad.documentId] });
    expect(refused.status).toBe(400);
    expect(ruleIds(refused.body.error.details.errors)).toEqual(['image.credit-required']);
    expect(await isPublished(good.documentId)).toBe(false);
    expect(await isPublished(bad.documentId)).toBe(false);

    const other = await docs().create({ locale: 'zh-Hant', data: validArticle(ids, '批次三') as any });
    const allowed = await request(app.server)
      .post(`${cm}/actions/bulkPublish?locale=zh-Hant`)
      .set(as('editor'))
      .send({ documentIds: [good.documentId, other.documentId] });
    expect(allowed.status).toBe(200);
    expect(await isPublished(good.documentId)).toBe(true);
    expect(await isPublished(other.documentId)).toBe(true);
  });
});

describe('override', () => {
  /** A draft whose only error is an overridable one: the republisher's agreement has expired. */
  async function expiredAgreementDraft(title: string) {
    const source = await app.strapi.documents('api::source.source' as any).create({
      data: {
        name: `過期轉載方 ${title}`,
        kind: 'republisher',
        aliases: [],
        agreementId: 'OLD-1',
        licenseValidFrom: '2020-01-01',
        licenseValidUntil: '2021-12-31',
      } as any,
      status: 'published',
    });
    return docs().create({ locale: 'zh-Hant', data: { ...validArticle(ids, title), republisher: source.documentId } as any });
  }

  it('lets an editor with the override permission publish past an overridable error, with the reason recorded', async () => {
    const created = await expiredAgreementDraft('授權過期但可放行');
    const blocked = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${created.documentId}/actions/publish?locale=zh-Hant`)
      .set(as('editor'))
      .send({});
    expect(blocked.status).toBe(400);
    expect(blocked.body.error.details.errors[0]).toMatchObject({ rule: 'syndication.license-valid', overridable: true });
    expect(blocked.body.error.details.guard.overridable).toBe(true);

    const res = await request(app.server).post('/attribution-guard/publish').set(as('editor')).send({
      contentType: ARTICLE,
      documentId: created.documentId,
      locale: 'zh-Hant',
      reason: 'Renewal signed on paper, record to follow.',
    });
    expect(res.status).toBe(200);
    expect(await isPublished(created.documentId)).toBe(true);
    const [last] = await recordsFor(created.documentId);
    expect(last).toMatchObject({
      outcome: 'overridden',
      actorType: 'admin',
      actor: 'editor@newsroom.local',
      reason: 'Renewal signed on paper, record to follow.',
    });
  });

  it('refuses the override to a user without the permission (the demo author)', async () => {
    const created = await expiredAgreementDraft('作者不能放行');
    const res = await request(app.server)
      .post('/attribution-guard/publish')
      .set(as('author'))
      .send({ contentType: ARTICLE, documentId: created.documentId, locale: 'zh-Hant', reason: 'I would like to publish this now.' });
    expect(res.status).toBe(403);
    expect(await isPublished(created.documentId)).toBe(false);
  });

  it('never overrides a non-overridable error, whoever asks', async () => {
    for (const who of ['editor', 'admin'] as const) {
      const res = await request(app.server)
        .post('/attribution-guard/publish')
        .set(as(who))
        .send({ contentType: ARTICLE, documentId: ids.draft, locale: 'zh-Hant', reason: 'Publishing the demo draft regardless.' });
      expect(res.status).toBe(400);
      expect(ruleIds(res.body.error.details.errors)).toEqual(DEMO_DRAFT_RULES);
    }
    expect(await isPublished(ids.draft)).toBe(false);
  });

  it('needs a written reason', async () => {
    const res = await request(app.server)
      .post('/attribution-guard/publish')
      .set(as('editor'))
      .send({ contentType: ARTICLE, documentId: ids.draft, locale: 'zh-Hant', reason: ' ' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['reason']);
  });
});

describe('admin routes', () => {
  // The demo draft is not the Author's: reading it takes a role that may read others' entries.
  it('POST /attribution-guard/check returns the stored draft findings', async () => {
    const res = await request(app.server)
      .post('/attribution-guard/check')
      .set(as('editor'))
      .send({ contentType: ARTICLE, documentId: ids.draft, locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(res.body.data.ok).toBe(false);
    expect(ruleIds(res.body.data.findings)).toEqual(DEMO_DRAFT_RULES);
  });

  it('POST /attribution-guard/check reads unsaved form data over the stored draft', async () => {
    const res = await request(app.server)
      .post('/attribution-guard/check')
      .set(as('editor'))
      .send({
        contentType: ARTICLE,
        documentId: ids.draft,
        locale: 'zh-Hant',
        data: { cover: { image: ids.leadPhotoId, credit: '視覺中國', agency: ids.agency } },
      });
    expect(res.status).toBe(200);
    // The credit typed in the form counts; the stored misquote still does.
    expect(ruleIds(res.body.data.findings)).toEqual(['pull-quote.verbatim']);
  });

  it('POST /attribution-guard/check checks a new, never-saved article', async () => {
    const res = await request(app.server)
      .post('/attribution-guard/check')
      .set(as('editor'))
      .send({ contentType: ARTICLE, locale: 'zh-Hant', data: { title: '新稿', author: ids.author, source: ids.outlet } });
    expect(res.status).toBe(200);
    expect(res.body.data.findings).toEqual([]);
  });

  it.each([
    ['no body', undefined, ['contentType']],
    ['an unknown key', { contentType: ARTICLE, documentId: 'x', extra: 1 }, []],
    ['a malformed uid', { contentType: 'article', documentId: 'x' }, ['contentType']],
    ['an unguarded type', { contentType: 'api::author.author', documentId: 'x' }, ['contentType']],
  ])('POST /attribution-guard/check with %s is a 400', async (_name, body, path) => {
    const res = await request(app.server)
      .post('/attribution-guard/check')
      .set(as('editor'))
      .send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    if (path.length) expect(res.body.error.details.errors[0].path).toEqual(path);
  });

  it('the admin routes need an admin login', async () => {
    expect((await request(app.server).post('/attribution-guard/check').send({ contentType: ARTICLE, documentId: ids.draft })).status).toBe(
      401,
    );
    expect(
      (await request(app.server).get('/attribution-guard/records').query({ contentType: ARTICLE, documentId: ids.draft })).status,
    ).toBe(401);
    expect(
      (await request(app.server).post('/attribution-guard/check').set(apiAuth).send({ contentType: ARTICLE, documentId: ids.draft }))
        .status,
    ).toBe(401);
  });

  it('GET /attribution-guard/records lists the record of a document, newest first', async () => {
    const res = await request(app.server)
      .get('/attribution-guard/records')
      .set(as('admin'))
      .query({ contentType: ARTICLE, documentId: ids.draft, locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThanOrEqual(2);
    expect(res.body.data.every((r: { outcome: string }) => r.outcome === 'blocked')).toBe(true);
    const times = res.body.data.map((r: { checkedAt: string }) => Date.parse(r.checkedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await request(app.server).get('/attribution-guard/records').set(as('admin')).query({ contentType: ARTICLE })).status).toBe(400);
  });

  it('the plugin actions are in the role editor, and the Author role can read but not override', async () => {
    const actions = app.strapi
      .service('admin::permission')
      .actionProvider.values()
      .map((a: { actionId: string }) => a.actionId);
    expect(actions).toEqual(
      expect.arrayContaining([
        'plugin::attribution-guard.read',
        'plugin::attribution-guard.override',
        'plugin::attribution-guard.settings.read',
        'plugin::attribution-guard.settings.update',
        'plugin::attribution-guard.dependents.override',
      ]),
    );
    const perms = async (code: string) => {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
      const rows = await app.strapi.db
        .query('admin::permission')
        .findMany({ where: { role: role.id, action: { $startsWith: 'plugin::attribution-guard.' } } });
      return rows.map((r: { action: string }) => r.action).sort();
    };
    expect(await perms('strapi-author')).toEqual(['plugin::attribution-guard.read']);
    expect(await perms('strapi-editor')).toEqual([
      'plugin::attribution-guard.credit.live',
      'plugin::attribution-guard.dependents.override',
      'plugin::attribution-guard.override',
      'plugin::attribution-guard.read',
      'plugin::attribution-guard.settings.read',
    ]);
  });
});
