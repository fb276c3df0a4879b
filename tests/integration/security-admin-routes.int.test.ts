import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { demoData } from '../helpers/demo';
import { createStory, demoCast, publishAuthorsIn, type DemoCast } from '../helpers/stories';
import { createContributor } from '../helpers/roles';

/**
 * Custom admin routes decide on the ENTRY, with the role's conditions. The newsroom's Author reads every
 * story and file but may not re-credit, convert or publish anyone else's work; a custom "own entries
 * only" role (a Contributor) may not even read, check or see the history of anyone else's.
 */
const ARTICLE = 'api::article.article';
const FILE = 'plugin::upload.file';
const RECORD = 'plugin::attribution-guard.check-record';
const CREDIT = 'plugin::attribution-guard.media-credit';
type Row = Record<string, any>;

let app: TestApp;
let admin: string;
let editor: string;
let author: string;
let author2: string;
let contributor: string;
let users: Record<'admin' | 'editor' | 'author' | 'author2' | 'contributor', number>;
let cast: DemoCast;
/** The Super Admin's published demo story, its cover photo (the Super Admin's file), and the demo draft. */
let liveStory: string;
let liveFileId: number;
let draftId: string;
/** Drafts the first Author created, and one the second Author created. */
let ownDraft: string;
let ownDraft2: string;
let otherAuthorsDraft: string;
let contributorsDraft: string;

const as = (jwt: string) => ({
  get: (url: string) => request(app.server).get(url).set('Authorization', `Bearer ${jwt}`),
  post: (url: string, body: object) => request(app.server).post(url).set('Authorization', `Bearer ${jwt}`).send(body),
  put: (url: string, body: object) => request(app.server).put(url).set('Authorization', `Bearer ${jwt}`).send(body),
});

async function setCreator(documentId: string, userId: number): Promise<void> {
  const rows = await app.strapi.db.query(ARTICLE as any).findMany({ where: { documentId }, select: ['id'] });
  for (const row of rows) await app.strapi.db.query(ARTICLE as any).update({ where: { id: row.id }, data: { createdBy: userId } });
}

async function fileOf(userId: number, name: string): Promise<Row> {
  const { id: _id, documentId: _doc, createdAt: _c, updatedAt: _u, ...photo } = cast.photo;
  const hash = `${name.replace(/\W/g, '_')}_${Date.now()}`;
  return app.strapi.db.query(FILE as any).create({
    data: {
      ...photo,
      documentId: `file${hash}`.slice(0, 24),
      name,
      hash,
      url: `/uploads/${hash}.jpg`,
      formats: null,
      createdBy: userId,
      updatedBy: userId,
    },
  });
}

async function draftOf(title: string, userId: number, photo?: Row): Promise<string> {
  const { documentId } = await createStory(app.strapi, photo ? { ...cast, photo } : cast, { title, publish: false });
  await setCreator(documentId, userId);
  return documentId;
}

const storedCredit = async (fileId: number) => (await app.strapi.db.query(CREDIT as any).findOne({ where: { fileId } }))?.credit ?? null;
const zhHans = (documentId: string) =>
  app.strapi.db
    .query(ARTICLE as any)
    .findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: null }, populate: { createdBy: true } });

