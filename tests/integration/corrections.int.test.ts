import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { createStory, demoCast, type DemoCast } from '../helpers/stories';
import { adminJwt, fullAccessToken, startApp, type TestApp } from '../helpers/strapi';
import { createContributor } from '../helpers/roles';
import { devLogins } from '../../src/bootstrap/dev-admins';

/**
 * Corrections on the real app: added through the admin route (which publishes again through every
 * gate), shown newest first in the story, its JSON-LD and the public corrections feed and RSS, and
 * never deleted or changed once public on any write path.
 */
const ARTICLE = 'api::article.article';
const HISTORY = 'plugin::editorial-workflow.history-entry';
const LOCALE = 'zh-Hant';
const [, editorLogin, authorLogin] = devLogins();

let app: TestApp;
let cast: DemoCast;
let jwt: { editor: string; author: string; contributor: string };
let token: string;

const as = (bearer: string) => ({ Authorization: `Bearer ${bearer}` });
const articles = () => app.strapi.documents(ARTICLE as any);
const addCorrection = (body: Record<string, unknown>, bearer = jwt.editor) =>
  request(app.server)
    .post('/newsroom/corrections')
    .set(as(bearer))
    .send({ locale: LOCALE, ...body });
const bySlug = (slug: string, locale = LOCALE) => request(app.server).get(`/api/articles/by-slug/${slug}`).query({ locale });
const feed = (query: Record<string, unknown> = {}) =>
  request(app.server)
    .get('/api/corrections')
    .query({ locale: LOCALE, ...query });
const rss = (locale = LOCALE) => request(app.server).get('/api/corrections/rss.xml').query({ locale });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The demo byline and photo, approved by an editor and published, as stories go out here. */
async function publishedStory(title: string): Promise<{ documentId: string; slug: string }> {
  const story = await createStory(app.strapi, cast, { title, publish: false });
  await app.strapi
    .plugin('editorial-workflow')
    .service('workflow')
    .setStage({ uid: ARTICLE, documentId: story.documentId, locale: LOCALE }, 'approved', 'Approved for the test');
  await articles().publish({ documentId: story.documentId, locale: LOCALE });
  return { documentId: story.documentId, slug: story.slug };
}

const draftCorrections = async (documentId: string) =>
  (
    (await app.strapi.db
      .query(ARTICLE as any)
      .findOne({ where: { documentId, locale: LOCALE, publishedAt: null }, populate: { corrections: true } })) as {
      corrections: Array<{ id: number; at: string; kind: string; text: string }>;
    }
  ).corrections;
const publishedCorrections = async (documentId: string) =>
  (
    (await app.strapi.db
      .query(ARTICLE as any)
      .findOne({ where: { documentId, locale: LOCALE, publishedAt: { $notNull: true } }, populate: { corrections: true } })) as {
      corrections: Array<{ id: number; at: string; kind: string; text: string }>;
    } | null
  )?.corrections ?? null;
const historyOf = (documentId: string) =>
  app.strapi.db
    .query(HISTORY as any)
    .findMany({ where: { subjectDocumentId: documentId, subjectLocale: LOCALE }, orderBy: [{ at: 'desc' }, { id: 'desc' }] }) as Promise<
    Array<Record<string, any>>
  >;

