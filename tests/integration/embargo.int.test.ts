import request from 'supertest';
import { adminJwt, fullAccessToken, startApp, type TestApp } from '../helpers/strapi';
import { devLogins } from '../../src/bootstrap/dev-admins';
import { ARTICLE, createArticle, createByline } from '../helpers/workflow';

/**
 * An embargo holds a story back on every route until it lifts: the Publish button, REST, GraphQL,
 * the Document Service, the guard's override and the scheduler. It is set and lifted through the
 * workflow, recorded in the history, shown in the verdict, and the schedules page lists it.
 */
const [adminLogin, editorLogin, authorLogin] = devLogins();
let app: TestApp;
let admin: string;
let editor: string;
let author: string;
let token: string;
const as = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
const entry = (documentId: string) => `/editorial-workflow/entries/${ARTICLE}/${documentId}`;
const LIFTS = '2031-05-04T09:30';
const LIFTS_LOCAL = '2031-05-04 09:30 Asia/Taipei (GMT+8)';

async function approvedStory(title: string): Promise<string> {
  const documentId = await createArticle(app.strapi, title, await createByline(app.strapi));
  for (const to of ['in-review', 'approved']) {
    const res = await request(app.server)
      .post(`${entry(documentId)}/transition`)
      .set(as(admin))
      .send({ locale: 'en', to });
    expect(res.status).toBe(200);
  }
  return documentId;
}

const embargo = (documentId: string, until: string | null, jwt = editor) =>
  request(app.server)
    .put(`${entry(documentId)}/embargo`)
    .set(as(jwt))
    .send({ locale: 'en', until, timezone: 'Asia/Taipei' });

const published = (documentId: string) =>
  app.strapi.db.query(ARTICLE as any).count({ where: { documentId, locale: 'en', publishedAt: { $notNull: true } } });

const expectEmbargoRefusal = (body: any) => {
  expect(body.error.name).toBe('ValidationError');
  expect(body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'embargo.active', locale: 'en' })]));
  expect(body.error.message).toContain(LIFTS_LOCAL);
};

beforeAll(async () => {
  app = await startApp('embargo');
  admin = await adminJwt(app.server, adminLogin!.email, adminLogin!.password);
  editor = await adminJwt(app.server, editorLogin!.email, editorLogin!.password);
  author = await adminJwt(app.server, authorLogin!.email, authorLogin!.password);
  token = await fullAccessToken(app.strapi);
});

afterAll(async () => {
  await app?.stop();
});

describe('setting an embargo', () => {
  it('shows in the workflow state, the verdict and the history, in three languages', async () => {
    const documentId = await approvedStory('Embargo: state');
    const res = await embargo(documentId, LIFTS);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      embargoUntilLocal: LIFTS_LOCAL,
      embargoUntil: '2031-05-04T01:30:00.000Z',
      gates: { status: { kind: 'embargoed', detail: LIFTS_LOCAL } },
    });
    expect(res.body.data.gates.reasons.map((r: { rule: string }) => r.rule)).toEqual(['embargo.active']);
    expect(res.body.data.gates.reasons[0].message['zh-Hant']).toContain(`禁發至 ${LIFTS_LOCAL}`);
    expect(res.body.data.history[0]).toMatchObject({ kind: 'embargo-set', note: { 'zh-Hans': `设定禁发至 ${LIFTS_LOCAL}` } });

    // The guard's check (the attribution panel and the Publish dialog) gives the same verdict.
    const check = await request(app.server)
      .post('/attribution-guard/check')
      .set(as(editor))
      .send({ contentType: ARTICLE, documentId, locale: 'en' });
    expect(check.body.data.gates.status).toEqual({ kind: 'embargoed', detail: LIFTS_LOCAL });
  });

  it('is refused to an author (no schedule permission), in the past, and as nonsense', async () => {
    const documentId = await approvedStory('Embargo: refusals');
    expect((await embargo(documentId, LIFTS, author)).status).toBe(403);
    const past = await embargo(documentId, '2020-01-01T00:00');
    expect(past.status).toBe(400);
    expect(past.body.error.details.errors[0].path).toEqual(['until']);
    const nonsense = await embargo(documentId, 'next tuesday');
    expect(nonsense.status).toBe(400);
    expect(nonsense.body.error.details.errors[0].path).toEqual(['until']);
    expect((await request(app.server).get(entry(documentId)).query({ locale: 'en' }).set(as(editor))).body.data.embargoUntil).toBeNull();
  });
});

