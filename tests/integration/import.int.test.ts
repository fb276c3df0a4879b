import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { importStory } from '../../src/import/create-draft';
import { MAX_IMPORT_BYTES } from '../../src/import/decode';
import { withMetadata } from '../../src/photo-credits/jpeg-fixture';
import { readPhotoMetadata } from '../../src/photo-credits/read';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { demoData, demoStoryText } from '../helpers/demo';

const ARTICLE = 'api::article.article';
const PULL_QUOTE = 'api::pull-quote.pull-quote';
const MEDIA_CREDIT = 'plugin::attribution-guard.media-credit';
let app: TestApp;

beforeAll(async () => {
  app = await startApp('import');
});
afterAll(async () => {
  await app?.stop();
});

const counts = async () => {
  const out: Record<string, number> = {};
  for (const uid of [ARTICLE, 'api::author.author', 'api::source.source', PULL_QUOTE]) out[uid] = await app.strapi.db.query(uid as any).count();
  return out;
};

describe('importing a syndicated story', () => {
  it('creates the demo story as a draft with its byline, outlet, republisher, cover credit and six speakers', async () => {
    const before = await counts();
    const report = await importStory(app.strapi, Buffer.from(demoStoryText, 'utf8'), { locale: 'zh-Hant' });
    expect(report.created.article).toEqual(expect.any(String));
    expect(report.created.sources).toEqual([]);
    expect(report.created.authors).toEqual([]);

    const article = await app.strapi.documents(ARTICLE as any).findOne({
      documentId: report.created.article!, locale: 'zh-Hant', status: 'draft',
      populate: { author: true, editor: true, source: true, republisher: true, cover: { populate: { agency: true } }, pullQuotes: true },
    } as any);
    const published = await app.strapi.documents(ARTICLE as any).findOne({ documentId: report.created.article!, locale: 'zh-Hant', status: 'published' } as any);
    expect(published).toBeNull();
    expect(article.title).toBe(demoData.title);
    // The demo story is already in the database: the draft gets a numbered slug and the editor is told.
    expect(article.slug).toMatch(/-2$/u);
    expect(report.undecided.join('\n')).toContain(article.slug);
    expect(article.author.name).toBe('koorvoa');
    expect(article.editor.name).toBe('TV.');
    expect(article.source.name).toBe('正見 TrueView');
    expect(article.republisher.name).toBe('钛媒體 TMTPost');
    expect(article.cover).toMatchObject({ credit: '視覺中國', agency: { name: '視覺中國' }, license: 'agency' });
    expect(JSON.stringify(article.body)).not.toMatch(/歡迎閱讀|更多精彩/u);

    const speakers = new Set(article.pullQuotes.map((q: { speaker: string }) => q.speaker));
    for (const quote of demoData.pullQuotes) expect(speakers.has(quote.speaker)).toBe(true);
    // The quotes are word for word from the body: the guard has nothing to say about them.
    expect(report.findings.filter((f) => f.rule === 'pull-quote.verbatim' || f.rule === 'pull-quote.speaker-required')).toEqual([]);
    expect(report.findings.filter((f) => f.rule.startsWith('byline.') || f.rule.startsWith('outlet.'))).toEqual([]);
    expect(report.undecided.join('\n')).toContain('十倍于移動互聯網的平台革命');
    expect((await counts())[ARTICLE]).toBe(before[ARTICLE]! + 1);
  });

  it('creates nothing on a dry run', async () => {
    const before = await counts();
    const report = await importStory(app.strapi, Buffer.from(demoStoryText, 'utf8'), { dryRun: true });
    expect(report.created.article).toBeNull();
    expect(report.outlet?.record?.name).toBe('正見 TrueView');
    expect(report.findings.some((f) => f.rule === 'byline.author-required')).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('proposes an unknown author as a draft record', async () => {
    const text = `圖片來源 @VCG\n文|正見 TrueView,作者|新來的記者\n${demoStoryText.split('\n').slice(3, 6).join('\n')}`;
    const report = await importStory(app.strapi, Buffer.from(text, 'utf8'), { title: '一篇新稿' });
    expect(report.created.authors).toHaveLength(1);
    const author = await app.strapi.documents('api::author.author' as any).findOne({ documentId: report.created.authors[0]!, locale: 'zh-Hant', status: 'draft' } as any);
    expect(author).toMatchObject({ name: '新來的記者', publishedAt: null });
    expect(report.findings.some((f) => f.rule === 'byline.author-registered')).toBe(true);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/u],
    ['a binary file', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), /not text/u],
    ['a file over 10 MB', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41), /10 MB/u],
    ['a story without a byline', Buffer.from('一個標題\n第一段。\n第二段。', 'utf8'), /byline/u],
    ['a file in an unknown encoding', Buffer.from('Élève très été, déjà « ça » coûte.'.repeat(30), 'latin1'), /encoding/u],
    ['pasted text without a byline', '一個標題\n第一段。', /byline/u],
  ])('refuses %s with a clear message and creates nothing', async (_name, input, message) => {
    const before = await counts();
    await expect(importStory(app.strapi, input)).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringMatching(message) });
    expect(await counts()).toEqual(before);
  });
});

