import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { demoData } from '../helpers/demo';
import { devLogins } from '../../src/bootstrap/dev-admins';

/**
 * The default roles as a newsroom works, through the Content Manager's own routes: a writer (Author)
 * reads every story and record and picks any author and outlet, writes and edits only their own
 * drafts, and cannot publish or change the records; an existing database is brought to the same.
 */
const ARTICLE = 'api::article.article';
const AUTHOR = 'api::author.author';
const SOURCE = 'api::source.source';
const CM = '/content-manager/collection-types';
const [, editorLogin, authorLogin] = devLogins();
const NAME = 'newsroom-roles';

let app: TestApp;
let author: string;
let editor: string;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });

async function login(): Promise<void> {
  author = await adminJwt(app.server, authorLogin!.email, authorLogin!.password);
  editor = await adminJwt(app.server, editorLogin!.email, editorLogin!.password);
}

beforeAll(async () => {
  app = await startApp(NAME);
  await login();
});
afterAll(async () => {
  await app?.stop();
});

describe('the Author', () => {
  it('sees every story in the list and opens the demo story', async () => {
    const list = await request(app.server).get(`${CM}/${ARTICLE}`).query({ locale: 'zh-Hant' }).set(as(author));
    expect(list.status).toBe(200);
    expect(list.body.results.map((r: { title: string }) => r.title).sort()).toEqual([demoData.draft.title, demoData.title].sort());
    const story = list.body.results.find((r: { title: string }) => r.title === demoData.title);
    const one = await request(app.server).get(`${CM}/${ARTICLE}/${story.documentId}`).query({ locale: 'zh-Hant' }).set(as(author));
    expect(one.status).toBe(200);
    expect(one.body.data.title).toBe(demoData.title);
  });

  it('finds the published author and outlet in the relation pickers', async () => {
    const pick = (field: string) =>
      request(app.server).get(`/content-manager/relations/${ARTICLE}/${field}`).query({ locale: 'zh-Hant', pageSize: 50 }).set(as(author));
    const authors = await pick('author');
    expect(authors.status).toBe(200);
    expect(authors.body.results.map((r: { name: string }) => r.name)).toContain('koorvoa');
    const sources = await pick('source');
    expect(sources.status).toBe(200);
    expect(sources.body.results.map((r: { name: string }) => r.name).join(' ')).toContain('TrueView');
    for (const type of [AUTHOR, SOURCE, 'api::pull-quote.pull-quote']) {
      const res = await request(app.server).get(`${CM}/${type}`).query({ locale: 'zh-Hant' }).set(as(author));
      expect([type, res.status, res.body.results.length > 0]).toEqual([type, 200, true]);
    }
  });

  it('writes a draft with the demo byline and edits it, but not anyone else’s story', async () => {
    const pick = async (type: string, name: string) =>
      (await app.strapi.db.query(type as any).findOne({ where: { name, publishedAt: { $notNull: true } } })).documentId as string;
    const data = {
      title: '作者自己寫的稿件',
      dek: '摘要',
      author: { connect: [{ documentId: await pick(AUTHOR, 'koorvoa'), locale: 'zh-Hant' }] },
    };
    const created = await request(app.server).post(`${CM}/${ARTICLE}`).query({ locale: 'zh-Hant' }).set(as(author)).send(data);
    expect(created.status).toBe(201);
    const own = created.body.data.documentId as string;
    expect(
      (await request(app.server).put(`${CM}/${ARTICLE}/${own}`).query({ locale: 'zh-Hant' }).set(as(author)).send({ title: '改過的標題' }))
        .status,
    ).toBe(200);

    const demo = await app.strapi.db.query(ARTICLE as any).findOne({ where: { title: demoData.title, publishedAt: null } });
    const edit = await request(app.server)
      .put(`${CM}/${ARTICLE}/${demo.documentId}`)
      .query({ locale: 'zh-Hant' })
      .set(as(author))
      .send({ title: '作者改別人的稿' });
    expect(edit.status).toBe(403);
    expect((await app.strapi.db.query(ARTICLE as any).findOne({ where: { id: demo.id } })).title).toBe(demoData.title);
    expect(
      (await request(app.server).delete(`${CM}/${ARTICLE}/${demo.documentId}`).query({ locale: 'zh-Hant' }).set(as(author))).status,
    ).toBe(403);
  });

  it('cannot publish, not even their own draft', async () => {
    const created = await request(app.server)
      .post(`${CM}/${ARTICLE}`)
      .query({ locale: 'zh-Hant' })
      .set(as(author))
      .send({ title: '想直接發布的稿件' });
    const res = await request(app.server)
      .post(`${CM}/${ARTICLE}/${created.body.data.documentId}/actions/publish`)
      .query({ locale: 'zh-Hant' })
      .set(as(author))
      .send({});
    expect(res.status).toBe(403);
    expect(
      await app.strapi.db
        .query(ARTICLE as any)
        .count({ where: { documentId: created.body.data.documentId, publishedAt: { $notNull: true } } }),
    ).toBe(0);
  });

  it('cannot create or change author and outlet records', async () => {
    expect(
      (await request(app.server).post(`${CM}/${AUTHOR}`).query({ locale: 'zh-Hant' }).set(as(author)).send({ name: '自封的作者' })).status,
    ).toBe(403);
    expect((await request(app.server).post(`${CM}/${SOURCE}`).set(as(author)).send({ name: '自封的媒體' })).status).toBe(403);
    const koorvoa = await app.strapi.db.query(AUTHOR as any).findOne({ where: { name: 'koorvoa', publishedAt: null } });
    expect(
      (
        await request(app.server)
          .put(`${CM}/${AUTHOR}/${koorvoa.documentId}`)
          .query({ locale: 'zh-Hant' })
          .set(as(author))
          .send({ displayName: '改名' })
      ).status,
    ).toBe(403);
  });

  it('sees every photo in the media library', async () => {
    const files = await request(app.server).get('/upload/files').set(as(author));
    expect(files.status).toBe(200);
    expect(files.body.results.length).toBeGreaterThan(0);
  });

  it('the Editor still publishes and edits everything', async () => {
    const koorvoa = await app.strapi.db.query(AUTHOR as any).findOne({ where: { name: 'koorvoa', publishedAt: null } });
    expect(
      (
        await request(app.server)
          .put(`${CM}/${AUTHOR}/${koorvoa.documentId}`)
          .query({ locale: 'zh-Hant' })
          .set(as(editor))
          .send({ bio: '編者改過的簡介' })
      ).status,
    ).toBe(200);
  });
});