beforeAll(async () => {
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  try {
    app = await startApp('security-admin-routes');
  } finally {
    delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  }
  const authorRole = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
  await app.strapi.service('admin::user').create({
    email: 'author2@newsroom.local',
    firstname: 'Second',
    lastname: 'Author',
    password: 'Newsroom-Author2-2026',
    isActive: true,
    roles: [authorRole.id],
    registrationToken: null,
  });
  await createContributor(app.strapi, 'contributor@newsroom.local', 'Newsroom-Contributor-2026');
  admin = await adminJwt(app.server, 'admin@newsroom.local', 'Newsroom-Admin-2026');
  contributor = await adminJwt(app.server, 'contributor@newsroom.local', 'Newsroom-Contributor-2026');
  editor = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
  author = await adminJwt(app.server, 'author@newsroom.local', 'Newsroom-Author-2026');
  author2 = await adminJwt(app.server, 'author2@newsroom.local', 'Newsroom-Author2-2026');
  const userId = async (email: string) => (await app.strapi.db.query('admin::user').findOne({ where: { email } })).id as number;
  users = {
    admin: await userId('admin@newsroom.local'),
    editor: await userId('editor@newsroom.local'),
    author: await userId('author@newsroom.local'),
    author2: await userId('author2@newsroom.local'),
    contributor: await userId('contributor@newsroom.local'),
  };

  cast = await demoCast(app.strapi);
  const story = await app.strapi.db
    .query(ARTICLE as any)
    .findOne({ where: { title: demoData.title, publishedAt: null }, populate: { cover: { populate: { image: true } } } });
  liveStory = story.documentId;
  liveFileId = story.cover.image.id;
  await setCreator(liveStory, users.admin);
  await app.strapi.db.query(FILE as any).update({ where: { id: liveFileId }, data: { createdBy: users.admin } });
  draftId = (await app.strapi.db.query(ARTICLE as any).findOne({ where: { title: demoData.draft.title } })).documentId;
  await setCreator(draftId, users.admin);

  ownDraft = await draftOf('作者自己的稿件', users.author);
  ownDraft2 = await draftOf('作者的第二篇稿件', users.author);
  otherAuthorsDraft = await draftOf('另一位作者的稿件', users.author2);
  contributorsDraft = await draftOf('投稿人的稿件', users.contributor);
});
afterAll(async () => {
  await app?.stop();
});

describe('roles', () => {
  it('gives Editors, not Authors, the permission to re-credit a photo on a live story', async () => {
    const actionsOf = async (code: string) => {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
      return (
        await app.strapi.db
          .query('admin::permission')
          .findMany({ where: { role: role.id, action: 'plugin::attribution-guard.credit.live' } })
      ).length;
    };
    expect(await actionsOf('strapi-editor')).toBe(1);
    expect(await actionsOf('strapi-author')).toBe(0);
  });
});

