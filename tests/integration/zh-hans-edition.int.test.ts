import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { demoData, SEED_SLUG } from '../helpers/demo';
import { demoCast, type DemoCast } from '../helpers/stories';
import { devLogins } from '../../src/bootstrap/dev-admins';
import { quoteAppearsIn } from '../../src/plugins/attribution-guard/shared/text/verbatim';
import { getBodyText } from '../../src/plugins/attribution-guard/shared/text/blocks-text';
import { createConverter } from '../../src/zh-hans/convert';
import { invalidateIfMarkedStale } from '../../src/delivery/stale-mark';

// The migration is plain JavaScript, run by Strapi's migration runner; the test runs it again on rows it made disagree.
import * as migration from '../../database/migrations/2026.12.20T00.00.00.shared-facts-across-locales';

const ARTICLE = 'api::article.article';
const AUTHOR = 'api::author.author';
const SOURCE = 'api::source.source';
const PULL_QUOTE = 'api::pull-quote.pull-quote';
const [adminLogin, editorLogin, authorLogin] = devLogins();

let app: TestApp;
let jwt: { admin: string; editor: string; author: string };
let demoId: string;
let cast: DemoCast;

type Row = Record<string, any>;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const edition = (body: Record<string, unknown>, token = jwt.editor) =>
  request(app.server).post('/newsroom/zh-hans-edition').set(as(token)).send(body);
const guardErrors = async (documentId: string) => {
  const result = await app.strapi.plugin('attribution-guard').service('guard').checkDraft(ARTICLE, documentId, 'zh-Hans');
  return (result.findings as Array<{ rule: string; severity: string; message: { en: string } }>).filter((f) => f.severity === 'error');
};
const hansDraft = (documentId: string, populate: Row = {}) =>
  app.strapi.documents(ARTICLE as any).findOne({ documentId, locale: 'zh-Hans', status: 'draft', populate } as any) as Promise<Row>;
const record = (data: Row, role: string, name?: string) =>
  (data.records as Row[]).find((r) => r.role === role && (name === undefined || r.name === name));
const move = (documentId: string, to: string, token = jwt.editor) =>
  request(app.server)
    .post(`/editorial-workflow/entries/${ARTICLE}/${documentId}/transition`)
    .set(as(token))
    .send({ locale: 'zh-Hans', to, comment: `to ${to}` });
