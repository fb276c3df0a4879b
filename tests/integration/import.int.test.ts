import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { importStory, type ImportReport } from '../../src/import/create-draft';
import { MAX_IMPORT_BYTES } from '../../src/import/decode';
import { withMetadata } from '../../src/photo-credits/jpeg-fixture';
import { readPhotoMetadata } from '../../src/photo-credits/read';
import { appDir, isPostgres } from '../helpers/database';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { demoData, demoStoryText } from '../helpers/demo';
import { removeSqliteDatabase } from '../../scripts/lib/sqlite-file';

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
  for (const uid of [ARTICLE, 'api::author.author', 'api::source.source', PULL_QUOTE])
    out[uid] = await app.strapi.db.query(uid as any).count();
  return out;
};

const storyFile = (name: string) => path.join(appDir, 'tests/fixtures/stories', name);
const storyText = (name: string) => fs.readFileSync(storyFile(name), 'utf8');

describe('importing a syndicated story', () => {
  it('creates the demo story as a draft with its byline, outlet, republisher, cover credit and six speakers', async () => {
    const before = await counts();
    const report = await importStory(app.strapi, Buffer.from(demoStoryText, 'utf8'), { locale: 'zh-Hant' });
    expect(report.created.article).toEqual(expect.any(String));
    expect(report.created.sources).toEqual([]);
    expect(report.created.authors).toEqual([]);

    const article = (await app.strapi.documents(ARTICLE as any).findOne({
      documentId: report.created.article!,
      locale: 'zh-Hant',
      status: 'draft',
      populate: {
        author: true,
        coAuthors: true,
        editor: true,
        source: true,
        republisher: true,
        cover: { populate: { agency: true } },
        pullQuotes: true,
      },
    } as any))!;
    const published = await app.strapi
      .documents(ARTICLE as any)
      .findOne({ documentId: report.created.article!, locale: 'zh-Hant', status: 'published' } as any);
    expect(published).toBeNull();
    expect(article.title).toBe(demoData.title);
    // The demo story is already in the database: the draft gets a numbered slug and the editor is told.
    expect(article.slug).toMatch(/-2$/u);
    expect(report.undecided.join('\n')).toContain(article.slug);
    expect(article.author.name).toBe('koorvoa');
    expect(article.coAuthors).toEqual([]);
    expect(article.editor.name).toBe('TV.');
    expect(article.source.name).toBe('正見 TrueView');
    expect(article.republisher.name).toBe('钛媒體 TMTPost');
    expect(article.cover).toMatchObject({ credit: '視覺中國', agency: { name: '視覺中國' }, license: 'agency' });
    expect(JSON.stringify(article.body)).not.toMatch(/歡迎閱讀|更多精彩/u);

    // Every speaker with the title and organisation the demo gives them, on the quote they said.
    for (const expected of demoData.pullQuotes) {
      const quote = article.pullQuotes.find((q: { text: string }) =>
        q.text.replace(/\s/gu, '').includes(expected.text.replace(/\s/gu, '')),
      );
      expect([quote?.speaker, quote?.speakerTitle, quote?.speakerOrg]).toEqual([
        expected.speaker,
        expected.speakerTitle,
        expected.speakerOrg,
      ]);
    }
    expect(report.quotes.filter((q) => q.speaker === null).map((q) => q.text)).toEqual([
      '十倍于移動互聯網的平台革命',
      '完全沒有必要去卷大模型,而是應該投身到應用層創新',
    ]);
    expect(article.pullQuotes).toHaveLength(report.quotes.filter((q) => q.speaker !== null).length);
    // The quotes are word for word from the body: the guard has nothing to say about them.
    expect(report.findings.filter((f) => f.rule === 'pull-quote.verbatim' || f.rule === 'pull-quote.speaker-required')).toEqual([]);
    expect(
      report.findings.filter(
        (f) => f.rule.startsWith('byline.') || f.rule.startsWith('outlet.') || f.rule === 'attribution.line-consistent',
      ),
    ).toEqual([]);
    expect((await counts())[ARTICLE]).toBe(before[ARTICLE]! + 1);
  });

  it('reports on a dry run exactly what the import then does, and creates nothing', async () => {
    const before = await counts();
    const dry = await importStory(app.strapi, Buffer.from(demoStoryText, 'utf8'), { dryRun: true });
    expect(dry.created).toEqual({ article: null, sources: [], authors: [], pullQuotes: [] });
    expect(await counts()).toEqual(before);
    const real = await importStory(app.strapi, Buffer.from(demoStoryText, 'utf8'));
    // The demo story imports clean: its draft pull-quotes go out with it, so nothing is left to fix.
    expect(real.findings).toEqual([]);
    expect(dry.findings).toEqual(real.findings);
    expect(dry.undecided).toEqual(real.undecided);
    expect(dry.undecided.join('\n')).toMatch(/the draft's slug is "[^"]+-\d+"/u);
    const { dryRun: _d, created: _c, ...dryRest } = dry;
    const { dryRun: _r, created: _rc, ...realRest } = real;
    expect(dryRest).toEqual(realRest);
  });

  it('proposes an unknown author as a draft record', async () => {
    const text = `圖片來源 @VCG\n文|正見 TrueView,作者|新來的記者\n${demoStoryText.split('\n').slice(3, 6).join('\n')}`;
    const report = await importStory(app.strapi, Buffer.from(text, 'utf8'), { title: '一篇新稿' });
    expect(report.created.authors).toHaveLength(1);
    const author = await app.strapi
      .documents('api::author.author' as any)
      .findOne({ documentId: report.created.authors[0]!, locale: 'zh-Hant', status: 'draft' } as any);
    expect(author).toMatchObject({ name: '新來的記者', publishedAt: null });
    expect(report.findings.some((f) => f.rule === 'byline.author-registered')).toBe(true);
  });

  it('imports a story without a byline or a headline as a draft, saying what to fill in', async () => {
    const before = await counts();
    const report = await importStory(app.strapi, '這是一段沒有標題也沒有署名的文字。第二句話。\n第二段。');
    expect(report.created.article).toEqual(expect.any(String));
    expect(report).toMatchObject({ title: '這是一段沒有標題也沒有署名的文字。', titleFrom: 'first-sentence', outlet: null, authors: [] });
    expect(report.undecided.join('\n')).toMatch(/headline[\s\S]*No outlet found[\s\S]*No writer found/u);
    expect(report.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['byline.author-required', 'outlet.required']));
    expect((await counts())[ARTICLE]).toBe(before[ARTICLE]! + 1);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/u],
    ['a binary file', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), /not text/u],
    ['a file over 10 MB', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41), /10 MB/u],
    ['a file in an unknown encoding', Buffer.from('Élève très été, déjà « ça » coûte.'.repeat(30), 'latin1'), /encoding/u],
    ['pasted blank text', ' \n \n', /empty/u],
  ])('refuses %s with a clear message and creates nothing', async (_name, input, message) => {
    const before = await counts();
    await expect(importStory(app.strapi, input)).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(message),
    });
    expect(await counts()).toEqual(before);
  });
});

