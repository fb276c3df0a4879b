import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createStory, demoCast, type DemoCast } from '../helpers/stories';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { SEED_SLUG } from '../helpers/demo';
import { appDir } from '../helpers/database';
import { articleGuidelineProblems, validateStructuredData } from '../helpers/structured-data';
import { devLogins } from '../../src/bootstrap/dev-admins';

/**
 * The JSON-LD front ends embed, checked by a validator nobody here wrote (@adobe/structured-data-validator
 * with the schema.org 30.0 vocabulary: 0 errors and 0 warnings) and against Google's Article guidelines,
 * for the demo story and for a story with co-authors, a gallery, a large photo and a correction. The app
 * runs as in production: PUBLIC_URL and the front end's story URL set.
 */
const ARTICLE = 'api::article.article';
const AUTHOR = 'api::author.author';
const LOCALE = 'zh-Hant';
const PUBLIC_URL = 'https://cms.example.com';
const [adminLogin, editorLogin] = devLogins();

let app: TestApp;
let cast: DemoCast;
let jwt: { admin: string; editor: string };

const as = (bearer: string) => ({ Authorization: `Bearer ${bearer}` });

/** The JSON-LD as a page would carry it: the `jsonLdScript` text, parsed back (it must be the same data as `jsonLd`). */
async function jsonLdOf(slug: string): Promise<Record<string, unknown>> {
  const data = (await request(app.server).get(`/api/articles/by-slug/${slug}`).query({ locale: LOCALE }).expect(200)).body.data;
  const embedded = JSON.parse(data.jsonLdScript) as Record<string, unknown>;
  expect(embedded).toEqual(data.jsonLd);
  return embedded;
}

/** A real photo through the admin's upload route, as an editor adds one to the Media Library. */
async function upload(file: string): Promise<{ id: number; width: number }> {
  const res = await request(app.server)
    .post('/upload')
    .set(as(jwt.admin))
    .attach('files', fs.readFileSync(path.join(appDir, 'tests/fixtures/photos', file)), { filename: file, contentType: 'image/jpeg' });
  expect(res.status).toBe(201);
  return { id: res.body[0].id as number, width: res.body[0].width as number };
}

/** An editor gives an author their page on the outlet's site (and profiles elsewhere), and publishes it. */
async function givePage(documentId: string, url: string, sameAs: string[] = []) {
  await app.strapi.documents(AUTHOR as any).update({ documentId, locale: LOCALE, data: { url, sameAs } as any });
  await app.strapi.documents(AUTHOR as any).publish({ documentId, locale: LOCALE });
}

beforeAll(async () => {
  process.env.PUBLIC_URL = PUBLIC_URL;
  process.env.DELIVERY_CANONICAL_URL = 'https://news.example.com/{locale}/{slug}';
  app = await startApp('structured-data');
  cast = await demoCast(app.strapi);
  jwt = {
    admin: await adminJwt(app.server, adminLogin!.email, adminLogin!.password),
    editor: await adminJwt(app.server, editorLogin!.email, editorLogin!.password),
  };
});
afterAll(async () => {
  await app?.stop();
  delete process.env.PUBLIC_URL;
  delete process.env.DELIVERY_CANONICAL_URL;
});

describe('the demo story', () => {
  it('validates with 0 issues, with absolute URLs and dates with their zone', async () => {
    const jsonLd = await jsonLdOf(SEED_SLUG);
    expect(await validateStructuredData([jsonLd])).toEqual([]);
    // As seeded, the demo author has no page of their own yet: everything else of the guidelines holds.
    const widest = Math.max(...((jsonLd.image as Array<{ width: number }>) ?? []).map((i) => i.width));
    expect(articleGuidelineProblems(jsonLd, { widestOriginal: widest })).toEqual(['author[0] (koorvoa) has no url']);
  });

  it('with its author’s page filled in, meets the Article guidelines in full', async () => {
    await givePage(cast.author, 'https://www.trueview.example/authors/koorvoa', ['https://x.com/koorvoa']);
    const jsonLd = await jsonLdOf(SEED_SLUG);
    expect(await validateStructuredData([jsonLd])).toEqual([]);
    expect(articleGuidelineProblems(jsonLd, { widestOriginal: 480 })).toEqual([]);
    expect(jsonLd.author).toEqual([
      { '@type': 'Person', name: 'koorvoa', url: 'https://www.trueview.example/authors/koorvoa', sameAs: ['https://x.com/koorvoa'] },
    ]);
  });
});