it('refuses a locale that is not a content locale', async () => {
  await expect(importStory(app.strapi, demoStoryText, { locale: 'fr' })).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/Unknown locale "fr"/u) });
});

describe('POST /newsroom/import', () => {
  let editorJwt: string;
  beforeAll(async () => {
    editorJwt = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
  });

  it('imports an uploaded .txt file as a draft, and pasted text on a dry run without creating anything', async () => {
    const before = await counts();
    const dry = await request(app.server).post('/newsroom/import').set('Authorization', `Bearer ${editorJwt}`).send({ text: demoStoryText, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.data).toMatchObject({ dryRun: true, title: demoData.title, created: { article: null } });
    expect(await counts()).toEqual(before);

    const res = await request(app.server)
      .post('/newsroom/import')
      .set('Authorization', `Bearer ${editorJwt}`)
      .field('title', '從檔案匯入')
      .attach('file', Buffer.from(demoStoryText, 'utf8'), { filename: 'story.txt', contentType: 'text/plain' });
    expect(res.status).toBe(200);
    expect(res.body.data.created.article).toEqual(expect.any(String));
    expect(res.body.data.author.record.name).toBe('koorvoa');
  });

  it('answers bad input with HTTP 400 and a message, and refuses anonymous callers', async () => {
    const before = await counts();
    const bad = await request(app.server).post('/newsroom/import').set('Authorization', `Bearer ${editorJwt}`).send({ text: '一個標題\n沒有署名的正文。' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/byline/u) });
    expect((await request(app.server).post('/newsroom/import').send({ text: demoStoryText })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });
});

describe('credits read from the photo file on upload', () => {
  const jpeg = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  let jwt: string;
  beforeAll(async () => {
    jwt = await adminJwt(app.server, 'admin@newsroom.local', 'Newsroom-Admin-2026');
  });
  const upload = async (buffer: Buffer, name: string) => {
    const res = await request(app.server).post('/upload').set('Authorization', `Bearer ${jwt}`).attach('files', buffer, { filename: name, contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body[0] as { id: number; url: string };
  };

  it('fills credit, agency, photographer and licence from XMP, normalising the agency alias', async () => {
    const file = await upload(withMetadata(await jpeg(), { xmp: { credit: '视觉中国', byline: '張三', usageTerms: '僅限編輯用途' } }), 'xmp.jpg');
    const credit = await app.strapi.db.query(MEDIA_CREDIT as any).findOne({ where: { fileId: file.id }, populate: { agency: true } });
    expect(credit).toMatchObject({ credit: '視覺中國', photographer: '張三', license: 'editorial-only', origin: 'file-metadata', agency: { name: '視覺中國' } });
    // The stored original has lost its metadata to the image optimisation: it had to be read before.
    const stored = await readPhotoMetadata(path.join(app.strapi.dirs.static.public, file.url));
    expect(stored.credit).toBeNull();
  });

  it('fills the credit from IPTC written as UTF-8', async () => {
    const file = await upload(withMetadata(await jpeg(), { iptc: { credit: 'VCG', byline: '李四', copyright: '© 視覺中國' } }), 'iptc.jpg');
    const credit = await app.strapi.db.query(MEDIA_CREDIT as any).findOne({ where: { fileId: file.id }, populate: { agency: true } });
    expect(credit).toMatchObject({ credit: '視覺中國', photographer: '李四', license: 'agency', origin: 'file-metadata', agency: { name: '視覺中國' } });
  });

  it('leaves a file without metadata uncredited, and an editor can correct a credit from the file', async () => {
    const bare = await upload(await jpeg(), 'bare.jpg');
    expect(await app.strapi.db.query(MEDIA_CREDIT as any).findOne({ where: { fileId: bare.id } })).toBeNull();

    const file = await upload(withMetadata(await jpeg(), { xmp: { credit: '某攝影師' } }), 'typed.jpg');
    await app.strapi.plugin('attribution-guard').service('media-credits').set(file.id, { credit: '視覺中國', origin: 'typed' });
    expect(await app.strapi.db.query(MEDIA_CREDIT as any).findOne({ where: { fileId: file.id } })).toMatchObject({ credit: '視覺中國', origin: 'typed' });
  });
});