const cmPublish = (documentId: string, token = jwt.editor) =>
  request(app.server)
    .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`)
    .query({ locale: 'zh-Hans' })
    .set(as(token))
    .send({});

beforeAll(async () => {
  app = await startApp('zh-hans-edition');
  jwt = {
    admin: await adminJwt(app.server, adminLogin!.email, adminLogin!.password),
    editor: await adminJwt(app.server, editorLogin!.email, editorLogin!.password),
    author: await adminJwt(app.server, authorLogin!.email, authorLogin!.password),
  };
  const [story] = await app.strapi
    .documents(ARTICLE as any)
    .findMany({ locale: 'zh-Hant', status: 'draft', filters: { title: demoData.title } } as any);
  demoId = story!.documentId;
  cast = await demoCast(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

describe('the demo story in Simplified Chinese', () => {
  it('creates the zh-Hans story and the zh-Hans versions of the people it links, converted with names kept, and publishes those that need no check', async () => {
    const res = await edition({ documentId: demoId });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({
      documentId: demoId,
      locale: 'zh-Hans',
      created: true,
      applied: true,
      needsConfirmation: false,
      machineConverted: true,
      from: 'tw',
      pullQuotes: 6,
      changes: [],
    });

    // People: a zh-Hans version each, linked and published (their zh-Hant versions are published and the conversion changed no name or number).
    for (const [role, name] of [
      ['author', 'koorvoa'],
      ['editor', 'TV.'],
    ] as const) {
      expect(record(data, role, name)).toMatchObject({
        action: 'created',
        status: 'published',
        linked: true,
        localized: true,
        reasons: [],
      });
    }
    // Sources are one record in every language.
    expect(record(data, 'outlet')).toMatchObject({
      name: '正見 TrueView',
      localized: false,
      action: 'shared',
      status: 'published',
      linked: true,
    });
    expect(record(data, 'republisher')).toMatchObject({ name: '钛媒體 TMTPost', localized: false, status: 'published' });
    expect(record(data, 'agency')).toMatchObject({ name: '視覺中國', localized: false, status: 'published' });
    // Quotes are verified word for word and go out with the story, as every story's quotes do.
    const quotes = (data.records as Row[]).filter((r) => r.role === 'pull-quote');
    expect(quotes).toHaveLength(6);
    for (const quote of quotes)
      expect(quote).toMatchObject({
        action: 'created',
        status: 'draft',
        linked: true,
        reasons: [expect.objectContaining({ code: 'publishes-with-story' })],
      });

    const hans = await hansDraft(demoId, {
      author: true,
      editor: true,
      source: true,
      republisher: true,
      pullQuotes: true,
      cover: { populate: { agency: true } },
    });
    expect(hans.title).toBe('用AI发愿,垂直行业厂商逐梦“大模型圈”');
    expect(JSON.stringify(hans.body)).toContain('文|正見 TrueView,作者|koorvoa,编辑|TV.');
    expect(hans.author).toMatchObject({ name: 'koorvoa', locale: 'zh-Hans' });
    expect(hans.editor).toMatchObject({ name: 'TV.', locale: 'zh-Hans' });
    expect(hans.source.name).toBe('正見 TrueView');
    expect(hans.originalUrl).toBe(demoData.originalUrl);
    expect(hans.cover).toMatchObject({ credit: '視覺中國', agency: { name: '視覺中國' } });
    expect(hans.pullQuotes.map((q: Row) => q.text)).toContain('基本可以判断,所有行业都值得用大模型重做一遍。');
    // Speakers are names: kept as written in the quote record and in the body.
    expect(JSON.stringify(hans.body)).toContain('譚待');

    const author: Row = await app.strapi.db
      .query(AUTHOR as any)
      .findOne({ where: { documentId: cast.author, locale: 'zh-Hans', publishedAt: { $notNull: true } }, populate: { outlet: true } });
    expect(author).toMatchObject({ name: 'koorvoa', outlet: { documentId: cast.outlet } });
  });

  it('passes the attribution guard with no error', async () => {
    expect(await guardErrors(demoId)).toEqual([]);
  });

  it('is approved and published through the workflow like any story, and served by slug in zh-Hans with its quotes word for word in the text', async () => {
    // The editor who made the edition may not approve it (no self-approval): a second editor does.
    const self = await move(demoId, 'approved');
    expect(self.status).toBe(403);
    expect((await move(demoId, 'approved', jwt.admin)).status).toBe(200);
    const published = await cmPublish(demoId);
    expect(published.status).toBe(200);

    const hans = await hansDraft(demoId);
    const res = await request(app.server)
      .get(`/api/articles/by-slug/${encodeURIComponent(hans.slug)}`)
      .query({ locale: 'zh-Hans' });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({
      locale: 'zh-Hans',
      title: '用AI发愿,垂直行业厂商逐梦“大模型圈”',
      author: { name: 'koorvoa' },
      editor: { name: 'TV.' },
      source: { name: '正見 TrueView' },
    });
    expect(data.pullQuotes).toHaveLength(6);
    // The outlet's one template, its labels in the edition's script; the names as they are written.
    expect(data.attribution.line).toBe('文|正見 TrueView,作者|koorvoa,编辑|TV.');
    const body = getBodyText(data.body).normalised;
    for (const quote of data.pullQuotes) expect(quoteAppearsIn(quote.text, body)).toBe(true);
    expect(data.localizations).toEqual([{ locale: 'zh-Hant', slug: SEED_SLUG, url: `/news/zh-Hant/${SEED_SLUG}` }]);

    const hant = await request(app.server).get(`/api/articles/by-slug/${SEED_SLUG}`).query({ locale: 'zh-Hant' });
    expect(hant.body.data.localizations).toEqual([
      { locale: 'zh-Hans', slug: hans.slug, url: `/news/zh-Hans/${encodeURIComponent(hans.slug)}` },
    ]);
    const page = await request(app.server).get(`/news/zh-Hant/${SEED_SLUG}`);
    expect(page.text).toContain(`hreflang="zh-Hans"`);
  });

  it('refreshing after a zh-Hant edit shows the zh-Hant diff first, then keeps the hand edit in zh-Hans', async () => {
    // An editor polishes the zh-Hans dek by hand; the desk changes the zh-Hant title.
    const handDek = '通用大模型由科技大厂主导;垂直行业厂商押注专业化。(编辑润色)';
    await app.strapi.documents(ARTICLE as any).update({ documentId: demoId, locale: 'zh-Hans', data: { dek: handDek } as any });
    const newTitle = `${demoData.title}(更新版)`;
    await app.strapi.documents(ARTICLE as any).update({ documentId: demoId, locale: 'zh-Hant', data: { title: newTitle } as any });

    const before = await hansDraft(demoId);
    const preview = await edition({ documentId: demoId });
    expect(preview.status).toBe(200);
    expect(preview.body.data).toMatchObject({ applied: false, needsConfirmation: true });
    const changes = preview.body.data.changes as Row[];
    const title = changes.find((c) => c.key === `article:${demoId}:title`);
    expect(title).toMatchObject({ sourceChanged: true, handEdited: false, write: true });
    expect(title!.diff).toContain(`-${demoData.title}`);
    expect(title!.diff).toContain(`+${newTitle}`);
    expect(changes.find((c) => c.key === `article:${demoId}:dek`)).toMatchObject({ sourceChanged: false, handEdited: true, write: false });
    // Nothing was written.
    expect((await hansDraft(demoId)).title).toBe(before.title);
    expect((await hansDraft(demoId)).updatedAt).toEqual(before.updatedAt);

    const applied = await edition({ documentId: demoId, confirm: true });
    expect(applied.status).toBe(200);
    expect(applied.body.data).toMatchObject({ applied: true, created: false });
    const after = await hansDraft(demoId);
    expect(after.title).toBe(createConverter('tw')(newTitle));
    expect(after.dek).toBe(handDek);

    // The next refresh has nothing new from zh-Hant, but still names the hand edit; overwriting it is asked for by key.
    const again = await edition({ documentId: demoId });
    expect(again.body.data.changes.map((c: Row) => c.key)).toEqual([`article:${demoId}:dek`]);
    const overwritten = await edition({ documentId: demoId, confirm: true, overwrite: [`article:${demoId}:dek`] });
    expect(overwritten.body.data.applied).toBe(true);
    expect((await hansDraft(demoId)).dek).toBe(createConverter('tw')(demoData.dek));
    expect((await edition({ documentId: demoId })).body.data).toMatchObject({ applied: true, changes: [] });
  });

  it('unlinks from the zh-Hans story a pull-quote the zh-Hant story dropped, after saying so', async () => {
    const hant: Row = (await app.strapi
      .documents(ARTICLE as any)
      .findOne({ documentId: demoId, locale: 'zh-Hant', status: 'draft', populate: { pullQuotes: true } } as any))!;
    const dropped = hant.pullQuotes.find((q: Row) => q.speaker === '周明');
    await app.strapi
      .documents(PULL_QUOTE as any)
      .update({ documentId: dropped.documentId, locale: 'zh-Hant', data: { article: null } as any });

    const preview = await edition({ documentId: demoId });
    expect(preview.body.data.needsConfirmation).toBe(true);
    expect(record(preview.body.data, 'pull-quote', '周明')).toMatchObject({ action: 'unlinked' });
    const applied = await edition({ documentId: demoId, confirm: true });
    expect(applied.body.data.pullQuotes).toBe(5);
    const hans = await hansDraft(demoId, { pullQuotes: true });
    expect(hans.pullQuotes.map((q: Row) => q.speaker).sort()).toEqual(
      demoData.pullQuotes
        .map((q) => q.speaker)
        .filter((s) => s !== '周明')
        .sort(),
    );
    expect(
      await app.strapi.db.query(PULL_QUOTE as any).count({ where: { documentId: dropped.documentId, locale: 'zh-Hans' } }),
    ).toBeGreaterThan(0);
  });

  it('refuses an unknown article, bad options and an anonymous caller', async () => {
    expect((await edition({ documentId: 'nope' })).status).toBe(404);
    expect((await edition({})).status).toBe(400);
    expect((await edition({ documentId: demoId, confirm: 'yes' })).status).toBe(400);
    expect((await edition({ documentId: demoId, overwrite: [1] })).status).toBe(400);
    expect((await request(app.server).post('/newsroom/zh-hans-edition').send({ documentId: demoId })).status).toBe(401);
  });
});

describe('a story of another shape', () => {
  it('two authors (one never published), an agency photo, no republisher or editor: the published author goes out, the other stays a draft and says why', async () => {
    const outlet: Row = await app.strapi
      .documents(SOURCE as any)
      .create({ data: { name: '科技島讀', kind: 'outlet', aliases: ['科技岛读'] } as any, status: 'published' });
    const agency: Row = await app.strapi
      .documents(SOURCE as any)
      .create({ data: { name: '美聯社', kind: 'agency', aliases: ['美联社', 'AP'] } as any, status: 'published' });
    const lead: Row = await app.strapi.documents(AUTHOR as any).create({
      locale: 'zh-Hant',
      data: {
        name: '林資訊',
        displayName: '林資訊',
        role: 'writer',
        bio: '專注軟體與伺服器產業,2019年加入。',
        outlet: outlet.documentId,
      } as any,
      status: 'published',
    });
    const second: Row = await app.strapi
      .documents(AUTHOR as any)
      .create({ locale: 'zh-Hant', data: { name: '陳網路', displayName: '陳網路', role: 'writer', outlet: outlet.documentId } as any });
    const story: Row = await app.strapi.documents(ARTICLE as any).create({
      locale: 'zh-Hant',
      data: {
        title: '伺服器軟體的資訊安全',
        dek: '兩位記者的調查。',
        body: [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: '這套軟體在2025年更新了3次。「資訊安全是每一家公司的責任。」工程師說。' }],
          },
        ],
        cover: { image: cast.photo.id, credit: '美聯社', agency: agency.documentId, license: 'agency', caption: '伺服器機房', alt: '機房' },
        author: lead.documentId,
        coAuthors: [second.documentId],
        source: outlet.documentId,
      } as any,
    });
    await app.strapi.documents(PULL_QUOTE as any).create({
      locale: 'zh-Hant',
      data: { text: '資訊安全是每一家公司的責任。', speaker: '王工程', position: 0, article: story.documentId } as any,
    });

    const res = await edition({ documentId: story.documentId });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(record(data, 'author', '林資訊')).toMatchObject({ action: 'created', status: 'published', linked: true, reasons: [] });
    expect(record(data, 'co-author', '陳網路')).toMatchObject({
      action: 'created',
      status: 'draft',
      linked: true,
      reasons: [expect.objectContaining({ code: 'not-published-in-source' })],
    });
    expect(record(data, 'agency')).toMatchObject({ name: '美聯社', status: 'published', localized: false });
    expect(record(data, 'republisher')).toBeUndefined();
    expect(record(data, 'editor')).toBeUndefined();
    expect(record(data, 'pull-quote', '王工程')).toMatchObject({ reasons: [expect.objectContaining({ code: 'publishes-with-story' })] });

    const hansAuthor: Row | null = await app.strapi
      .documents(AUTHOR as any)
      .findOne({ documentId: lead.documentId, locale: 'zh-Hans', status: 'published' } as any);
    expect(hansAuthor).toMatchObject({ name: '林資訊', displayName: '林資訊', bio: '专注软件与服务器产业,2019年加入。' });
    const hans = await hansDraft(story.documentId, { coAuthors: true });
    expect(hans.title).toBe('服务器软件的信息安全');
    expect(hans.coAuthors.map((a: Row) => a.name)).toEqual(['陳網路']);
    // The guard names the one thing left: the co-author nobody published yet.
    expect((await guardErrors(story.documentId)).map((f) => f.rule)).toEqual([
      'byline.author-registered',
      'relation.unpublished-dependency',
    ]);
  });
});

describe('a gallery reordered in zh-Hant', () => {
  it('keeps a hand-edited zh-Hans caption with its photo, not with the place the photo had', async () => {
    const { id: _id, documentId: _doc, createdAt: _c, updatedAt: _u, publishedAt: _p, ...file } = cast.photo;
    const second: Row = await app.strapi.db
      .query('plugin::upload.file' as any)
      .create({ data: { ...file, name: 'server-room-inside.jpg', hash: `${String(file.hash)}_inside` } });
    const photo = (image: Row, caption: string, alt: string) => ({
      image: image.id,
      credit: '視覺中國',
      agency: cast.agency,
      license: 'agency',
      caption,
      alt,
    });
    const story: Row = await app.strapi.documents(ARTICLE as any).create({
      locale: 'zh-Hant',
      data: {
        title: '機房的兩個角度',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: '資料中心的內外。' }] }],
        gallery: [photo(cast.photo, '機房外觀', '外觀'), photo(second, '機房內部的伺服器', '內部')],
        author: cast.author,
        source: cast.outlet,
      } as any,
    });
    expect((await edition({ documentId: story.documentId })).body.data.applied).toBe(true);

    // An editor rewrites the second photo's zh-Hans caption by hand; then the desk puts that photo first in zh-Hant.
    const hand = '机房里的服务器(编辑改写)';
    const hans = await hansDraft(story.documentId, { gallery: { populate: ['image', 'agency'] } });
    await app.strapi.documents(ARTICLE as any).update({
      documentId: story.documentId,
      locale: 'zh-Hans',
      data: {
        gallery: hans.gallery.map((g: Row) => ({
          ...photo(g.image, g.caption, g.alt),
          caption: g.image.id === second.id ? hand : g.caption,
        })),
      } as any,
    });
    await app.strapi.documents(ARTICLE as any).update({
      documentId: story.documentId,
      locale: 'zh-Hant',
      data: { gallery: [photo(second, '機房內部的伺服器', '內部'), photo(cast.photo, '機房外觀', '外觀')] } as any,
    });

    const preview = (await edition({ documentId: story.documentId })).body.data;
    // The photo is named by its new place; its zh-Hant text did not change, only its place.
    expect(preview.changes).toEqual([
      expect.objectContaining({ field: 'gallery.0.caption', handEdited: true, sourceChanged: false, write: false }),
    ]);
    expect((await edition({ documentId: story.documentId, confirm: true })).body.data.applied).toBe(true);
    const after = await hansDraft(story.documentId, { gallery: { populate: ['image'] } });
    expect(after.gallery.map((g: Row) => [g.image.id, g.caption, g.alt])).toEqual([
      [second.id, hand, '内部'],
      [cast.photo.id, '机房外观', '外观'],
    ]);
  });
});

describe('an author whose zh-Hant draft has unpublished changes', () => {
  it('is not published in zh-Hans, so no zh-Hant change goes live unpublished: a shared fact (url) or the outlet', async () => {
    const outlet: Row = await app.strapi
      .documents(SOURCE as any)
      .create({ data: { name: '數位時代', kind: 'outlet' } as any, status: 'published' });
    const other: Row = await app.strapi
      .documents(SOURCE as any)
      .create({ data: { name: '遠見雜誌', kind: 'outlet' } as any, status: 'published' });
    const writer: Row = await app.strapi.documents(AUTHOR as any).create({
      locale: 'zh-Hant',
      data: { name: '黃數位', role: 'writer', url: 'https://example.com/old', outlet: outlet.documentId } as any,
      status: 'published',
    });
    const story: Row = await app.strapi.documents(ARTICLE as any).create({
      locale: 'zh-Hant',
      data: {
        title: '數位轉型的下一步',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: '企業在2026年加速數位轉型。' }] }],
        author: writer.documentId,
        source: outlet.documentId,
      } as any,
    });
    // Saved, not published: the url is a fact every locale shares, so Strapi copies it between drafts.
    await app.strapi
      .documents(AUTHOR as any)
      .update({ documentId: writer.documentId, locale: 'zh-Hant', data: { url: 'https://example.com/new' } as any });

    const first = await edition({ documentId: story.documentId });
    expect(first.status).toBe(200);
    expect(record(first.body.data, 'author', '黃數位')).toMatchObject({
      status: 'draft',
      reasons: [expect.objectContaining({ code: 'source-has-unpublished-changes' })],
    });
    const live: Row = await app.strapi.db
      .query(AUTHOR as any)
      .findOne({ where: { documentId: writer.documentId, locale: 'zh-Hant', publishedAt: { $notNull: true } } });
    expect(live.url).toBe('https://example.com/old');

    // Published in zh-Hant, the zh-Hans version goes out; a later unpublished outlet change holds it back again.
    await app.strapi.documents(AUTHOR as any).publish({ documentId: writer.documentId, locale: 'zh-Hant' });
    const second = await edition({ documentId: story.documentId, confirm: true });
    expect(record(second.body.data, 'author', '黃數位')).toMatchObject({ status: 'published', reasons: [] });
    await app.strapi
      .documents(AUTHOR as any)
      .update({ documentId: writer.documentId, locale: 'zh-Hant', data: { outlet: other.documentId } as any });
    const third = await edition({ documentId: story.documentId, confirm: true });
    expect(record(third.body.data, 'author', '黃數位')?.reasons).toEqual([
      expect.objectContaining({ code: 'source-has-unpublished-changes' }),
    ]);
  });
});

describe('the Author role', () => {
  it('makes the edition of their own story, but neither creates author records nor publishes; an editor’s refresh does', async () => {
    const person: Row = await app.strapi.documents(AUTHOR as any).create({
      locale: 'zh-Hant',
      data: { name: '周記者', displayName: '周記者', role: 'writer', outlet: cast.outlet } as any,
      status: 'published',
    });
    const created = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}`)
      .query({ locale: 'zh-Hant' })
      .set(as(jwt.author))
      .send({
        title: '作者自己的稿件',
        dek: '網路與軟體。',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: '作者寫的正文。' }] }],
        author: person.documentId,
        source: cast.outlet,
      });
    expect(created.status).toBe(201);
    const own = created.body.data.documentId as string;

    const res = await edition({ documentId: own }, jwt.author);
    expect(res.status).toBe(200);
    expect(record(res.body.data, 'author', '周記者')).toMatchObject({
      action: 'skipped',
      status: 'missing',
      linked: false,
      reasons: [expect.objectContaining({ code: 'no-permission' })],
    });
    expect(await app.strapi.db.query(AUTHOR as any).count({ where: { documentId: person.documentId, locale: 'zh-Hans' } })).toBe(0);
    const hans = await hansDraft(own, { author: true });
    expect(hans).toMatchObject({ title: '作者自己的稿件', dek: '网络与软件。', author: null });
    const row: Row = await app.strapi.db
      .query(ARTICLE as any)
      .findOne({ where: { documentId: own, locale: 'zh-Hans' }, populate: { createdBy: true } });
    expect(row.createdBy.email).toBe(authorLogin!.email);

    // Not someone else's story, and never publish.
    expect((await edition({ documentId: demoId }, jwt.author)).status).toBe(403);
    expect((await cmPublish(own, jwt.author)).status).toBe(403);

    const byEditor = await edition({ documentId: own, confirm: true }, jwt.editor);
    expect(record(byEditor.body.data, 'author', '周記者')).toMatchObject({ action: 'created', status: 'published', linked: true });
    expect((await hansDraft(own, { author: true })).author).toMatchObject({ name: '周記者' });
  });
});