it('refuses a locale that is not a content locale', async () => {
  await expect(importStory(app.strapi, demoStoryText, { locale: 'fr' })).rejects.toMatchObject({
    name: 'ValidationError',
    message: expect.stringMatching(/Unknown locale "fr"/u),
  });
});

/** What each sample story must come out as: every credit field, and every quote's speaker, in order. */
const STORIES: Array<{
  file: string;
  locale: string;
  title: string;
  outlet: string | null;
  authors: string[];
  editor: string | null;
  republisher: string | null;
  photoCredit: string | null;
  speakers: Array<string | null>;
}> = [
  {
    file: 'wechat-36kr.zh-Hans.txt',
    locale: 'zh-Hans',
    title: '大模型公司开始打价格战了',
    outlet: '硅基观察',
    authors: ['周一鸣', '何青'],
    editor: null,
    republisher: '36氪',
    photoCredit: '视觉中国',
    speakers: ['刘洋', '刘洋', null],
  },
  {
    file: 'huxiu-wechat.zh-Hans.txt',
    locale: 'zh-Hans',
    title: '为什么AI眼镜今年突然火了',
    outlet: '镜外科技',
    authors: ['林晓雨'],
    editor: '赵一帆',
    republisher: '虎嗅',
    photoCredit: 'AI生成',
    speakers: ['陈默', '黄倩'],
  },
  {
    file: 'twreporter.zh-Hant.txt',
    locale: 'zh-Hant',
    title: '山區小校的最後一班交通車',
    outlet: null,
    authors: ['趙之齊'],
    editor: '胡敏',
    republisher: null,
    photoCredit: '林彥廷',
    speakers: ['吳文雄', '邱美玲'],
  },
  {
    file: 'leiphone-section.zh-Hans.txt',
    locale: 'zh-Hans',
    title: 'AI芯片创业公司的第二个冬天',
    outlet: '雷峰网',
    authors: ['张薇'],
    editor: '陈晨',
    republisher: null,
    photoCredit: '雷峰网',
    speakers: [null, '王磊', '王磊'],
  },
  {
    file: 'renwu-multiline.zh-Hans.txt',
    locale: 'zh-Hans',
    title: '一个县城女孩的出走',
    outlet: null,
    authors: ['苏小北', '方圆'],
    editor: '王一',
    republisher: null,
    photoCredit: '受访者',
    speakers: [null, '许诺'],
  },
  {
    file: 'cna-wire.zh-Hant.txt',
    locale: 'zh-Hant',
    title: '交通部:明年起高鐵自由座擴大至全線',
    outlet: '中央社',
    authors: ['吳佳穎'],
    editor: null,
    republisher: null,
    photoCredit: '交通部',
    speakers: ['李明德', '陳玉如'],
  },
  {
    file: 'ltn-dateline.zh-Hant.txt',
    locale: 'zh-Hant',
    title: '北市老屋健檢補助 申請人數創新高',
    outlet: null,
    authors: ['張家豪'],
    editor: null,
    republisher: null,
    photoCredit: '張家豪',
    speakers: ['林志遠', null],
  },
  {
    file: 'english-techpulse.en.txt',
    locale: 'en',
    title: 'Chipmakers bet on smaller models',
    outlet: 'TechPulse',
    authors: ['Jane Ho', 'Marcus Lee'],
    editor: 'Ann Wu',
    republisher: null,
    photoCredit: 'Reuters',
    speakers: ['Priya Nair', 'Priya Nair'],
  },
];