describe('PUT /attribution-guard/media-credits/:fileId', () => {
  it('refuses the Author re-crediting the Super Admin’s photo on a live story, and changes nothing', async () => {
    const before = await storedCredit(liveFileId);
    const recordsBefore = await app.strapi.db.query(RECORD as any).count({});
    const res = await as(author).put(`/attribution-guard/media-credits/${liveFileId}`, { credit: '作者本人', license: 'owned' });
    expect(res.status).toBe(403);
    expect(await storedCredit(liveFileId)).toBe(before);
    expect(await app.strapi.db.query(RECORD as any).count({})).toBe(recordsBefore);
  });

  it('refuses an Author on any file that is not theirs, live or not, and on another Author’s file', async () => {
    const adminsDraftFile = await fileOf(users.admin, 'admin-draft.jpg');
    const othersFile = await fileOf(users.author2, 'author2.jpg');
    const noCreator = await fileOf(users.admin, 'no-creator.jpg');
    await app.strapi.db.query(FILE as any).update({ where: { id: noCreator.id }, data: { createdBy: null } });
    for (const file of [adminsDraftFile, othersFile, noCreator]) {
      const res = await as(author).put(`/attribution-guard/media-credits/${file.id}`, { credit: '新華社' });
      expect(res.status).toBe(403);
      expect(await storedCredit(file.id)).toBeNull();
      // The Author reads every file in the media library; an own-files-only role does not.
      expect((await as(author).get(`/attribution-guard/media-credits/${file.id}`)).status).toBe(200);
      expect((await as(contributor).get(`/attribution-guard/media-credits/${file.id}`)).status).toBe(403);
      expect((await as(contributor).put(`/attribution-guard/media-credits/${file.id}`, { credit: '新華社' })).status).toBe(403);
    }
    // The owner may.
    const own = await as(author2).put(`/attribution-guard/media-credits/${othersFile.id}`, { credit: '新華社' });
    expect(own.status).toBe(200);
    expect((await as(author2).get(`/attribution-guard/media-credits/${othersFile.id}`)).body.data.credit).toBe('新華社');
  });

  it('lets an Author credit their own photo while no published story shows it', async () => {
    const file = await fileOf(users.author, 'own-draft.jpg');
    await draftOf('用作者照片的草稿', users.author, file);
    const res = await as(author).put(`/attribution-guard/media-credits/${file.id}`, { credit: '中央社' });
    expect(res.status).toBe(200);
    expect(await storedCredit(file.id)).toBe('中央社');
  });

  it('refuses an Author their own photo once a published story shows it (cover, gallery or body), with a code the admin translates', async () => {
    for (const where of ['cover', 'gallery', 'body'] as const) {
      const file = await fileOf(users.author, `own-live-${where}.jpg`);
      const photo = where === 'cover' ? file : cast.photo;
      const { documentId } = await createStory(app.strapi, { ...cast, photo }, { title: `作者照片見報-${where}` });
      if (where !== 'cover') {
        const article = app.strapi.documents(ARTICLE as any);
        const { imageNodeOf } = await import('../helpers/stories');
        const draft: Row = (await article.findOne({
          documentId,
          locale: 'zh-Hant',
          populate: { cover: { populate: { image: true, agency: true } } },
        } as any))!;
        const credited = { image: file.id, credit: '視覺中國', agency: cast.agency, license: 'agency', caption: '說明', alt: '圖' };
        const data =
          where === 'gallery'
            ? { gallery: [credited] }
            : { body: [...draft.body, { type: 'image', image: imageNodeOf(file), children: [{ type: 'text', text: '' }] }] };
        // A photo in the body is credited through its file.
        if (where === 'body') await app.strapi.plugin('attribution-guard').service('media-credits').set(file.id, { credit: '原攝影' });
        await article.update({ documentId, locale: 'zh-Hant', data } as any);
        await article.publish({ documentId, locale: 'zh-Hant' });
      }
      await setCreator(documentId, users.author);
      const before = await storedCredit(file.id);
      const res = await as(author).put(`/attribution-guard/media-credits/${file.id}`, { credit: '作者本人' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/published/);
      expect(res.body.error.details).toMatchObject({ code: 'credit.live', stories: [expect.objectContaining({ documentId })] });
      expect(await storedCredit(file.id)).toBe(before);
    }
  });

  it('lets an Editor re-credit the photo on the live story, recorded in the story’s history with who, what, old and new', async () => {
    const before = await storedCredit(liveFileId);
    const res = await as(editor).put(`/attribution-guard/media-credits/${liveFileId}`, { credit: '新華社', license: 'agency' });
    expect(res.status).toBe(200);
    expect(await storedCredit(liveFileId)).toBe('新華社');

    const history = await as(editor).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${liveStory}&locale=zh-Hant`);
    expect(history.status).toBe(200);
    const record = history.body.data.find((r: Row) => r.outcome === 'credit-changed');
    expect(record).toMatchObject({
      actor: 'editor@newsroom.local',
      actorType: 'admin',
      documentId: liveStory,
      locale: 'zh-Hant',
      change: { fileId: liveFileId, before: { credit: before }, after: { credit: '新華社', license: 'agency' } },
    });
    expect(record.reason).toContain(`credit “${before}” → “新華社”`);
    // The Super Admin may too.
    expect((await as(admin).put(`/attribution-guard/media-credits/${liveFileId}`, { credit: before })).status).toBe(200);
  });

  it('answers 404 for a file that does not exist and 400 for an id that is not one', async () => {
    expect((await as(editor).put('/attribution-guard/media-credits/999999', { credit: '新華社' })).status).toBe(404);
    expect((await as(editor).put('/attribution-guard/media-credits/abc', { credit: '新華社' })).status).toBe(400);
    expect((await as(author).get('/attribution-guard/media-credits/-1')).status).toBe(400);
  });
});

describe('POST /attribution-guard/check', () => {
  it('refuses an own-entries role checking someone else’s story, published or draft, with or without form data', async () => {
    for (const documentId of [liveStory, draftId, otherAuthorsDraft, ownDraft]) {
      for (const body of [{}, { data: { title: '改' } }]) {
        const res = await as(contributor).post('/attribution-guard/check', {
          contentType: ARTICLE,
          documentId,
          locale: 'zh-Hant',
          ...body,
        });
        expect(res.status).toBe(403);
        expect(res.body.data ?? null).toBeNull();
      }
    }
    expect(
      (await as(contributor).post('/attribution-guard/check', { contentType: ARTICLE, documentId: contributorsDraft, locale: 'zh-Hant' }))
        .status,
    ).toBe(200);
  });

  it('lets the Author check any story they can read', async () => {
    for (const documentId of [liveStory, otherAuthorsDraft]) {
      expect((await as(author).post('/attribution-guard/check', { contentType: ARTICLE, documentId, locale: 'zh-Hant' })).status).toBe(200);
    }
  });

  it('still checks the Author’s own story, and anyone’s for the Editor', async () => {
    const own = await as(author).post('/attribution-guard/check', { contentType: ARTICLE, documentId: ownDraft, locale: 'zh-Hant' });
    expect(own.status).toBe(200);
    expect(own.body.data.title).toBe('作者自己的稿件');
    for (const documentId of [liveStory, draftId, ownDraft]) {
      expect((await as(editor).post('/attribution-guard/check', { contentType: ARTICLE, documentId, locale: 'zh-Hant' })).status).toBe(200);
    }
    // A form not saved yet (no documentId) is the Author's own.
    expect(
      (await as(author).post('/attribution-guard/check', { contentType: ARTICLE, locale: 'zh-Hant', data: { title: '新稿' } })).status,
    ).toBe(200);
  });
});

describe('POST /attribution-guard/status', () => {
  it('answers null for every entry the user may not read, exactly like one that does not exist', async () => {
    const res = await as(contributor).post('/attribution-guard/status', {
      contentType: ARTICLE,
      locale: 'zh-Hant',
      documentIds: [liveStory, draftId, otherAuthorsDraft, contributorsDraft, 'no-such-document'],
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      [liveStory]: null,
      [draftId]: null,
      [otherAuthorsDraft]: null,
      [contributorsDraft]: expect.objectContaining({ ok: expect.any(Boolean) }),
      'no-such-document': null,
    });
    const byAuthor = await as(author).post('/attribution-guard/status', {
      contentType: ARTICLE,
      locale: 'zh-Hant',
      documentIds: [liveStory, otherAuthorsDraft, 'no-such-document'],
    });
    expect(byAuthor.body.data).toEqual({
      [liveStory]: expect.objectContaining({ ok: true }),
      [otherAuthorsDraft]: expect.objectContaining({ ok: expect.any(Boolean) }),
      'no-such-document': null,
    });
    const byEditor = await as(editor).post('/attribution-guard/status', {
      contentType: ARTICLE,
      locale: 'zh-Hant',
      documentIds: [liveStory, draftId, ownDraft],
    });
    expect(byEditor.body.data[liveStory]).toEqual({ ok: true, errors: 0, warnings: 0 });
    expect(byEditor.body.data[draftId]).toMatchObject({ ok: false });
    expect(byEditor.body.data[ownDraft]).not.toBeNull();
  });
});

describe('GET /attribution-guard/records', () => {
  it('refuses an own-entries role the history of someone else’s story in one locale or all, and shows their own', async () => {
    for (const documentId of [liveStory, otherAuthorsDraft]) {
      expect(
        (await as(contributor).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${documentId}&locale=zh-Hant`)).status,
      ).toBe(403);
      expect((await as(contributor).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${documentId}`)).status).toBe(403);
      expect(
        (await as(contributor).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${documentId}&locale=en`)).status,
      ).toBe(403);
      // The Author reads every story's history.
      expect((await as(author).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${documentId}`)).status).toBe(200);
    }
    expect(
      (await as(contributor).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${contributorsDraft}&locale=zh-Hant`))
        .status,
    ).toBe(200);
    const all = await as(editor).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${liveStory}`);
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBeGreaterThan(0);
  });

  it('across locales, lists only the locales the user may read', async () => {
    // The contributor's story gets a locale someone else created, with a record of its own.
    await publishAuthorsIn(app.strapi, cast, 'en');
    await createStory(app.strapi, cast, { title: 'English edition', documentId: contributorsDraft, locale: 'en', publish: false });
    const en = await app.strapi.db.query(ARTICLE as any).findOne({ where: { documentId: contributorsDraft, locale: 'en' } });
    await app.strapi.db.query(ARTICLE as any).update({ where: { id: en.id }, data: { createdBy: users.editor } });
    const write = (locale: string) =>
      app.strapi
        .plugin('attribution-guard')
        .service('records')
        .write({
          contentType: ARTICLE,
          documentId: contributorsDraft,
          locale,
          outcome: 'blocked',
          actor: { type: 'admin', id: users.editor, name: 'editor@newsroom.local' },
          findings: [],
        });
    await write('en');
    await write('zh-Hant');
    const res = await as(contributor).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${contributorsDraft}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: Row) => r.locale)).toEqual(['zh-Hant']);
    expect(
      (await as(contributor).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${contributorsDraft}&locale=en`)).status,
    ).toBe(403);
    const byEditor = await as(editor).get(`/attribution-guard/records?contentType=${ARTICLE}&documentId=${contributorsDraft}`);
    expect(byEditor.body.data.map((r: Row) => r.locale).sort()).toEqual(['en', 'zh-Hant']);
  });
});

