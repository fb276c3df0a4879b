import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { devLogins } from '../../src/bootstrap/dev-admins';
import type { SweepReport } from '../../src/plugins/editorial-workflow/shared/contracts/workflow';
import {
  ARTICLE,
  createArticle,
  createByline,
  eventually,
  publishedCount,
  scheduleDirectly,
  startWebhookReceiver,
  type Byline,
  type Delivery,
} from '../helpers/workflow';

const [admin, editor, author] = devLogins();

let app: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let jwt: { admin: string; editor: string; author: string };
let byline: Byline;

const workflowService = () => app.strapi.plugin('editorial-workflow').service('workflow');
const sweep = (now: Date): Promise<SweepReport> => app.strapi.plugin('editorial-workflow').service('scheduler').sweep({ now });
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const entryUrl = (documentId: string) => `/editorial-workflow/entries/${ARTICLE}/${documentId}`;
const getState = (documentId: string, token = jwt.editor) =>
  request(app.server).get(entryUrl(documentId)).query({ locale: 'en' }).set(as(token));
const move = (documentId: string, body: Record<string, unknown>, token = jwt.editor) =>
  request(app.server)
    .post(`${entryUrl(documentId)}/transition`)
    .set(as(token))
    .send({ locale: 'en', ...body });
const setSchedule = (documentId: string, body: Record<string, unknown>, token = jwt.editor) =>
  request(app.server)
    .put(`${entryUrl(documentId)}/schedule`)
    .set(as(token))
    .send({ locale: 'en', ...body });
const checkRecords = (documentId: string) =>
  app.strapi.db
    .query('plugin::attribution-guard.check-record' as any)
    .findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } });
const deliveriesFor = (documentId: string, event?: string) =>
  receiver.deliveries.filter((d: Delivery) => d.body.documentId === documentId && (!event || d.event === event));
const settle = () => app.strapi.plugin('attribution-guard').service('records').settled();

/** Approves a draft the way the newsroom does: sent to review, then approved by the editor. */
async function approve(documentId: string) {
  expect((await move(documentId, { to: 'in-review' })).status).toBe(200);
  expect((await move(documentId, { to: 'approved', comment: 'Good to go' })).status).toBe(200);
}