beforeAll(async () => {
  app = await startApp('corrections');
  cast = await demoCast(app.strapi);
  await createContributor(app.strapi, 'outsider@newsroom.local', 'Outsider-Pass-2026');
  jwt = {
    editor: await adminJwt(app.server, editorLogin!.email, editorLogin!.password),
    author: await adminJwt(app.server, authorLogin!.email, authorLogin!.password),
    contributor: await adminJwt(app.server, 'outsider@newsroom.local', 'Outsider-Pass-2026'),
  };
  token = await fullAccessToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

describe('Add correction', () => {
  let story: { documentId: string; slug: string };
  let before: Record<string, any>;

  beforeAll(async () => {
    story = await publishedStory('更正測試:報導發布後的更正');
    before = (await bySlug(story.slug).expect(200)).body.data;
  });

  it('adds the correction and publishes the story again, through the gates, naming who in the history', async () => {
    await sleep(20);
    const res = await addCorrection({ documentId: story.documentId, kind: 'correction', text: '本文原稱該公司成立於2010年,實為2012年。' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: story.documentId,
      locale: LOCALE,
      correction: { kind: 'correction', text: '本文原稱該公司成立於2010年,實為2012年。' },
      publishedPendingEdits: false,
    });
    expect(Date.parse(res.body.data.publishedAt)).toBeGreaterThan(Date.parse(before.publishedAt));

    const history = await historyOf(story.documentId);
    expect(history[0]).toMatchObject({
      kind: 'published',
      actorType: 'admin',
      actor: editorLogin!.email,
      comment: 'Published again with a correction.',
    });
    expect(history[1]).toMatchObject({
      kind: 'corrected',
      actorType: 'admin',
      actor: editorLogin!.email,
      comment: 'correction: 本文原稱該公司成立於2010年,實為2012年。',
    });
    // The guard checked this publish too and recorded it as published by the editor.
    await app.strapi.plugin('attribution-guard').service('records').settled();
    const checks = await app.strapi.db
      .query('plugin::attribution-guard.check-record' as any)
      .findMany({ where: { subjectDocumentId: story.documentId, outcome: 'published' } });
    expect(checks.length).toBe(2);
  });

  it('a later one supersedes: both are in the story, newest first, and the dates move but the first publication stays', async () => {
    await sleep(20);
    expect((await addCorrection({ documentId: story.documentId, kind: 'update', text: '補充:公司已回應,見第三段。' })).status).toBe(200);
    const data = (await bySlug(story.slug).expect(200)).body.data;
    expect(data.corrections.map((c: { kind: string }) => c.kind)).toEqual(['update', 'correction']);
    expect(Date.parse(data.corrections[0].at)).toBeGreaterThan(Date.parse(data.corrections[1].at));
    expect(data.firstPublishedAt).toBe(before.firstPublishedAt);
    expect(data.jsonLd.datePublished).toBe(before.jsonLd.datePublished);
    expect(Date.parse(data.jsonLd.dateModified)).toBeGreaterThan(Date.parse(before.jsonLd.dateModified));
    expect(Date.parse(data.jsonLd.dateModified)).toBeGreaterThanOrEqual(Date.parse(data.corrections[0].at));
    expect(data.jsonLd.correction).toEqual(
      data.corrections.map((c: { at: string; text: string }) => ({ '@type': 'CorrectionComment', datePublished: c.at, text: c.text })),
    );
    // Only the delivered fields: the component's row id stays inside.
    expect(Object.keys(data.corrections[0]).sort()).toEqual(['at', 'kind', 'text']);
  });

  it('the edit view’s history lists every correction, however many entries came after', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      subjectType: ARTICLE,
      subjectDocumentId: story.documentId,
      subjectLocale: LOCALE,
      kind: 'assigned',
      fromStage: 'published',
      toStage: 'published',
      actorType: 'system',
      actor: 'system',
      comment: `Reassigned ${i}`,
      findings: [],
      at: new Date(Date.now() + 1000 + i),
    }));
    for (const data of rows) await app.strapi.db.query(HISTORY as any).create({ data });
    const state = await request(app.server)
      .get(`/editorial-workflow/entries/${ARTICLE}/${story.documentId}`)
      .query({ locale: LOCALE })
      .set(as(jwt.editor))
      .expect(200);
    const corrected = state.body.data.history.filter((h: { kind: string }) => h.kind === 'corrected');
    expect(corrected.map((h: { comment: string }) => h.comment)).toEqual([
      'update: 補充:公司已回應,見第三段。',
      'correction: 本文原稱該公司成立於2010年,實為2012年。',
    ]);
  });

  it('publishes the saved draft’s pending edits with it, and says so', async () => {
    await articles().update({ documentId: story.documentId, locale: LOCALE, data: { dek: '修改後尚未發布的摘要' } as any });
    const res = await addCorrection({ documentId: story.documentId, kind: 'clarification', text: '澄清:文中「大廠」指市值前五的公司。' });
    expect(res.status).toBe(200);
    expect(res.body.data.publishedPendingEdits).toBe(true);
    const data = (await bySlug(story.slug).expect(200)).body.data;
    expect(data.dek).toBe('修改後尚未發布的摘要');
    expect(data.corrections).toHaveLength(3);
  });

  it('stores text as plain text and refuses bad input with the field named', async () => {
    const marked = await addCorrection({
      documentId: story.documentId,
      kind: 'correction',
      text: '<img src=x onerror=alert(1)>圖說<b>更正</b>',
    });
    expect(marked.status).toBe(200);
    expect(marked.body.data.correction.text).toBe('圖說更正');
    for (const [body, path] of [
      [{ kind: 'retraction', text: '撤稿' }, 'kind'],
      [{ kind: 'correction', text: '   ' }, 'text'],
      [{ kind: 'correction', text: '<b></b>' }, 'text'],
      [{ kind: 'correction', text: '字'.repeat(2001) }, 'text'],
      [{ kind: 'correction', text: '更正', at: '2020-01-01T00:00:00Z' }, 'at'],
    ] as const) {
      const res = await addCorrection({ documentId: story.documentId, ...body });
      expect({ status: res.status, name: res.body.error?.name }).toEqual({ status: 400, name: 'ValidationError' });
      expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain(path);
    }
    expect(await draftCorrections(story.documentId)).toHaveLength(4);
  });
});