describe('no route publishes an embargoed story', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = await approvedStory('Embargo: every route');
    expect((await embargo(documentId, LIFTS)).status).toBe(200);
  });

  it('the Publish button (Content Manager publish action)', async () => {
    const res = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`)
      .query({ locale: 'en' })
      .set(as(admin))
      .send({});
    expect(res.status).toBe(400);
    expectEmbargoRefusal(res.body);
  });

  it('bulk publish', async () => {
    const res = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/actions/bulkPublish`)
      .query({ locale: 'en' })
      .set(as(admin))
      .send({ documentIds: [documentId] });
    expect(res.status).toBe(400);
    expectEmbargoRefusal(res.body);
    expect(await published(documentId)).toBe(0);
  });

  it('REST, which publishes on update', async () => {
    const res = await request(app.server)
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'en' })
      .set(as(token))
      .send({ data: { dek: 'changed over REST' } });
    expect(res.status).toBe(400);
    expectEmbargoRefusal(res.body);
  });

  it('GraphQL, which publishes on update', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .set(as(token))
      .send({
        query:
          'mutation($id: ID!) { updateArticle(documentId: $id, locale: "en", status: PUBLISHED, data: { dek: "changed over GraphQL" }) { documentId } }',
        variables: { id: documentId },
      });
    expect(res.body.errors?.[0]?.message ?? '').toContain('embargo');
    expect(await published(documentId)).toBe(0);
  });

  it('the Document Service and the guard’s override with a reason', async () => {
    await expect(app.strapi.documents(ARTICLE as any).publish({ documentId, locale: 'en' })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ rule: 'embargo.active', overridable: false })] },
    });
    const override = await request(app.server)
      .post('/attribution-guard/publish')
      .set(as(admin))
      .send({ contentType: ARTICLE, documentId, locale: 'en', reason: 'The source lifted it by phone.' });
    expect(override.status).toBe(400);
    expectEmbargoRefusal(override.body);
    expect(await published(documentId)).toBe(0);
    // Every refused attempt is in the story's history, with the embargo as the reason.
    await app.strapi.plugin('attribution-guard').service('records').settled();
    const records = await request(app.server)
      .get('/attribution-guard/records')
      .query({ contentType: ARTICLE, documentId, locale: 'en' })
      .set(as(editor));
    expect(
      records.body.data.some(
        (r: { outcome: string; findings: Array<{ rule: string }> }) =>
          r.outcome === 'blocked' && r.findings.some((f) => f.rule === 'embargo.active'),
      ),
    ).toBe(true);
  });

  it('the public API never shows it', async () => {
    const list = await request(app.server).get('/api/articles').query({ locale: 'en', 'filters[documentId][$eq]': documentId });
    expect(list.body.data).toEqual([]);
    expect((await request(app.server).get(`/api/articles/${documentId}`).query({ locale: 'en' })).status).toBe(404);
  });
});

describe('schedules and the embargo', () => {
  it('refuses a schedule before the embargo lifts, takes one after, and the schedules page lists it', async () => {
    const documentId = await approvedStory('Embargo: schedule');
    expect((await embargo(documentId, LIFTS)).status).toBe(200);
    const early = await request(app.server)
      .post(`${entry(documentId)}/transition`)
      .set(as(editor))
      .send({ locale: 'en', to: 'scheduled', publishAt: '2031-05-04T09:00', timezone: 'Asia/Taipei' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain(`The embargo lifts at ${LIFTS_LOCAL}`);

    const listed = await request(app.server).get('/editorial-workflow/schedules').query({ view: 'embargoed' }).set(as(editor));
    expect(listed.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ documentId, action: 'embargo', atLocal: LIFTS_LOCAL })]),
    );

    const onTime = await request(app.server)
      .post(`${entry(documentId)}/transition`)
      .set(as(editor))
      .send({ locale: 'en', to: 'scheduled', publishAt: LIFTS, timezone: 'Asia/Taipei' });
    expect(onTime.status).toBe(200);
    // An embargo that would outlast the schedule is refused: the schedule could only fail.
    const later = await embargo(documentId, '2031-05-05T09:30');
    expect(later.status).toBe(400);
    expect(later.body.error.message).toMatch(/reschedule/);
  });

  it('the scheduler cannot publish it early either: the sweep is refused and the entry goes back', async () => {
    const documentId = await approvedStory('Embargo: sweep');
    expect((await embargo(documentId, LIFTS)).status).toBe(200);
    // A schedule due now, written past the checks (as a row from before the embargo would be).
    await app.strapi.db
      .query(ARTICLE as any)
      .updateMany({ where: { documentId, locale: 'en' }, data: { editorialStage: 'scheduled', publishAt: new Date(Date.now() - 60_000) } });
    await app.strapi.plugin('editorial-workflow').service('scheduler').sweep();
    expect(await published(documentId)).toBe(0);
    const state = await request(app.server).get(entry(documentId)).query({ locale: 'en' }).set(as(editor));
    expect(state.body.data.stage).toBe('changes-requested');
    expect(state.body.data.lastFailure.findings.map((f: { rule: string }) => f.rule)).toContain('embargo.active');
  });

  it('lifting it lets the story out, and the history has both', async () => {
    const documentId = await approvedStory('Embargo: lifted');
    expect((await embargo(documentId, LIFTS)).status).toBe(200);
    const lifted = await embargo(documentId, null);
    expect(lifted.status).toBe(200);
    expect(lifted.body.data.embargoUntil).toBeNull();
    expect(lifted.body.data.gates).toEqual({ reasons: [], status: { kind: 'ready', detail: null } });
    expect(lifted.body.data.history.slice(0, 2).map((h: { kind: string }) => h.kind)).toEqual(['embargo-lifted', 'embargo-set']);
    await app.strapi.documents(ARTICLE as any).publish({ documentId, locale: 'en' });
    expect(await published(documentId)).toBe(1);
  });

  it('the embargo field is private: never in a public or REST response', async () => {
    const documentId = await approvedStory('Embargo: private');
    expect((await embargo(documentId, LIFTS)).status).toBe(200);
    const res = await request(app.server).get(`/api/articles/${documentId}`).query({ locale: 'en', status: 'draft' }).set(as(token));
    expect(JSON.stringify(res.body)).not.toContain('embargoUntil');
  });
});