beforeAll(async () => {
  app = await startApp('editorial-workflow');
  receiver = await startWebhookReceiver();
  jwt = {
    admin: await adminJwt(app.server, admin!.email, admin!.password),
    editor: await adminJwt(app.server, editor!.email, editor!.password),
    author: await adminJwt(app.server, author!.email, author!.password),
  };
  // Through the admin API, as a person would: this also proves the event names are registered.
  const hook = await request(app.server)
    .post('/admin/webhooks')
    .set(as(jwt.admin))
    .send({
      name: 'workflow test',
      url: receiver.url,
      headers: {},
      events: ['workflow.stage-changed', 'workflow.schedule-failed', 'workflow.schedule-held'],
    });
  expect(hook.status).toBe(201);
  byline = await createByline(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe('roles over the admin API', () => {
  let documentId: string;
  beforeAll(async () => {
    // The demo author writes a piece in the Content Manager: it is theirs (createdBy).
    const created = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}`)
      .query({ locale: 'en' })
      .set(as(jwt.author))
      .send({ title: 'An author’s piece', dek: 'By the demo author' });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
  });

  it('a new entry starts as a draft the author may only send to review', async () => {
    const state = await getState(documentId, jwt.author);
    expect(state.status).toBe(200);
    expect(state.body.data).toMatchObject({ stage: 'draft', allowedTargets: ['in-review'], canAssign: false, canSchedule: false });
  });

  it('the author sends it to review, with a comment that the history keeps', async () => {
    const res = await move(documentId, { to: 'in-review', comment: 'Ready for a look' }, jwt.author);
    expect(res.status).toBe(200);
    expect(res.body.data.stage).toBe('in-review');
    expect(res.body.data.history[0]).toMatchObject({
      kind: 'transition',
      fromStage: 'draft',
      toStage: 'in-review',
      actor: author!.email,
      actorType: 'admin',
      comment: 'Ready for a look',
    });
  });

  it('the author cannot approve: 403 naming the permission', async () => {
    const res = await move(documentId, { to: 'approved' }, jwt.author);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('PolicyError');
    expect(res.body.error.message).toContain('"Approve" permission');
  });

  it('an unknown stage and a jump the workflow does not allow are 400s', async () => {
    const unknown = await move(documentId, { to: 'ready' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['to']);
    const jump = await move(documentId, { to: 'published' });
    expect(jump.status).toBe(400);
    expect(jump.body.error.message).toContain('does not go from "in-review" to "published"');
  });

  it('the editor approves; the author still cannot schedule or publish', async () => {
    expect((await move(documentId, { to: 'approved' })).status).toBe(200);
    const schedule = await move(documentId, { to: 'scheduled', publishAt: '2030-01-01T09:00' }, jwt.author);
    expect(schedule.status).toBe(403);
    expect(schedule.body.error.message).toContain('"Schedule and unschedule" permission');
    expect((await setSchedule(documentId, { publishAt: '2030-01-01T09:00' }, jwt.author)).status).toBe(403);
    expect((await move(documentId, { to: 'published' }, jwt.author)).status).toBe(403);
    const cmPublish = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`)
      .query({ locale: 'en' })
      .set(as(jwt.author))
      .send({});
    expect(cmPublish.status).toBe(403);
  });

  it('the workflow fields cannot be written through the Content Manager', async () => {
    const res = await request(app.server)
      .put(`/content-manager/collection-types/${ARTICLE}/${documentId}`)
      .query({ locale: 'en' })
      .set(as(jwt.author))
      .send({ title: 'An author’s piece', editorialStage: 'published', publishAt: '2020-01-01T00:00:00.000Z' });
    expect(res.status).toBe(200);
    const state = await getState(documentId);
    expect(state.body.data).toMatchObject({ stage: 'approved', publishAt: null });
  });

  it('assigns an entry to an editor, recorded in the history', async () => {
    const editorUser = await app.strapi.db.query('admin::user').findOne({ where: { email: editor!.email } });
    const forbidden = await request(app.server)
      .put(`${entryUrl(documentId)}/assignee`)
      .set(as(jwt.author))
      .send({ locale: 'en', assignee: editorUser.id });
    expect(forbidden.status).toBe(403);
    const res = await request(app.server)
      .put(`${entryUrl(documentId)}/assignee`)
      .set(as(jwt.editor))
      .send({ locale: 'en', assignee: editorUser.id });
    expect(res.status).toBe(200);
    expect(res.body.data.assignee).toMatchObject({ id: editorUser.id, email: editor!.email });
    expect(res.body.data.history[0]).toMatchObject({
      kind: 'assigned',
      comment: 'Assigned to Editor Demo',
      note: { en: 'Assigned to Editor Demo', 'zh-Hant': '指派給 Editor Demo', 'zh-Hans': '指派给 Editor Demo' },
    });
  });
});

describe('publishing needs an approved stage, on every path', () => {
  it('refuses Document Service, Content Manager and REST publishes of a draft, and allows them once approved', async () => {
    const documentId = await createArticle(app.strapi, 'Needs approval', byline);
    await expect(app.strapi.documents(ARTICLE as any).publish({ documentId, locale: 'en' } as any)).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ rule: 'workflow.approval-required' })] },
    });
    const cm = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`)
      .query({ locale: 'en' })
      .set(as(jwt.editor))
      .send({});
    expect(cm.status).toBe(400);
    expect(cm.body.error.details.errors[0].rule).toBe('workflow.approval-required');
    expect(await publishedCount(app.strapi, [documentId])).toBe(0);

    await approve(documentId);
    const ok = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`)
      .query({ locale: 'en' })
      .set(as(jwt.editor))
      .send({});
    expect(ok.status).toBe(200);
    const state = await getState(documentId);
    expect(state.body.data).toMatchObject({ stage: 'published', hasPublishedVersion: true });
    expect(state.body.data.history[0]).toMatchObject({
      kind: 'published',
      fromStage: 'approved',
      toStage: 'published',
      actor: editor!.email,
    });
  });

  it('never shows the workflow fields on the public API, nor lets it filter on them', async () => {
    const list = await request(app.server).get('/api/articles').query({ locale: 'en' });
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    for (const article of list.body.data) {
      for (const field of ['editorialStage', 'publishAt', 'unpublishAt', 'timezone', 'assignee']) expect(article).not.toHaveProperty(field);
    }
    const filtered = await request(app.server).get('/api/articles').query({ 'filters[editorialStage][$eq]': 'published' });
    expect(filtered.status).toBe(400);
  });

  it('ignores workflow fields sent through REST, and a copy starts over as a draft', async () => {
    const token = await app.strapi
      .service('admin::api-token')
      .create({ name: `wf-${Date.now()}`, type: 'full-access', lifespan: null, description: 'tests' });
    const res = await request(app.server)
      .post('/api/articles')
      .query({ locale: 'en', status: 'draft' })
      .set(as(token.accessKey))
      .send({ data: { title: 'Sneaky stage', editorialStage: 'approved' } });
    expect(res.status).toBe(201);
    expect(res.body.data).not.toHaveProperty('editorialStage');
    expect((await app.strapi.db.query(ARTICLE as any).findOne({ where: { documentId: res.body.data.documentId } })).editorialStage).toBe(
      'draft',
    );
    const original = await createArticle(app.strapi, 'Original to copy', byline);
    await approve(original);
    const copy = await app.strapi
      .documents(ARTICLE as any)
      .clone({ documentId: original, locale: 'en', data: { title: 'The copy' } } as any);
    const row = await app.strapi.db.query(ARTICLE as any).findOne({ where: { documentId: copy?.documentId } });
    expect(row.editorialStage).toBe('draft');
  });
});

