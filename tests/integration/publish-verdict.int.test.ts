import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { devLogins } from '../../src/bootstrap/dev-admins';
import { ARTICLE, createArticle, createByline } from '../helpers/workflow';

/**
 * One verdict and one history: the guard's check names what the workflow still needs; a publish the
 * workflow refuses is recorded like one the guard refuses; a refusal of the admin's pre-check is
 * recorded with the server's own findings.
 */
const [adminLogin, editorLogin, authorLogin] = devLogins();
let app: TestApp;
let admin: string;
let editor: string;
let author: string;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const entry = (documentId: string) => `/editorial-workflow/entries/${ARTICLE}/${documentId}`;

async function records(documentId: string) {
  await app.strapi.plugin('attribution-guard').service('records').settled();
  const res = await request(app.server)
    .get('/attribution-guard/records')
    .query({ contentType: ARTICLE, documentId, locale: 'en' })
    .set(as(editor));
  expect(res.status).toBe(200);
  return res.body.data as Array<{
    outcome: string;
    actor: string;
    findings: Array<{ rule: string; severity: string; message: Record<string, string> }>;
  }>;
}

async function move(documentId: string, to: string) {
  const res = await request(app.server)
    .post(`${entry(documentId)}/transition`)
    .set(as(admin))
    .send({ locale: 'en', to });
  expect(res.status).toBe(200);
  return res.body.data;
}

beforeAll(async () => {
  app = await startApp('publish-verdict');
  admin = await adminJwt(app.server, adminLogin!.email, adminLogin!.password);
  editor = await adminJwt(app.server, editorLogin!.email, editorLogin!.password);
  author = await adminJwt(app.server, authorLogin!.email, authorLogin!.password);
});

afterAll(async () => {
  await app?.stop();
});

describe('the check names what the workflow still needs', () => {
  it('a clean draft needs review, then approval; approved is ready; scheduled names its time and zone', async () => {
    const documentId = await createArticle(app.strapi, 'Verdict: clean draft', await createByline(app.strapi));
    const check = async () =>
      (await request(app.server).post('/attribution-guard/check').set(as(editor)).send({ contentType: ARTICLE, documentId, locale: 'en' }))
        .body.data;

    let result = await check();
    expect(result.ok).toBe(true);
    expect(result.gates.status).toEqual({ kind: 'needs-review', detail: null });
    expect(result.gates.reasons.map((r: { rule: string }) => r.rule)).toEqual(['workflow.approval-required']);
    expect(Object.keys(result.gates.reasons[0].message).sort()).toEqual(['en', 'zh-Hans', 'zh-Hant']);

    await move(documentId, 'in-review');
    result = await check();
    expect(result.gates.status.kind).toBe('needs-approval');
    expect(result.gates.reasons[0].message.en).toMatch(/Waiting for approval/);

    const approved = await move(documentId, 'approved');
    expect(approved.gates).toEqual({ reasons: [], status: { kind: 'ready', detail: null } });
    expect(approved.guard.ok).toBe(true);
    result = await check();
    expect(result.gates).toEqual({ reasons: [], status: { kind: 'ready', detail: null } });

    const scheduled = await request(app.server)
      .post(`${entry(documentId)}/transition`)
      .set(as(admin))
      .send({ locale: 'en', to: 'scheduled', publishAt: '2031-05-04T09:30', timezone: 'Asia/Taipei' });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.data.publishAtLocal).toBe('2031-05-04 09:30 Asia/Taipei (GMT+8)');
    expect((await check()).gates.status).toEqual({ kind: 'scheduled', detail: '2031-05-04 09:30 Asia/Taipei (GMT+8)' });
  });
});