describe('POST /newsroom/import', () => {
  let editorJwt: string;
  beforeAll(async () => {
    editorJwt = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
  });

  it('imports an uploaded .txt file as a draft, and pasted text on a dry run without creating anything', async () => {
    const before = await counts();
    const dry = await request(app.server)
      .post('/newsroom/import')
      .set('Authorization', `Bearer ${editorJwt}`)
      .send({ text: demoStoryText, dryRun: true });
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
    expect(res.body.data.authors[0].record.name).toBe('koorvoa');
  });

  it.each(STORIES.map((s) => [s.file, s] as const))('imports %s with every credit and every speaker right', async (_file, expected) => {
    const before = await counts();
    const res = await request(app.server)
      .post('/newsroom/import')
      .set('Authorization', `Bearer ${editorJwt}`)
      .send({ text: storyText(expected.file), locale: expected.locale });
    expect(res.status).toBe(200);
    const report = res.body.data as ImportReport;
    expect({
      title: report.title,
      outlet: report.outlet?.name ?? null,
      authors: report.authors.map((a) => a.name),
      editor: report.editor?.name ?? null,
      republisher: report.republisher?.name ?? null,
      photoCredit: report.photoCredit?.name ?? null,
      speakers: report.quotes.map((q) => q.speaker),
    }).toEqual({
      title: expected.title,
      outlet: expected.outlet,
      authors: expected.authors,
      editor: expected.editor,
      republisher: expected.republisher,
      photoCredit: expected.photoCredit,
      speakers: expected.speakers,
    });

    // Created whole: the article with its people, outlet, republisher, cover credit and quotes — and nothing else.
    const article = (await app.strapi.documents(ARTICLE as any).findOne({
      documentId: report.created.article!,
      locale: expected.locale,
      status: 'draft',
      populate: { author: true, coAuthors: true, editor: true, source: true, republisher: true, cover: true, pullQuotes: true },
    } as any))!;
    expect(article.title).toBe(expected.title);
    expect([article.author?.name ?? null, ...article.coAuthors.map((a: { name: string }) => a.name)].filter(Boolean)).toEqual(
      expected.authors,
    );
    expect(article.editor?.name ?? null).toBe(expected.editor);
    expect(article.source?.name ?? null).toBe(expected.outlet);
    expect(article.republisher?.name ?? null).toBe(expected.republisher);
    expect(article.cover?.credit ?? null).toBe(expected.photoCredit);
    expect(article.pullQuotes.map((q: { speaker: string }) => q.speaker).sort()).toEqual(expected.speakers.filter(Boolean).sort());
    const after = await counts();
    expect(after[ARTICLE]).toBe(before[ARTICLE]! + 1);
    expect(after['api::source.source']).toBe(before['api::source.source']! + report.created.sources.length);
    expect(after['api::author.author']).toBe(before['api::author.author']! + report.created.authors.length);
    expect(after[PULL_QUOTE]).toBe(before[PULL_QUOTE]! + expected.speakers.filter(Boolean).length);
    // The guard checks every writer: an unpublished co-author is named at its own path.
    if (expected.authors.length > 1)
      expect(report.findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'relation.unpublished-dependency', path: 'coAuthors.0' })]),
      );
  });

  it('answers bad input with HTTP 400 and a message, and refuses anonymous callers', async () => {
    const before = await counts();
    const bad = await request(app.server)
      .post('/newsroom/import')
      .set('Authorization', `Bearer ${editorJwt}`)
      .send({ text: '一個標題\n正文。', dryRun: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/dryRun/u) });
    expect((await request(app.server).post('/newsroom/import').send({ text: demoStoryText })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });
});