describe('scheduled publishing (time injected, not waited for)', () => {
  it('publishes when due, through the guard, recorded as the scheduler, and announces it', async () => {
    const documentId = await createArticle(app.strapi, 'Scheduled story', byline);
    await approve(documentId);
    const wall = '2030-03-08T09:30';
    const res = await move(documentId, { to: 'scheduled', publishAt: wall, timezone: 'Asia/Shanghai', comment: 'Morning slot' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      stage: 'scheduled',
      publishAt: '2030-03-08T01:30:00.000Z',
      timezone: 'Asia/Shanghai',
      publishAtLocal: '2030-03-08 09:30 Asia/Shanghai (GMT+8)',
    });
    expect(res.body.data.guard).toMatchObject({ ok: true });
    const publishAt = new Date(res.body.data.publishAt);

    const early = await sweep(new Date(publishAt.getTime() - 60_000));
    expect(early.counts.published).toBe(0);
    expect(await publishedCount(app.strapi, [documentId])).toBe(0);

    const report = await sweep(new Date(publishAt.getTime() + 60_000));
    expect(report.results).toContainEqual(expect.objectContaining({ documentId, outcome: 'published' }));
    expect(await publishedCount(app.strapi, [documentId])).toBe(1);
    await settle();
    expect((await checkRecords(documentId)).map((r: any) => [r.outcome, r.actorType])).toEqual([['published', 'scheduler']]);
    const state = await getState(documentId);
    expect(state.body.data).toMatchObject({ stage: 'published', publishAt: null });
    expect(state.body.data.history[0]).toMatchObject({
      kind: 'published',
      fromStage: 'scheduled',
      toStage: 'published',
      actorType: 'scheduler',
      scheduledFor: '2030-03-08T01:30:00.000Z',
    });
    await eventually(() => deliveriesFor(documentId, 'workflow.stage-changed').some((d) => d.body.to === 'published'));
    expect(deliveriesFor(documentId, 'workflow.stage-changed').filter((d) => d.body.to === 'published')).toHaveLength(1);
    const pub = await request(app.server).get(`/api/articles/${documentId}`).query({ locale: 'en' });
    expect(pub.status).toBe(200);

    // A second sweep finds nothing left to do.
    const again = await sweep(new Date(publishAt.getTime() + 120_000));
    expect(again.results.filter((r) => r.documentId === documentId)).toEqual([]);
  });

  it('a failing article stays a draft, goes back as "changes requested" with the findings, and is announced', async () => {
    const documentId = await createArticle(app.strapi, 'Scheduled without a byline', null);
    await approve(documentId);
    const scheduled = await move(documentId, { to: 'scheduled', publishAt: '2030-04-01T08:00', timezone: 'America/New_York' });
    expect(scheduled.status).toBe(200);
    // Shown before it fires: the guard already refuses it.
    expect(scheduled.body.data.guard.ok).toBe(false);
    const upcoming = await request(app.server).get('/editorial-workflow/schedules').query({ view: 'upcoming' }).set(as(jwt.editor));
    expect(upcoming.body.data).toContainEqual(
      expect.objectContaining({ documentId, action: 'publish', guardOk: false, atLocal: '2030-04-01 08:00 America/New_York (EDT)' }),
    );

    const report = await sweep(new Date('2030-04-01T12:01:00.000Z'));
    expect(report.results).toContainEqual(expect.objectContaining({ documentId, outcome: 'failed' }));
    expect(await publishedCount(app.strapi, [documentId])).toBe(0);
    await settle();
    expect((await checkRecords(documentId)).map((r: any) => [r.outcome, r.actorType])).toEqual([['blocked', 'scheduler']]);

    const state = await getState(documentId);
    expect(state.body.data.stage).toBe('changes-requested');
    expect(state.body.data.lastFailure).toMatchObject({
      kind: 'schedule-failed',
      fromStage: 'scheduled',
      toStage: 'changes-requested',
      actorType: 'scheduler',
      scheduledFor: '2030-04-01T12:00:00.000Z',
    });
    expect(state.body.data.lastFailure.findings.map((f: { rule: string }) => f.rule)).toContain('byline.author-required');

    await eventually(
      () =>
        deliveriesFor(documentId, 'workflow.schedule-failed').length >= 1 &&
        deliveriesFor(documentId, 'workflow.stage-changed').some((d) => d.body.to === 'changes-requested'),
    );
    expect(deliveriesFor(documentId, 'workflow.schedule-failed')).toHaveLength(1);
    expect(deliveriesFor(documentId, 'workflow.schedule-failed')[0]!.body.findings.map((f: { rule: string }) => f.rule)).toContain(
      'byline.author-required',
    );

    const failed = await request(app.server).get('/editorial-workflow/schedules').query({ view: 'failed' }).set(as(jwt.editor));
    expect(failed.body.data).toContainEqual(expect.objectContaining({ documentId, kind: 'schedule-failed', stage: 'changes-requested' }));
  });

  it('editing a scheduled entry re-runs the guard; unscheduling is possible until it fires', async () => {
    const documentId = await createArticle(app.strapi, 'Edited while scheduled', byline);
    await approve(documentId);
    expect((await move(documentId, { to: 'scheduled', publishAt: '2030-05-01T10:00' })).status).toBe(200);
    await app.strapi.documents(ARTICLE as any).update({ documentId, locale: 'en', data: { author: null } } as any);
    const state = await getState(documentId);
    expect(state.body.data.guard.ok).toBe(false);
    expect(state.body.data.guard.findings.map((f: { rule: string }) => f.rule)).toContain('byline.author-required');

    const unscheduled = await move(documentId, { to: 'approved', comment: 'Holding it back' });
    expect(unscheduled.status).toBe(200);
    expect(unscheduled.body.data).toMatchObject({ stage: 'approved', publishAt: null });
    expect(unscheduled.body.data.history[0]).toMatchObject({ kind: 'unscheduled', scheduledFor: '2030-05-01T02:00:00.000Z' });
    const report = await sweep(new Date('2030-05-01T03:00:00.000Z'));
    expect(report.results.filter((r) => r.documentId === documentId)).toEqual([]);
  });

  it('refuses times in the past and times the clocks skip', async () => {
    const documentId = await createArticle(app.strapi, 'Bad times', byline);
    await approve(documentId);
    const past = await move(documentId, { to: 'scheduled', publishAt: '2001-01-01T09:00' });
    expect(past.status).toBe(400);
    expect(past.body.error.details.errors[0].path).toEqual(['publishAt']);
    const gap = await move(documentId, { to: 'scheduled', publishAt: '2030-03-10T02:30', timezone: 'America/New_York' });
    expect(gap.status).toBe(400);
    expect(gap.body.error.message).toContain('does not exist in America/New_York');
    const zone = await move(documentId, { to: 'scheduled', publishAt: '2030-03-08T09:00', timezone: 'Asia/Beijing' });
    expect(zone.status).toBe(400);
    expect(zone.body.error.details.errors[0].path).toEqual(['timezone']);
  });

  it('unpublishAt takes a published entry down when due', async () => {
    const documentId = await createArticle(app.strapi, 'Comes down later', byline);
    await approve(documentId);
    expect((await move(documentId, { to: 'published' })).status).toBe(200);
    const set = await setSchedule(documentId, { unpublishAt: '2030-06-01T00:00', timezone: 'UTC' });
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ unpublishAt: '2030-06-01T00:00:00.000Z', unpublishAtLocal: '2030-06-01 00:00 UTC' });

    expect((await sweep(new Date('2030-05-31T23:59:00.000Z'))).results.filter((r) => r.documentId === documentId)).toEqual([]);
    const report = await sweep(new Date('2030-06-01T00:00:30.000Z'));
    expect(report.results).toContainEqual(expect.objectContaining({ documentId, outcome: 'unpublished' }));
    expect(await publishedCount(app.strapi, [documentId])).toBe(0);
    const state = await getState(documentId);
    expect(state.body.data).toMatchObject({ stage: 'draft', unpublishAt: null, hasPublishedVersion: false });
    expect(state.body.data.history[0]).toMatchObject({
      kind: 'unpublished',
      fromStage: 'published',
      toStage: 'draft',
      actorType: 'scheduler',
    });
    expect((await request(app.server).get(`/api/articles/${documentId}`).query({ locale: 'en' })).status).toBe(404);
    const recent = await request(app.server).get('/editorial-workflow/schedules').query({ view: 'recent' }).set(as(jwt.editor));
    expect(recent.body.data).toContainEqual(expect.objectContaining({ documentId, kind: 'unpublished', action: 'unpublish' }));
  });
});