describe('every refused publish is recorded, whichever gate refused it', () => {
  it('a publish the workflow refuses (not approved) is in the history with the approval reason', async () => {
    const documentId = await createArticle(app.strapi, 'Verdict: unapproved', await createByline(app.strapi));
    const res = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`)
      .query({ locale: 'en' })
      .set(as(editor))
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].rule).toBe('workflow.approval-required');
    const history = await records(documentId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ outcome: 'blocked', actor: editorLogin!.email });
    expect(history[0]!.findings.map((f) => f.rule)).toEqual(['workflow.approval-required']);
    expect(history[0]!.findings[0]!.message['zh-Hant']).toMatch(/尚未核准/);
    // Nothing was published.
    expect(await app.strapi.documents(ARTICLE as any).findOne({ documentId, locale: 'en', status: 'published' })).toBeNull();
  });

  it('a publish the guard refuses is recorded once, and a later successful one too', async () => {
    const documentId = await createArticle(app.strapi, 'Verdict: no byline', null);
    await move(documentId, 'in-review');
    await move(documentId, 'approved');
    const refused = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`)
      .query({ locale: 'en' })
      .set(as(editor))
      .send({});
    expect(refused.status).toBe(400);
    const byline = await createByline(app.strapi);
    const published = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`)
      .query({ locale: 'en' })
      .set(as(editor))
      .send({ author: byline.author, source: byline.source });
    expect(published.status).toBe(200);
    expect((await records(documentId)).map((r) => r.outcome)).toEqual(['published', 'blocked']);
  });

  it('a refusal of the admin’s pre-check is recorded with the server’s findings and the workflow’s reason', async () => {
    const documentId = await createArticle(app.strapi, 'Verdict: pre-check', await createByline(app.strapi));
    // The form as the editor has it: the byline removed, not saved.
    const res = await request(app.server)
      .post('/attribution-guard/records')
      .set(as(editor))
      .send({ contentType: ARTICLE, documentId, locale: 'en', data: { author: null } });
    expect(res.status).toBe(201);
    const history = await records(documentId);
    expect(history).toHaveLength(1);
    expect(history[0]!.outcome).toBe('blocked');
    expect(history[0]!.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['workflow.approval-required', 'byline.author-required']),
    );
  });

  it('only someone who may edit the story may add a refusal to its history', async () => {
    const documentId = await createArticle(app.strapi, 'Verdict: someone else’s', await createByline(app.strapi));
    // The Author reads every story but edits only their own: a refusal on this one is not theirs to report.
    const res = await request(app.server)
      .post('/attribution-guard/records')
      .set(as(author))
      .send({ contentType: ARTICLE, documentId, locale: 'en', data: { author: null } });
    expect(res.status).toBe(403);
    expect(await records(documentId)).toEqual([]);
  });

  it('refuses to record a refusal when nothing stops the publish, and answers 400 for bad input', async () => {
    const documentId = await createArticle(app.strapi, 'Verdict: publishable', await createByline(app.strapi));
    await move(documentId, 'in-review');
    await move(documentId, 'approved');
    const nothing = await request(app.server)
      .post('/attribution-guard/records')
      .set(as(editor))
      .send({ contentType: ARTICLE, documentId, locale: 'en' });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.message).toMatch(/Nothing stops this publish/);
    expect(await records(documentId)).toEqual([]);
    const unknown = await request(app.server)
      .post('/attribution-guard/records')
      .set(as(editor))
      .send({ contentType: ARTICLE, documentId, findings: [] });
    expect(unknown.status).toBe(400);
  });

  it('an author’s refused Publish is recorded under their name', async () => {
    const theirs = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}`)
      .query({ locale: 'en' })
      .set(as(author))
      .send({ title: 'Verdict: the author’s' });
    expect(theirs.status).toBe(201);
    const documentId = theirs.body.data.documentId as string;
    expect(
      (
        await request(app.server)
          .post('/attribution-guard/records')
          .set(as(author))
          .send({ contentType: ARTICLE, documentId, locale: 'en' })
      ).status,
    ).toBe(201);
    const history = await records(documentId);
    expect(history.map((r) => [r.outcome, r.actor])).toEqual([['blocked', authorLogin!.email]]);
  });
});

describe('the article list', () => {
  it('shows title, author and updated by default (the plugins add Stage and Attribution after the title)', async () => {
    const res = await request(app.server).get(`/content-manager/content-types/${ARTICLE}/configuration`).set(as(editor));
    expect(res.status).toBe(200);
    expect(res.body.data.contentType.layouts.list).toEqual(['title', 'author', 'updatedAt']);
  });
});
