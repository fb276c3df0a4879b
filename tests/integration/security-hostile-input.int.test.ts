import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { devLogins } from '../../src/bootstrap/dev-admins';
import { demoStoryText } from '../helpers/demo';
import { ARTICLE, createArticle, createByline, type Byline } from '../helpers/workflow';
import { createContributor } from '../helpers/roles';

const [admin, editor, author] = devLogins();
const SECOND_AUTHOR = { email: 'second.author@newsroom.local', password: 'Second-Author-2026' };

let app: TestApp;
let jwt: { admin: string; editor: string; author: string; author2: string; contributor: string };
let byline: Byline;

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const entryUrl = (documentId: string) => `/editorial-workflow/entries/${ARTICLE}/${documentId}`;
const getState = (documentId: string, token: string) =>
  request(app.server).get(entryUrl(documentId)).query({ locale: 'en' }).set(as(token));
const schedules = (token: string, view = 'upcoming') =>
  request(app.server).get('/editorial-workflow/schedules').query({ view }).set(as(token));
const draftRow = (documentId: string) =>
  app.strapi.db.query(ARTICLE as any).findOne({ where: { documentId, locale: 'en', publishedAt: null } });
const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** An article written by `token`'s user in the Content Manager: theirs (createdBy). */
async function articleBy(token: string, title: string): Promise<string> {
  const res = await request(app.server)
    .post(`/content-manager/collection-types/${ARTICLE}`)
    .query({ locale: 'en' })
    .set(as(token))
    .send({ title, dek: `${title}: dek` });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

beforeAll(async () => {
  app = await startApp('security-hostile-input');
  const authorRole = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
  await app.strapi.service('admin::user').create({
    email: SECOND_AUTHOR.email,
    firstname: 'Second',
    lastname: 'Author',
    password: SECOND_AUTHOR.password,
    isActive: true,
    roles: [authorRole.id],
    registrationToken: null,
  });
  await createContributor(app.strapi, 'contributor@newsroom.local', 'Newsroom-Contributor-2026');
  jwt = {
    admin: await adminJwt(app.server, admin!.email, admin!.password),
    editor: await adminJwt(app.server, editor!.email, editor!.password),
    author: await adminJwt(app.server, author!.email, author!.password),
    author2: await adminJwt(app.server, SECOND_AUTHOR.email, SECOND_AUTHOR.password),
    contributor: await adminJwt(app.server, 'contributor@newsroom.local', 'Newsroom-Contributor-2026'),
  };
  byline = await createByline(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

describe('workflow routes check the entry, not only the type', () => {
  let mine: string;
  let adminsPiece: string;
  const secretTitle = 'Author one’s unannounced scoop';
  beforeAll(async () => {
    mine = await articleBy(jwt.author, secretTitle);
    adminsPiece = await articleBy(jwt.admin, 'The Super Admin’s piece');
    // Both scheduled, so they appear on the schedules page.
    await app.strapi.db.query(ARTICLE as any).updateMany({
      where: { documentId: { $in: [mine, adminsPiece] }, locale: 'en' },
      data: { editorialStage: 'scheduled', publishAt: new Date(Date.now() + 86_400_000), timezone: 'Asia/Shanghai' },
    });
  });

  it('another author may read the entry but not move, schedule or assign it (403); an own-entries role may not even read it', async () => {
    for (const token of [jwt.author2, jwt.author, jwt.contributor]) {
      const other = token === jwt.author ? adminsPiece : mine;
      expect((await getState(other, token)).status).toBe(token === jwt.contributor ? 403 : 200);
      expect(
        (
          await request(app.server)
            .post(`${entryUrl(other)}/transition`)
            .set(as(token))
            .send({ locale: 'en', to: 'approved' })
        ).status,
      ).toBe(403);
      expect(
        (
          await request(app.server)
            .post(`${entryUrl(other)}/transition`)
            .set(as(token))
            .send({ locale: 'en', to: 'in-review' })
        ).status,
      ).toBe(403);
      expect(
        (
          await request(app.server)
            .put(`${entryUrl(other)}/schedule`)
            .set(as(token))
            .send({ locale: 'en', publishAt: null })
        ).status,
      ).toBe(403);
      expect(
        (
          await request(app.server)
            .put(`${entryUrl(other)}/assignee`)
            .set(as(token))
            .send({ locale: 'en', assignee: null })
        ).status,
      ).toBe(403);
    }
    expect((await draftRow(mine)).editorialStage).toBe('scheduled');
    expect((await getState(mine, jwt.author)).status).toBe(200);
    expect((await getState(mine, jwt.editor)).status).toBe(200);
  });

  it('the stages list names only entries the caller may read', async () => {
    const ask = (token: string) =>
      request(app.server)
        .get('/editorial-workflow/stages')
        .query({ contentType: ARTICLE, locale: 'en', documentIds: `${mine},${adminsPiece}` })
        .set(as(token));
    const other = await ask(jwt.contributor);
    expect(other.status).toBe(200);
    expect(other.body.data).toEqual({});
    // The Author role reads every story.
    expect(Object.keys((await ask(jwt.author2)).body.data).sort()).toEqual([mine, adminsPiece].sort());
    const all = await ask(jwt.editor);
    expect(Object.keys(all.body.data).sort()).toEqual([mine, adminsPiece].sort());
  });

  it('the schedules list shows an own-entries role only its own entries (no titles of others)', async () => {
    await app.strapi
      .plugin('editorial-workflow')
      .service('entries')
      .record({
        uid: ARTICLE,
        documentId: mine,
        locale: 'en',
        kind: 'schedule-failed',
        from: 'scheduled',
        to: 'changes-requested',
        actor: { type: 'scheduler', name: 'scheduler' },
        comment: 'refused',
      });
    for (const view of ['upcoming', 'failed']) {
      const other = await schedules(jwt.contributor, view);
      expect(other.status).toBe(200);
      expect(JSON.stringify(other.body)).not.toContain(secretTitle);
      expect(other.body.data.map((r: { documentId: string }) => r.documentId)).not.toContain(mine);
      const editors = await schedules(jwt.editor, view);
      expect(editors.body.data.map((r: { documentId: string }) => r.documentId)).toContain(mine);
    }
    // The newsroom's Author reads every story, so sees every schedule.
    const authors = (await schedules(jwt.author2)).body.data.map((r: { documentId: string }) => r.documentId);
    expect(authors).toEqual(expect.arrayContaining([mine, adminsPiece]));
  });
});

describe('schedule input is checked whole before anything is written', () => {
  let documentId: string;
  const put = (body: Record<string, unknown>) =>
    request(app.server)
      .put(`${entryUrl(documentId)}/schedule`)
      .set(as(jwt.editor))
      .send({ locale: 'en', ...body });
  beforeAll(async () => {
    documentId = await createArticle(app.strapi, 'Schedule me sanely', byline);
    await app.strapi
      .plugin('editorial-workflow')
      .service('workflow')
      .setStage({ uid: ARTICLE, documentId, locale: 'en' }, 'approved', 'test');
  });

  it.each([
    ['the issue’s far-future time', { publishAt: '+275760-09-13T00:00:00Z' }, 'publishAt'],
    ['a year 9999 wall-clock time', { publishAt: '9999-01-01T09:00' }, 'publishAt'],
    ['more than ten years ahead', { publishAt: `${new Date().getUTCFullYear() + 11}-01-01T00:00:00Z` }, 'publishAt'],
    ['a far-future unpublishAt', { unpublishAt: '+275760-09-13T00:00:00Z' }, 'unpublishAt'],
    ['an unpublishAt before the publishAt', { publishAt: '2030-01-02T00:00:00Z', unpublishAt: '2030-01-01T00:00:00Z' }, 'unpublishAt'],
    ['an unknown zone', { publishAt: '2030-01-02T09:00', timezone: 'Mars/Olympus' }, 'timezone'],
    ['an offset in place of a zone', { publishAt: '2030-01-02T09:00', timezone: '+08:00' }, 'timezone'],
    ['a time long past', { publishAt: '1970-01-01T00:00:00Z' }, 'publishAt'],
  ])('%s is a 400 and saves nothing', async (_name, body, field) => {
    const before = await draftRow(documentId);
    const res = await put(body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(field);
    const after = await draftRow(documentId);
    expect({ stage: after.editorialStage, publishAt: after.publishAt, unpublishAt: after.unpublishAt, timezone: after.timezone }).toEqual({
      stage: before.editorialStage,
      publishAt: before.publishAt,
      unpublishAt: before.unpublishAt,
      timezone: before.timezone,
    });
    expect((await getState(documentId, jwt.editor)).status).toBe(200);
    expect((await schedules(jwt.editor)).status).toBe(200);
  });

  it('a far-future time through the transition is a 400 too', async () => {
    const res = await request(app.server)
      .post(`${entryUrl(documentId)}/transition`)
      .set(as(jwt.editor))
      .send({ locale: 'en', to: 'scheduled', publishAt: '+275760-09-13T00:00:00Z' });
    expect(res.status).toBe(400);
    expect((await draftRow(documentId)).editorialStage).toBe('approved');
  });

  it('a sane schedule still works', async () => {
    const res = await put({ publishAt: '2030-01-02T09:00', unpublishAt: '2030-02-02T09:00', timezone: 'Asia/Shanghai' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ stage: 'scheduled', publishAt: '2030-01-02T01:00:00.000Z' });
  });

  it('rows already holding impossible times or zones (written before the checks) do not break the views', async () => {
    const meta = app.strapi.db.metadata.get(ARTICLE);
    const column = (name: string) => (meta.attributes[name] as { columnName?: string }).columnName ?? name;
    const postgres = app.strapi.db.dialect.client === 'postgres';
    const values = postgres
      ? ['infinity', '275760-09-13 00:00:00+00', '-infinity']
      : ['+275760-09-13T00:00:00.000Z', 'not a date', '8640000000000000'];
    for (const value of values) {
      await app.strapi.db
        .connection(meta.tableName)
        .where({ document_id: documentId })
        .update({ [column('publishAt')]: value, [column('unpublishAt')]: value, [column('timezone')]: 'Not/AZone' });
      for (const token of [jwt.editor, jwt.admin]) {
        const state = await getState(documentId, token);
        expect(state.status).toBe(200);
        for (const view of ['upcoming', 'failed', 'recent']) expect((await schedules(token, view)).status).toBe(200);
      }
      expect(
        (
          await request(app.server)
            .get('/editorial-workflow/stages')
            .query({ contentType: ARTICLE, locale: 'en', documentIds: documentId })
            .set(as(jwt.editor))
        ).status,
      ).toBe(200);
    }
    // An editor can repair it with a sane schedule.
    const fixed = await put({ publishAt: '2030-01-02T09:00', unpublishAt: null, timezone: 'Asia/Shanghai' });
    expect(fixed.status).toBe(200);
  });
});

describe('import fields are strict', () => {
  const counts = async () => ({
    articles: await app.strapi.db.query(ARTICLE as any).count(),
    authors: await app.strapi.db.query('api::author.author' as any).count(),
    sources: await app.strapi.db.query('api::source.source' as any).count(),
    quotes: await app.strapi.db.query('api::pull-quote.pull-quote' as any).count(),
  });
  const post = () => request(app.server).post('/newsroom/import').set(as(jwt.editor));

  it.each([
    ['dryRun: 1', { dryRun: 1 }, 'dryRun'],
    ['dryRun: {}', { dryRun: {} }, 'dryRun'],
    ['dryRun: "true" in JSON', { dryRun: 'true' }, 'dryRun'],
    ['dryRun: null', { dryRun: null }, 'dryRun'],
    ['dryRun: [true]', { dryRun: [true] }, 'dryRun'],
    ['a misspelt dry_run', { dry_run: true }, 'dry_run'],
    ['locale: 5', { locale: 5, dryRun: true }, 'locale'],
    ['locale: {}', { locale: { $ne: 'x' }, dryRun: true }, 'locale'],
    ['title: {}', { title: {}, dryRun: true }, 'title'],
  ])('%s is a 400 naming the field, and creates nothing', async (_name, fields, field) => {
    const before = await counts();
    const res = await post().send({ text: demoStoryText, ...fields });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('text that is not text is a 400', async () => {
    const before = await counts();
    for (const text of [['a'], { a: 1 }, 42]) {
      const res = await post().send({ text, dryRun: true });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['text']);
    }
    expect(await counts()).toEqual(before);
  });

  it('in a form, "true" is a dry run, "1" or a repeated field is a 400', async () => {
    const before = await counts();
    const dry = await post().field('text', demoStoryText).field('dryRun', 'true');
    expect(dry.status).toBe(200);
    expect(dry.body.data).toMatchObject({ dryRun: true, created: { article: null } });
    const one = await post().field('text', demoStoryText).field('dryRun', '1');
    expect(one.status).toBe(400);
    expect(one.body.error.details.errors[0].path).toEqual(['dryRun']);
    const twice = await post().field('text', demoStoryText).field('dryRun', 'true').field('dryRun', 'false');
    expect(twice.status).toBe(400);
    const file = await post().attach('file', Buffer.from(demoStoryText, 'utf8'), 'story.txt').field('dryRun', 'yes');
    expect(file.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe('Document Service calls must name one document', () => {
  const published = () => app.strapi.db.query(ARTICLE as any).count({ where: { publishedAt: { $notNull: true } } });
  const rows = () => app.strapi.db.query(ARTICLE as any).count();
  let drafts: string[];
  beforeAll(async () => {
    drafts = [];
    for (let i = 0; i < 3; i += 1) {
      const id = await createArticle(app.strapi, `Approved draft ${i}`, byline);
      await app.strapi
        .plugin('editorial-workflow')
        .service('workflow')
        .setStage({ uid: ARTICLE, documentId: id, locale: 'en' }, 'approved', 'test');
      drafts.push(id);
    }
  });

  const hostile: Array<[string, unknown]> = [
    ['{ $ne: "x" }', { $ne: 'x' }],
    ['{ $in: [...] }', { $in: ['a', 'b'] }],
    ['an array', ['a', 'b']],
    ['a number', 1],
    ['an empty string', ''],
    ['null', null],
    ['undefined', undefined],
  ];

  it.each(hostile)(
    'documentId %s is refused by publish, unpublish, discardDraft, update and delete; nothing changes',
    async (_name, documentId) => {
      const before = { published: await published(), rows: await rows() };
      const docs = app.strapi.documents(ARTICLE as any) as any;
      const calls: Array<() => Promise<unknown>> = [
        () => docs.publish({ documentId, locale: 'en' }),
        () => docs.publish({ documentId, locale: '*' }),
        () => docs.unpublish({ documentId, locale: 'en' }),
        () => docs.discardDraft({ documentId, locale: 'en' }),
        () => docs.update({ documentId, locale: 'en', data: { title: 'overwritten' } }),
        () => docs.update({ documentId, locale: 'en', data: { title: 'overwritten' }, status: 'published' }),
        () => docs.delete({ documentId, locale: '*' }),
      ];
      for (const call of calls) await expect(call()).rejects.toMatchObject({ name: 'ValidationError' });
      expect({ published: await published(), rows: await rows() }).toEqual(before);
      expect(await app.strapi.db.query(ARTICLE as any).count({ where: { title: 'overwritten' } })).toBe(0);
    },
  );

  it('a plain id still publishes that one document', async () => {
    const before = await published();
    await app.strapi.documents(ARTICLE as any).publish({ documentId: drafts[0]!, locale: 'en' } as any);
    expect(await published()).toBe(before + 1);
  });
});

describe('deeply nested input is a 400, never a 500', () => {
  it('POST /admin/login with a 10,000-deep JSON body', async () => {
    const res = await request(app.server).post('/admin/login').set('Content-Type', 'application/json').send(deep(10_000));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/nested too deeply/u);
    const wrapped = await request(app.server)
      .post('/admin/login')
      .set('Content-Type', 'application/json')
      .send(`{"email":${deep(10_000)},"password":"x"}`);
    expect(wrapped.status).toBe(400);
    const array = await request(app.server)
      .post('/admin/login')
      .set('Content-Type', 'application/json')
      .send('['.repeat(10_000) + ']'.repeat(10_000));
    expect(array.status).toBe(400);
  });

  it('the same on the content API, admin and plugin routes', async () => {
    const body = `{"data":${deep(5_000)}}`;
    for (const [method, url] of [
      ['post', '/api/articles'],
      ['put', '/api/articles/x'],
      ['post', `/content-manager/collection-types/${ARTICLE}`],
      ['put', `${entryUrl('x')}/schedule`],
      ['post', '/newsroom/import'],
      ['post', '/api/auth/local'],
    ] as const) {
      const res = await request(app.server)[method](url).set(as(jwt.editor)).set('Content-Type', 'application/json').send(body);
      expect([url, res.status]).toEqual([url, 400]);
    }
  });

  it('urlencoded and multipart forms with a[b][c]… 10,000 deep', async () => {
    const key = `a${'[b]'.repeat(10_000)}`;
    const form = await request(app.server).post('/admin/login').set('Content-Type', 'application/x-www-form-urlencoded').send(`${key}=1`);
    expect(form.status).toBe(400);
    const multipartName = await request(app.server).post('/newsroom/import').set(as(jwt.editor)).field(key, '1');
    expect(multipartName.status).toBe(400);
    const multipartJson = await request(app.server)
      .post('/upload')
      .set(as(jwt.editor))
      .field('fileInfo', deep(10_000))
      .attach('files', Buffer.from('x'), 'x.txt');
    expect(multipartJson.status).toBe(400);
  });

  it('a 10,000-deep query string on GET', async () => {
    for (const url of ['/api/articles', '/admin/users/me', '/editorial-workflow/schedules']) {
      // 10,000 levels make a URL longer than Node accepts (431); 2,000 levels reach the app.
      const huge = await request(app.server)
        .get(`${url}?filters${'[a]'.repeat(10_000)}=1`)
        .set(as(jwt.editor));
      expect(huge.status).toBeLessThan(500);
      const res = await request(app.server)
        .get(`${url}?filters${'[a]'.repeat(2_000)}=1`)
        .set(as(jwt.editor));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/nested too deeply/u);
    }
    // A normal filter (a few levels) is untouched.
    expect((await request(app.server).get('/api/articles?filters[author][name][$eq]=x')).status).toBe(200);
  });

  it('ordinary requests are unaffected: a login and a deep-enough Blocks body', async () => {
    expect((await request(app.server).post('/admin/login').send({ email: editor!.email, password: editor!.password })).status).toBe(200);
    let node: Record<string, unknown> = { type: 'text', text: 'leaf' };
    for (let i = 0; i < 8; i += 1) node = { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [node] }] };
    const res = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}`)
      .query({ locale: 'en' })
      .set(as(jwt.editor))
      .send({ title: 'Nested lists', body: [node] });
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body)).not.toMatch(/nested too deeply/u);
  });
});