describe('catch-up after downtime', () => {
  it('publishes what fell due while the app was down, and holds what is too late for an editor', async () => {
    const recent = await createArticle(app.strapi, 'Due during the outage', byline);
    const stale = await createArticle(app.strapi, 'Due long before the outage ended', byline);
    for (const id of [recent, stale]) await workflowService().setStage({ uid: ARTICLE, documentId: id, locale: 'en' }, 'approved', 'test');
    await scheduleDirectly(app.strapi, [recent], new Date('2030-07-01T10:00:00.000Z'));
    await scheduleDirectly(app.strapi, [stale], new Date('2030-07-01T07:00:00.000Z'));

    // Every instance goes down; the times pass; the app comes back on the same database.
    await app.stop({ keepDatabase: true });
    app = await startApp('editorial-workflow', { reuseDatabase: true });
    jwt.editor = await adminJwt(app.server, editor!.email, editor!.password);

    const report = await sweep(new Date('2030-07-01T10:30:00.000Z'));
    expect(report.results).toContainEqual(expect.objectContaining({ documentId: recent, outcome: 'published' }));
    expect(report.results).toContainEqual(expect.objectContaining({ documentId: stale, outcome: 'held' }));
    expect(await publishedCount(app.strapi, [recent, stale])).toBe(1);

    const held = await getState(stale);
    expect(held.body.data).toMatchObject({ stage: 'approved', publishAt: null });
    expect(held.body.data.lastFailure).toMatchObject({ kind: 'schedule-held', scheduledFor: '2030-07-01T07:00:00.000Z' });
    expect(held.body.data.lastFailure.comment).toContain('210 minutes later (more than the 60 allowed)');
    // The admin shows the system's sentence in its own language.
    expect(held.body.data.lastFailure.note['zh-Hant']).toContain('晚了 210 分鐘');
    expect(held.body.data.lastFailure.note['zh-Hans']).toContain('超过允许的 60 分钟');
    // The webhook set up before the restart was loaded again from the database.
    await eventually(() => deliveriesFor(stale, 'workflow.schedule-held').length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deliveriesFor(stale, 'workflow.schedule-held')).toHaveLength(1);
  });
});