describe('the edit form', () => {
  it('shows each correction by its text, read-only: new ones come from Add correction', async () => {
    const res = await request(app.server)
      .get('/content-manager/components/article.correction/configuration')
      .set(as(jwt.editor))
      .expect(200);
    const { settings, metadatas } = res.body.data.component;
    expect(settings.mainField).toBe('text');
    for (const field of ['at', 'kind', 'text']) expect(metadatas[field].edit.editable).toBe(false);
  });
});

describe('who may correct, and what', () => {
  it('a story that was never published cannot get one: 400, nothing saved', async () => {
    const draft = await createStory(app.strapi, cast, { title: '從未發布的草稿', publish: false });
    const res = await addCorrection({ documentId: draft.documentId, kind: 'correction', text: '更正' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Only a published story can get a correction/);
    expect(await draftCorrections(draft.documentId)).toEqual([]);
    expect(await publishedCorrections(draft.documentId)).toBeNull();
  });

  it('a user who may not edit the story is refused (403), and so is one who may not publish it', async () => {
    const story = await publishedStory('權限測試的報導');
    const outsider = await addCorrection({ documentId: story.documentId, kind: 'correction', text: '更正' }, jwt.contributor);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toMatch(/may not update/);
    const author = await addCorrection({ documentId: story.documentId, kind: 'correction', text: '更正' }, jwt.author);
    expect(author.status).toBe(403);
    expect(
      (
        await request(app.server)
          .post('/newsroom/corrections')
          .send({ documentId: story.documentId, locale: LOCALE, kind: 'correction', text: '更正' })
      ).status,
    ).toBe(401);
    expect(await publishedCorrections(story.documentId)).toEqual([]);
  });

  it('goes through the workflow’s gate: a published story sent back to review is not published again, and keeps no correction', async () => {
    const story = await publishedStory('送審中的已發布報導');
    await app.strapi
      .plugin('editorial-workflow')
      .service('workflow')
      .setStage({ uid: ARTICLE, documentId: story.documentId, locale: LOCALE }, 'in-review', 'Revision under review');
    const res = await addCorrection({ documentId: story.documentId, kind: 'correction', text: '更正' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].rule).toBe('workflow.approval-required');
    expect(await draftCorrections(story.documentId)).toEqual([]);
    expect(await publishedCorrections(story.documentId)).toEqual([]);
    expect((await historyOf(story.documentId)).filter((h) => h.kind === 'corrected')).toEqual([]);
  });

  it('goes through the attribution guard: a story that would now fail its checks is not published again', async () => {
    const story = await publishedStory('圖片來源被清空的報導');
    // The cover's credit removed in the draft: the guard refuses the re-publish.
    await articles().update({
      documentId: story.documentId,
      locale: LOCALE,
      data: { cover: { image: cast.photo.id, credit: '網路', license: 'agency' } } as any,
    });
    const res = await addCorrection({ documentId: story.documentId, kind: 'correction', text: '更正' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { rule: string }) => e.rule)).toContain('image.credit-placeholder');
    expect(await draftCorrections(story.documentId)).toEqual([]);
  });
});