describe('POST /attribution-guard/publish (override)', () => {
  it('refuses an Author on anyone’s story, and publishes nothing', async () => {
    for (const documentId of [draftId, ownDraft]) {
      const res = await as(author).post('/attribution-guard/publish', {
        contentType: ARTICLE,
        documentId,
        locale: 'zh-Hant',
        reason: 'Publishing it anyway, for the test.',
      });
      expect(res.status).toBe(403);
      expect(await app.strapi.db.query(ARTICLE as any).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(0);
    }
  });
});

describe('/newsroom/zh-hans-edition', () => {
  it('refuses the Author converting the Super Admin’s story: no zh-Hans draft is created', async () => {
    const res = await as(author).post('/newsroom/zh-hans-edition', { documentId: liveStory });
    expect(res.status).toBe(403);
    expect(await zhHans(liveStory)).toBeNull();
    // Reading the edition's state is reading the story: the Author may, an own-entries role may not.
    expect((await as(author).get(`/newsroom/zh-hans-edition/${liveStory}`)).status).toBe(200);
    expect((await as(contributor).get(`/newsroom/zh-hans-edition/${liveStory}`)).status).toBe(403);
  });

  it('refuses the Author overwriting the zh-Hans draft of another’s story, and leaves it as it was', async () => {
    expect((await as(editor).post('/newsroom/zh-hans-edition', { documentId: liveStory })).status).toBe(200);
    const created = await zhHans(liveStory);
    expect(created.createdBy.id).toBe(users.editor);
    await app.strapi.db.query(ARTICLE as any).update({ where: { id: created.id }, data: { title: '编辑改过的简体标题' } });
    const before = await zhHans(liveStory);
    const res = await as(author).post('/newsroom/zh-hans-edition', { documentId: liveStory, from: 'hk' });
    expect(res.status).toBe(403);
    const after = await zhHans(liveStory);
    expect(after.title).toBe('编辑改过的简体标题');
    expect(String(after.updatedAt)).toBe(String(before.updatedAt));
  });

  it('refuses the Author when the zh-Hant source is theirs but the zh-Hans draft is someone else’s', async () => {
    expect((await as(editor).post('/newsroom/zh-hans-edition', { documentId: ownDraft2 })).status).toBe(200);
    const before = await zhHans(ownDraft2);
    const res = await as(author).post('/newsroom/zh-hans-edition', { documentId: ownDraft2 });
    expect(res.status).toBe(403);
    expect(String((await zhHans(ownDraft2)).updatedAt)).toBe(String(before.updatedAt));
    expect((await as(author).get(`/newsroom/zh-hans-edition/${ownDraft2}`)).status).toBe(200);
  });

  it('lets the Author convert and refresh their own story (they become the edition’s creator); the second Author may not', async () => {
    const first = await as(author).post('/newsroom/zh-hans-edition', { documentId: ownDraft });
    expect(first.status).toBe(200);
    expect(first.body.data.created).toBe(true);
    expect((await zhHans(ownDraft)).createdBy.id).toBe(users.author);
    const again = await as(author).post('/newsroom/zh-hans-edition', { documentId: ownDraft });
    expect(again.status).toBe(200);
    expect(again.body.data.created).toBe(false);
    expect((await as(author).get(`/newsroom/zh-hans-edition/${ownDraft}`)).body.data).toMatchObject({ machineConverted: true });

    const before = await zhHans(ownDraft);
    expect((await as(author2).post('/newsroom/zh-hans-edition', { documentId: ownDraft })).status).toBe(403);
    expect((await as(author2).get(`/newsroom/zh-hans-edition/${ownDraft}`)).status).toBe(200);
    expect((await as(contributor).get(`/newsroom/zh-hans-edition/${ownDraft}`)).status).toBe(403);
    expect((await as(contributor).post('/newsroom/zh-hans-edition', { documentId: ownDraft })).status).toBe(403);
    expect(String((await zhHans(ownDraft)).updatedAt)).toBe(String(before.updatedAt));
    expect((await as(author2).post('/newsroom/zh-hans-edition', { documentId: 'no-such-document' })).status).toBe(403);
    expect((await as(editor).post('/newsroom/zh-hans-edition', { documentId: 'no-such-document' })).status).toBe(404);
  });
});