describe('admin helpers', () => {
  it('lists stages for the list view and filters the Content Manager list by stage', async () => {
    const documentId = await createArticle(app.strapi, 'Listed in review', byline);
    expect((await move(documentId, { to: 'in-review' })).status).toBe(200);
    const stages = await request(app.server)
      .get('/editorial-workflow/stages')
      .query({ contentType: ARTICLE, locale: 'en', documentIds: documentId })
      .set(as(jwt.editor));
    expect(stages.status).toBe(200);
    expect(stages.body.data[documentId]).toMatchObject({ stage: 'in-review' });

    const list = await request(app.server)
      .get(`/content-manager/collection-types/${ARTICLE}`)
      .query({ locale: 'en', 'filters[$and][0][editorialStage][$eq]': 'in-review', pageSize: 100 })
      .set(as(jwt.editor));
    expect(list.status).toBe(200);
    expect(list.body.results.map((r: { documentId: string }) => r.documentId)).toContain(documentId);
    expect(list.body.results.every((r: { editorialStage: string }) => r.editorialStage === 'in-review')).toBe(true);
  });

  it('names assignable users to editors only', async () => {
    expect((await request(app.server).get('/editorial-workflow/assignees').set(as(jwt.author))).status).toBe(403);
    const res = await request(app.server).get('/editorial-workflow/assignees').set(as(jwt.editor));
    expect(res.status).toBe(200);
    expect(res.body.data.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining([editor!.email, author!.email]));
  });
});