describe('npm run import -- <file> --json', () => {
  /** The CLI boots its own app on a database of its own, seeded like a new machine, emptied before and after. */
  const cliDatabase = `.tmp/test-import-cli-${process.env.JEST_WORKER_ID ?? '0'}.db`;
  const removeCliDatabase = () => removeSqliteDatabase(cliDatabase);
  // On PostgreSQL the CLI gets an empty schema of its own too, as it gets its own file on SQLite.
  const cliSchema = () => `${process.env.DATABASE_SCHEMA}_cli`;
  const pgSchema = async (sql: (schema: string) => string) => {
    if (!isPostgres()) return;
    const { Client } = await import('pg');
    const client = new Client({
      host: process.env.DATABASE_HOST ?? '127.0.0.1',
      port: Number(process.env.DATABASE_PORT ?? 5432),
      database: process.env.DATABASE_NAME ?? 'test',
      user: process.env.DATABASE_USERNAME ?? 'postgres',
      password: process.env.DATABASE_PASSWORD ?? '',
    });
    await client.connect();
    try {
      await client.query(sql(cliSchema()));
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    removeCliDatabase();
    await pgSchema((schema) => `DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
  });
  afterAll(async () => {
    removeCliDatabase();
    await pgSchema((schema) => `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['-r', 'esbuild-register', 'scripts/import.ts', ...args], {
      cwd: appDir,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_FILENAME: cliDatabase, ...(isPostgres() ? { DATABASE_SCHEMA: cliSchema() } : {}) },
      timeout: 180_000,
    });

  it('prints one JSON object, the same report the admin route answers with, and a dry run matches the import', () => {
    const file = storyFile('wechat-36kr.zh-Hans.txt');
    const dry = cli([file, '--locale', 'zh-Hans', '--dry-run', '--json']);
    expect(dry.status).toBe(0);
    const dryReport = JSON.parse(dry.stdout) as ImportReport;
    const real = cli([file, '--locale', 'zh-Hans', '--json']);
    expect([real.status, real.status === 0 ? '' : real.stderr.slice(-1500)]).toEqual([0, '']);
    const realReport = JSON.parse(real.stdout) as ImportReport;
    expect(dryReport).toMatchObject({
      dryRun: true,
      title: '大模型公司开始打价格战了',
      outlet: { name: '硅基观察' },
      authors: [{ name: '周一鸣' }, { name: '何青' }],
      republisher: { name: '36氪' },
      photoCredit: { name: '视觉中国' },
    });
    expect(dryReport.created.article).toBeNull();
    expect(realReport.created.article).toEqual(expect.any(String));
    expect(dryReport.findings).toEqual(realReport.findings);
    expect(dryReport.undecided).toEqual(realReport.undecided);
    expect(dryReport.quotes).toEqual(realReport.quotes);
  });

  it('imports an English story in the text form, never refusing it', () => {
    const out = cli([storyFile('english-techpulse.en.txt'), '--locale', 'en']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Authors:      Jane Ho (new, proposed as a draft record); Marcus Lee (new, proposed as a draft record)');
    expect(out.stdout).toContain('Priya Nair (Northwind Research, chief analyst): The next billion users');
  });
});

describe('credits read from the photo file on upload', () => {
  const jpeg = () =>
    sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
  let jwt: string;
  beforeAll(async () => {
    jwt = await adminJwt(app.server, 'admin@newsroom.local', 'Newsroom-Admin-2026');
  });
  const upload = async (buffer: Buffer, name: string) => {
    const res = await request(app.server)
      .post('/upload')
      .set('Authorization', `Bearer ${jwt}`)
      .attach('files', buffer, { filename: name, contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body[0] as { id: number; url: string };
  };

  it('fills credit, agency, photographer and licence from XMP, normalising the agency alias', async () => {
    const file = await upload(
      withMetadata(await jpeg(), { xmp: { credit: '视觉中国', byline: '張三', usageTerms: '僅限編輯用途' } }),
      'xmp.jpg',
    );
    const credit = await app.strapi.db.query(MEDIA_CREDIT as any).findOne({ where: { fileId: file.id }, populate: { agency: true } });
    expect(credit).toMatchObject({
      credit: '視覺中國',
      photographer: '張三',
      license: 'editorial-only',
      origin: 'file-metadata',
      agency: { name: '視覺中國' },
    });
    // The stored original has lost its metadata to the image optimisation: it had to be read before.
    const stored = await readPhotoMetadata(path.join(app.strapi.dirs.static.public, file.url));
    expect(stored.credit).toBeNull();
  });

  it('fills the credit from IPTC written as UTF-8', async () => {
    const file = await upload(withMetadata(await jpeg(), { iptc: { credit: 'VCG', byline: '李四', copyright: '© 視覺中國' } }), 'iptc.jpg');
    const credit = await app.strapi.db.query(MEDIA_CREDIT as any).findOne({ where: { fileId: file.id }, populate: { agency: true } });
    expect(credit).toMatchObject({
      credit: '視覺中國',
      photographer: '李四',
      license: 'agency',
      origin: 'file-metadata',
      agency: { name: '視覺中國' },
    });
  });

  it('leaves a file without metadata uncredited, and an editor can correct a credit from the file', async () => {
    const bare = await upload(await jpeg(), 'bare.jpg');
    expect(await app.strapi.db.query(MEDIA_CREDIT as any).findOne({ where: { fileId: bare.id } })).toBeNull();

    const file = await upload(withMetadata(await jpeg(), { xmp: { credit: '某攝影師' } }), 'typed.jpg');
    await app.strapi.plugin('attribution-guard').service('media-credits').set(file.id, { credit: '視覺中國', origin: 'typed' });
    expect(await app.strapi.db.query(MEDIA_CREDIT as any).findOne({ where: { fileId: file.id } })).toMatchObject({
      credit: '視覺中國',
      origin: 'typed',
    });
  });
});