describe('a public correction is never deleted or changed', () => {
  let story: { documentId: string; slug: string };
  let kept: { id: number; at: string; kind: string; text: string };

  beforeAll(async () => {
    story = await publishedStory('不可刪改的更正');
    expect((await addCorrection({ documentId: story.documentId, kind: 'correction', text: '原更正內容' })).status).toBe(200);
    [kept] = (await draftCorrections(story.documentId)) as [typeof kept];
  });

  const refusedOn = (res: request.Response) => {
    expect({ status: res.status, name: res.body.error?.name }).toEqual({ status: 400, name: 'ValidationError' });
    expect(res.body.error.message).toMatch(/is public: it cannot be deleted or changed/);
  };
  const unchanged = async () => {
    const published = await publishedCorrections(story.documentId);
    expect(published?.map((c) => [c.kind, c.text])).toEqual([['correction', '原更正內容']]);
    expect((await draftCorrections(story.documentId)).map((c) => [c.kind, c.text])).toEqual([['correction', '原更正內容']]);
  };

  it.each([
    ['deleted', () => []],
    ['emptied with null', () => null],
    ['changed', () => [{ id: kept.id, text: '改過的內容' }]],
    ['re-dated', () => [{ id: kept.id, at: '2030-01-01T00:00:00.000Z' }]],
    ['re-kinded', () => [{ id: kept.id, kind: 'update' }]],
    ['replaced by a copy with other text', () => [{ at: kept.at, kind: kept.kind, text: `${kept.text}!` }]],
  ])('REST: %s is refused, with or without publishing', async (_what, corrections) => {
    for (const status of ['draft', 'published']) {
      const res = await request(app.server)
        .put(`/api/articles/${story.documentId}`)
        .query({ locale: LOCALE, status })
        .set(as(token))
        .send({ data: { corrections: corrections() } });
      refusedOn(res);
    }
    await unchanged();
  });

  it('the Content Manager: saving the form with the correction edited is refused', async () => {
    const form = await request(app.server)
      .get(`/content-manager/collection-types/${ARTICLE}/${story.documentId}`)
      .query({ locale: LOCALE })
      .set(as(jwt.editor))
      .expect(200);
    const loaded = form.body.data.corrections as Array<Record<string, unknown>>;
    expect(loaded).toHaveLength(1);
    const save = (data: Record<string, unknown>) =>
      request(app.server)
        .put(`/content-manager/collection-types/${ARTICLE}/${story.documentId}`)
        .query({ locale: LOCALE })
        .set(as(jwt.editor))
        .send(data);
    refusedOn(await save({ dek: '表單存檔', corrections: loaded.map((c) => ({ ...c, text: '在表單裡改掉' })) }));
    refusedOn(await save({ dek: '表單存檔', corrections: [] }));
    // The form as loaded saves fine: unchanged corrections are kept.
    expect((await save({ dek: '表單存檔', corrections: loaded })).status).toBe(200);
    await unchanged();
  });

  it('the Document Service: update, and a publish of a draft that lost it past the Document Service, are refused', async () => {
    await expect(articles().update({ documentId: story.documentId, locale: LOCALE, data: { corrections: [] } as any })).rejects.toThrow(
      /is public/,
    );
    await expect(
      articles().update({
        documentId: story.documentId,
        locale: LOCALE,
        status: 'published',
        data: { corrections: [{ id: kept.id, text: 'x' }] } as any,
      }),
    ).rejects.toThrow(/is public/);
    // A draft row written by other means: the publish must not take the correction from readers.
    const draft = await app.strapi.db
      .query(ARTICLE as any)
      .findOne({ where: { documentId: story.documentId, locale: LOCALE, publishedAt: null } });
    await app.strapi.db.query(ARTICLE as any).update({ where: { id: draft.id }, data: { corrections: [] } });
    await expect(articles().publish({ documentId: story.documentId, locale: LOCALE })).rejects.toThrow(/is public/);
    const res = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${story.documentId}/actions/publish`)
      .query({ locale: LOCALE })
      .set(as(jwt.editor))
      .send({});
    expect(res.status).toBe(400);
    expect((await publishedCorrections(story.documentId))?.map((c) => c.text)).toEqual(['原更正內容']);
    // Discarding the draft brings the public correction back into it.
    await articles().discardDraft({ documentId: story.documentId, locale: LOCALE });
    await unchanged();
  });

  it('a story taken down keeps its corrections: they cannot be removed before it goes up again', async () => {
    await articles().unpublish({ documentId: story.documentId, locale: LOCALE });
    await expect(articles().update({ documentId: story.documentId, locale: LOCALE, data: { corrections: [] } as any })).rejects.toThrow(
      /is public/,
    );
    const [current] = await draftCorrections(story.documentId);
    await expect(
      articles().update({
        documentId: story.documentId,
        locale: LOCALE,
        data: { corrections: [{ id: current!.id }, { kind: 'update', text: '下架期間的更新' }] } as any,
      }),
    ).rejects.toThrow(/Only a published story/);
    await app.strapi
      .plugin('editorial-workflow')
      .service('workflow')
      .setStage({ uid: ARTICLE, documentId: story.documentId, locale: LOCALE }, 'approved', 'Back up');
    await articles().publish({ documentId: story.documentId, locale: LOCALE });
    await unchanged();
  });

  it('a copy of the story starts without corrections, and a new story cannot bring any', async () => {
    const copy = (await articles().clone({ documentId: story.documentId, locale: LOCALE } as any)) as { documentId: string };
    expect(await draftCorrections(copy.documentId)).toEqual([]);
    await expect(
      articles().create({
        locale: LOCALE,
        data: { title: '帶更正的新稿', corrections: [{ kind: 'correction', text: '不該存在' }] } as any,
      }),
    ).rejects.toThrow(/Only a published story/);
  });
});

describe('corrections added on other write paths', () => {
  it('REST with a full-access token: dated now when no time is given, refused in the future or before the story, and in the history', async () => {
    const story = await publishedStory('以 REST 加上的更正');
    const put = (corrections: unknown[]) =>
      request(app.server)
        .put(`/api/articles/${story.documentId}`)
        .query({ locale: LOCALE, status: 'published' })
        .set(as(token))
        .send({ data: { corrections } });
    const future = await put([{ kind: 'correction', text: '未來的更正', at: new Date(Date.now() + 3600_000).toISOString() }]);
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/cannot be in the future/);
    const old = await put([{ kind: 'correction', text: '早於報導的更正', at: '2001-01-01T00:00:00Z' }]);
    expect(old.body.error.message).toMatch(/older than the story/);
    const start = Date.now();
    expect((await put([{ kind: 'update', text: '經由 API 加上的更新' }])).status).toBe(200);
    const [added] = (await publishedCorrections(story.documentId))!;
    expect(Date.parse(added!.at)).toBeGreaterThanOrEqual(start - 1000);
    const history = await historyOf(story.documentId);
    expect(history.find((h) => h.kind === 'corrected')).toMatchObject({ actorType: 'api-token', comment: 'update: 經由 API 加上的更新' });
  });

  it('a correction added to the draft is not public until the story is published', async () => {
    const story = await publishedStory('草稿中的更正');
    await articles().update({
      documentId: story.documentId,
      locale: LOCALE,
      data: { corrections: [{ kind: 'correction', text: '尚未發布的更正' }] } as any,
    });
    expect((await bySlug(story.slug).expect(200)).body.data.corrections).toEqual([]);
    expect((await feed({ 'pagination[pageSize]': 100 }).expect(200)).body.data.map((c: { text: string }) => c.text)).not.toContain(
      '尚未發布的更正',
    );
    // Still a draft's own: it may be changed or dropped before it goes out.
    await articles().update({ documentId: story.documentId, locale: LOCALE, data: { corrections: [] } as any });
    expect(await draftCorrections(story.documentId)).toEqual([]);
  });
});

describe('the public corrections feed', () => {
  let stories: Array<{ documentId: string; slug: string; title: string }>;

  beforeAll(async () => {
    stories = [];
    for (const title of ['更正頁第一篇', '更正頁第二篇']) stories.push({ ...(await publishedStory(title)), title });
    await addCorrection({
      documentId: stories[0]!.documentId,
      kind: 'correction',
      text: '第一篇的更正 <script>alert(1)</script> & ]]> 結尾',
    });
    await sleep(10);
    await addCorrection({ documentId: stories[1]!.documentId, kind: 'clarification', text: '第二篇的澄清' });
    await sleep(10);
    await addCorrection({ documentId: stories[0]!.documentId, kind: 'update', text: '第一篇的更新' });
  });

  it('lists published stories’ corrections, newest first, with the story’s slug and title, page by page', async () => {
    const all = (await feed({ 'pagination[pageSize]': 100 }).expect(200)).body;
    const ats = all.data.map((c: { at: string }) => Date.parse(c.at));
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(all.data.slice(0, 3).map((c: Record<string, any>) => [c.kind, c.story.slug, c.story.title])).toEqual([
      ['update', stories[0]!.slug, stories[0]!.title],
      ['clarification', stories[1]!.slug, stories[1]!.title],
      ['correction', stories[0]!.slug, stories[0]!.title],
    ]);
    expect(all.data[0]).toEqual({
      at: expect.any(String),
      kind: 'update',
      text: '第一篇的更新',
      story: { documentId: stories[0]!.documentId, locale: LOCALE, slug: stories[0]!.slug, title: stories[0]!.title, url: null },
    });
    // Stored as plain text: the markup was stripped on the way in.
    expect(all.data[2].text).toBe('第一篇的更正  & ]]> 結尾');
    expect(all.meta.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 1, total: all.data.length });

    const second = (await feed({ 'pagination[page]': 2, 'pagination[pageSize]': 1 }).expect(200)).body;
    expect(second.data).toEqual([all.data[1]]);
    expect(second.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: all.data.length, total: all.data.length });
    expect((await feed({ 'pagination[page]': 500 }).expect(200)).body.data).toEqual([]);
  });

  it('shows other locales’ corrections only in their locale, and nothing of a story taken down', async () => {
    expect((await feed({ locale: 'en' }).expect(200)).body.data).toEqual([]);
    const story = await publishedStory('即將下架的報導');
    await addCorrection({ documentId: story.documentId, kind: 'correction', text: '下架報導的更正' });
    const texts = async () => (await feed({ 'pagination[pageSize]': 100 }).expect(200)).body.data.map((c: { text: string }) => c.text);
    expect(await texts()).toContain('下架報導的更正');
    await articles().unpublish({ documentId: story.documentId, locale: LOCALE });
    expect(await texts()).not.toContain('下架報導的更正');
  });

  it('refuses parameters it does not take, by name', async () => {
    for (const [query, path] of [
      [{ 'filters[kind]': 'update' }, 'filters'],
      [{ status: 'draft' }, 'status'],
      [{ 'pagination[pageSize]': 101 }, 'pagination.pageSize'],
      [{ 'pagination[page]': 0 }, 'pagination.page'],
      [{ 'pagination[limit]': 5 }, 'pagination.limit'],
      [{ locale: 'xx' }, 'locale'],
    ] as const) {
      const res = await feed(query);
      expect({ status: res.status, path: res.body.error?.details?.errors?.[0]?.path?.join('.') }).toEqual({ status: 400, path });
    }
  });

  it('has an RSS 2.0 feed a real parser reads, with the text escaped for readers that render HTML', async () => {
    const res = await rss().expect(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(res.text);
    expect(parsed.rss['@_version']).toBe('2.0');
    const channel = parsed.rss.channel;
    expect(channel.title).toBe('更正與更新');
    expect(channel.language).toBe(LOCALE);
    const items = Array.isArray(channel.item) ? channel.item : [channel.item];
    const json = (await feed({ 'pagination[pageSize]': 50 }).expect(200)).body.data;
    expect(items).toHaveLength(json.length);
    expect(items[0].title).toBe(`更新\uFF1A${stories[0]!.title}`);
    expect(items[0].link).toBe(`/api/articles/by-slug/${stories[0]!.slug}?locale=${LOCALE}`);
    expect(new Date(items[0].pubDate).toISOString()).toBe(new Date(json[0].at).toISOString().replace(/\.\d{3}Z$/u, '.000Z'));
    const first = items.find((item: { description: string }) => item.description.startsWith('第一篇的更正'));
    expect(first.description).toBe('第一篇的更正  &amp; ]]&gt; 結尾');
    expect(res.text).not.toMatch(/<script/iu);
    expect(new Set(items.map((i: { guid: string }) => i.guid)).size).toBe(items.length);
    const english = new XMLParser().parse((await rss('en').expect(200)).text);
    expect(english.rss.channel.title).toBe('Corrections and updates');
    expect(english.rss.channel.item).toBeUndefined();
  });
});

describe('caching', () => {
  it('the story, the feed and the RSS are cached with ETags, answer 304, and change at once with a correction', async () => {
    const story = await publishedStory('快取與更正');
    for (const get of [() => bySlug(story.slug), () => feed(), () => rss()]) await get().expect(200);
    const first = await Promise.all([bySlug(story.slug), feed(), rss()]);
    for (const res of first) expect(res.headers['x-delivery-cache']).toBe('hit');
    for (const [i, path] of [`/api/articles/by-slug/${story.slug}`, '/api/corrections', '/api/corrections/rss.xml'].entries()) {
      const revalidated = await request(app.server).get(path).query({ locale: LOCALE }).set('If-None-Match', first[i]!.headers.etag!);
      expect(revalidated.status).toBe(304);
    }

    expect((await addCorrection({ documentId: story.documentId, kind: 'correction', text: '快取應立即更新' })).status).toBe(200);
    const after = await Promise.all([bySlug(story.slug), feed(), rss()]);
    for (const [i, res] of after.entries()) {
      expect(res.status).toBe(200);
      expect(res.headers.etag).not.toBe(first[i]!.headers.etag);
      expect(res.headers['x-delivery-cache']).not.toBe('hit');
    }
    expect(after[0]!.body.data.corrections[0].text).toBe('快取應立即更新');
    expect(after[1]!.body.data[0].text).toBe('快取應立即更新');
    expect(after[2]!.text).toContain('快取應立即更新');
  });
});