describe('shared facts across locales', () => {
  it('the migration copies the zh-Hant value of shared fields to the other locales and the delivery cache is invalidated for it', async () => {
    const hans = await hansDraft(demoId);
    const slugUrl = `/api/articles/by-slug/${encodeURIComponent(hans.slug)}?locale=zh-Hans`;
    await request(app.server).get(slugUrl);
    expect((await request(app.server).get(slugUrl)).headers['x-delivery-cache']).toBe('hit');

    // Rows written around the Document Service disagree with zh-Hant.
    await app.strapi.db
      .query(AUTHOR as any)
      .updateMany({ where: { documentId: cast.author, locale: 'zh-Hans' }, data: { name: 'koorvoa (stale)', aliases: ['stale'] } });
    await app.strapi.db
      .query(ARTICLE as any)
      .updateMany({ where: { documentId: demoId, locale: 'zh-Hans' }, data: { originalUrl: 'https://example.com/stale' } });
    const cacheAfterWrites = (await request(app.server).get(slugUrl)).headers['x-delivery-cache'];
    expect(cacheAfterWrites).toBe('hit');

    await app.strapi.db.connection.transaction((trx) => migration.up(trx));
    const authors: Row[] = await app.strapi.db.query(AUTHOR as any).findMany({ where: { documentId: cast.author } });
    expect(new Set(authors.map((a) => a.name))).toEqual(new Set(['koorvoa']));
    expect(authors.every((a) => JSON.stringify(a.aliases ?? []) === '[]')).toBe(true);
    const articles: Row[] = await app.strapi.db.query(ARTICLE as any).findMany({ where: { documentId: demoId } });
    expect(new Set(articles.map((a) => a.originalUrl))).toEqual(new Set([demoData.originalUrl]));

    expect(await invalidateIfMarkedStale(app.strapi)).toBe(true);
    expect((await request(app.server).get(slugUrl)).headers['x-delivery-cache']).toBe('miss');
    expect(await invalidateIfMarkedStale(app.strapi)).toBe(false);
  });

  it('the migration also repairs a value that is missing, not different, in another locale', async () => {
    await app.strapi.db.query(ARTICLE as any).updateMany({ where: { documentId: demoId, locale: 'zh-Hans' }, data: { originalUrl: null } });
    await app.strapi.db.connection.transaction((trx) => migration.up(trx));
    const articles: Row[] = await app.strapi.db.query(ARTICLE as any).findMany({ where: { documentId: demoId } });
    expect(new Set(articles.map((a) => a.originalUrl))).toEqual(new Set([demoData.originalUrl]));
    expect(await invalidateIfMarkedStale(app.strapi)).toBe(true);
  });

  it('an original URL is one fact for every edition', async () => {
    const url = 'https://www.tmtpost.com/6561234.html?shared=1';
    await app.strapi.documents(ARTICLE as any).update({ documentId: demoId, locale: 'zh-Hant', data: { originalUrl: url } as any });
    expect((await hansDraft(demoId)).originalUrl).toBe(url);
  });
});