describe('an existing database', () => {
  it('is brought to the newsroom Author role once, and an administrator’s later change stands', async () => {
    // The database as it was before: the Author reads only their own entries and manages records.
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
    const readRows = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: role.id, action: 'plugin::content-manager.explorer.read' } });
    for (const row of readRows)
      await app.strapi.db.query('admin::permission').update({ where: { id: row.id }, data: { conditions: ['admin::is-creator'] } });
    await app.strapi.service('admin::permission').createMany([
      {
        action: 'plugin::content-manager.explorer.create',
        subject: AUTHOR,
        properties: { locales: ['zh-Hant'] },
        conditions: ['admin::is-creator'],
        role: role.id,
      },
    ]);
    await app.strapi.store({ type: 'core', name: 'newsroom' }).delete({ key: 'roles:newsroom-author-v1' });

    await app.stop({ keepDatabase: true });
    app = await startApp(NAME, { reuseDatabase: true });
    await login();
    const rows = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: role.id, action: { $startsWith: 'plugin::content-manager.explorer.' } } });
    expect(
      rows.filter((r: { action: string }) => r.action.endsWith('.read')).every((r: { conditions: string[] }) => r.conditions.length === 0),
    ).toBe(true);
    expect(
      rows.filter((r: { subject: string }) => r.subject === AUTHOR || r.subject === SOURCE).map((r: { action: string }) => r.action),
    ).toEqual(expect.not.arrayContaining(['plugin::content-manager.explorer.create']));
    expect(
      (await request(app.server).get(`${CM}/${ARTICLE}`).query({ locale: 'zh-Hant' }).set(as(author))).body.results.length,
    ).toBeGreaterThan(1);

    // An administrator narrows the Author again; the next start leaves it so.
    const readRow = rows.find((r: { action: string; subject: string }) => r.action.endsWith('.read') && r.subject === ARTICLE);
    await app.strapi.db.query('admin::permission').update({ where: { id: readRow.id }, data: { conditions: ['admin::is-creator'] } });
    await app.stop({ keepDatabase: true });
    app = await startApp(NAME, { reuseDatabase: true });
    expect((await app.strapi.db.query('admin::permission').findOne({ where: { id: readRow.id } })).conditions).toEqual([
      'admin::is-creator',
    ]);
  });
});
