import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { devLogins } from '../../src/bootstrap/dev-admins';
import { ARTICLE } from '../helpers/workflow';

/** An editor does not approve a story they created, unless `allowSelfApproval` is on. */
const [adminLogin, editorLogin] = devLogins();
let app: TestApp;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const entry = (documentId: string) => `/editorial-workflow/entries/${ARTICLE}/${documentId}`;

async function storyBy(token: string, title: string): Promise<string> {
  const res = await request(app.server)
    .post(`/content-manager/collection-types/${ARTICLE}`)
    .query({ locale: 'en' })
    .set(as(token))
    .send({ title, dek: 'dek' });
  expect(res.status).toBe(201);
  const documentId = res.body.data.documentId as string;
  expect(
    (
      await request(app.server)
        .post(`${entry(documentId)}/transition`)
        .set(as(token))
        .send({ locale: 'en', to: 'in-review' })
    ).status,
  ).toBe(200);
  return documentId;
}

async function boot(allow: boolean): Promise<{ admin: string; editor: string }> {
  if (allow) process.env.WORKFLOW_ALLOW_SELF_APPROVAL = 'true';
  try {
    app = await startApp(`self-approval-${allow}`);
  } finally {
    delete process.env.WORKFLOW_ALLOW_SELF_APPROVAL;
  }
  return {
    admin: await adminJwt(app.server, adminLogin!.email, adminLogin!.password),
    editor: await adminJwt(app.server, editorLogin!.email, editorLogin!.password),
  };
}

describe('with allowSelfApproval off (the default)', () => {
  let jwt: { admin: string; editor: string };
  beforeAll(async () => {
    jwt = await boot(false);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('the panel says why the editor cannot approve their own story, and offers no Approve', async () => {
    const own = await storyBy(jwt.editor, 'The editor’s own story');
    const state = await request(app.server).get(entry(own)).query({ locale: 'en' }).set(as(jwt.editor));
    expect(state.body.data.selfApprovalBlocked).toBe(true);
    expect(state.body.data.allowedTargets).not.toContain('approved');
    expect(state.body.data.allowedTargets).toContain('changes-requested');
  });

  it('refuses the approval with a 403 that says what to do; another editor approves it', async () => {
    const own = await storyBy(jwt.editor, 'Another story of the editor’s');
    const refused = await request(app.server)
      .post(`${entry(own)}/transition`)
      .set(as(jwt.editor))
      .send({ locale: 'en', to: 'approved' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/another editor must approve/);
    expect((await app.strapi.db.query(ARTICLE as any).findOne({ where: { documentId: own, publishedAt: null } })).editorialStage).toBe(
      'in-review',
    );

    const byAdmin = await request(app.server)
      .post(`${entry(own)}/transition`)
      .set(as(jwt.admin))
      .send({ locale: 'en', to: 'approved' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.data.stage).toBe('approved');
  });

  it('the editor approves someone else’s story as before', async () => {
    const admins = await storyBy(jwt.admin, 'The Super Admin’s story');
    const state = await request(app.server).get(entry(admins)).query({ locale: 'en' }).set(as(jwt.editor));
    expect(state.body.data.selfApprovalBlocked).toBe(false);
    expect(
      (
        await request(app.server)
          .post(`${entry(admins)}/transition`)
          .set(as(jwt.editor))
          .send({ locale: 'en', to: 'approved' })
      ).status,
    ).toBe(200);
  });
});

describe('with allowSelfApproval on', () => {
  let jwt: { admin: string; editor: string };
  beforeAll(async () => {
    jwt = await boot(true);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a one-person desk approves its own story', async () => {
    const own = await storyBy(jwt.editor, 'A one-person desk’s story');
    expect((await request(app.server).get(entry(own)).query({ locale: 'en' }).set(as(jwt.editor))).body.data.selfApprovalBlocked).toBe(
      false,
    );
    expect(
      (
        await request(app.server)
          .post(`${entry(own)}/transition`)
          .set(as(jwt.editor))
          .send({ locale: 'en', to: 'approved' })
      ).status,
    ).toBe(200);
  });
});