describe('a story with co-authors, a gallery, a large photo and a correction', () => {
  let slug: string;
  let large: { id: number; width: number };

  beforeAll(async () => {
    large = await upload('IPTC-PhotometadataRef-Std2021.1.jpg');
    const agencyShot = await upload('iptc-agency-photographer-example.jpg');
    const coAuthors: string[] = [];
    for (const name of ['林小華', 'Chen Mei']) {
      const created = await app.strapi.documents(AUTHOR as any).create({
        locale: LOCALE,
        data: {
          name,
          displayName: name,
          role: 'writer',
          outlet: cast.outlet,
          url: `https://www.trueview.example/authors/${encodeURIComponent(name)}`,
        } as any,
        status: 'published',
      });
      coAuthors.push(created.documentId);
    }
    const story = await createStory(app.strapi, cast, { title: '結構化資料:多位作者、圖集與更正', publish: false, bodyImages: 1 });
    await app.strapi.documents(ARTICLE as any).update({
      documentId: story.documentId,
      locale: LOCALE,
      data: {
        coAuthors,
        cover: { image: large.id, credit: '視覺中國', agency: cast.agency, license: 'agency', caption: '封面大圖', alt: '封面' },
        gallery: [
          { image: large.id, credit: 'IPTC', photographer: 'Creator1 (ref2021.1)', license: 'cc-by', caption: '圖集之一', alt: '圖一' },
          { image: agencyShot.id, credit: '視覺中國', agency: cast.agency, license: 'editorial-only', caption: '圖集之二', alt: '圖二' },
          { image: cast.photo.id, credit: '視覺中國', agency: cast.agency, license: 'agency', caption: '圖集之三', alt: '圖三' },
        ],
      } as any,
    });
    await app.strapi
      .plugin('editorial-workflow')
      .service('workflow')
      .setStage({ uid: ARTICLE, documentId: story.documentId, locale: LOCALE }, 'approved', 'Approved for the test');
    await app.strapi.documents(ARTICLE as any).publish({ documentId: story.documentId, locale: LOCALE });
    const corrected = await request(app.server)
      .post('/newsroom/corrections')
      .set(as(jwt.editor))
      .send({ documentId: story.documentId, locale: LOCALE, kind: 'correction', text: '本文原將公司名稱誤植,已更正。' });
    expect(corrected.status).toBe(200);
    slug = story.slug;
  });

  it('validates with 0 issues', async () => {
    const jsonLd = await jsonLdOf(slug);
    if (process.env.PRINT_JSON_LD) fs.writeFileSync(process.env.PRINT_JSON_LD, JSON.stringify(jsonLd, null, 2));
    expect(await validateStructuredData([jsonLd])).toEqual([]);
  });

  it('meets the Article guidelines: absolute URLs, dates with zone, a ≥ 1200 px image from the 2000 px original, every author a Person with a page', async () => {
    const jsonLd = await jsonLdOf(slug);
    expect(large.width).toBe(2000);
    expect(articleGuidelineProblems(jsonLd, { widestOriginal: large.width })).toEqual([]);
    expect((jsonLd.author as Array<{ name: string }>).map((a) => a.name)).toEqual(['koorvoa', '林小華', 'Chen Mei']);
    expect(jsonLd.mainEntityOfPage).toBe(`https://news.example.com/${LOCALE}/${slug}`);
    expect(jsonLd.correction).toEqual([
      { '@type': 'CorrectionComment', datePublished: expect.stringMatching(/Z$/u), text: '本文原將公司名稱誤植,已更正。' },
    ]);
    const images = jsonLd.image as Array<{ url: string; width: number; license?: string; acquireLicensePage?: string }>;
    expect(images.some((i) => i.width >= 1200 && i.url.startsWith(`${PUBLIC_URL}/uploads/`))).toBe(true);
    expect(images.some((i) => i.license === 'https://creativecommons.org/licenses/by/4.0/')).toBe(true);
    expect(images.some((i) => i.acquireLicensePage === 'https://www.vcg.com')).toBe(true);
  });

  it('a validator that finds problems finds them here too: a relative URL, a date without zone, an unknown property', async () => {
    const jsonLd = await jsonLdOf(slug);
    const broken = {
      ...jsonLd,
      datePublished: '2026-03-08 09:30',
      image: [{ '@type': 'ImageObject', url: '/uploads/x.jpg' }],
      authorEmail: 'x@example.com',
      correction: [{ '@type': 'CorrectionComment', datePublished: '2026-03-08T09:30:00Z', text: 'x', reason: 'typo' }],
      publisher: { '@type': 'NewsOrganisation', name: 'x' },
    };
    const found = await validateStructuredData([broken]);
    // At the top and inside: the vocabulary check walks every typed object.
    expect(found.map((i) => i.issueMessage)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"authorEmail" for type "NewsArticle"/u),
        expect.stringMatching(/"reason" for type "CorrectionComment"/u),
        expect.stringMatching(/"NewsOrganisation" is not a valid schema.org type/u),
      ]),
    );
    const problems = articleGuidelineProblems(broken, { widestOriginal: 2000 });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/datePublished is not ISO 8601/u),
        expect.stringMatching(/image\[0\]\.url is not an absolute/u),
        expect.stringMatching(/1200 px/u),
      ]),
    );
  });
});
