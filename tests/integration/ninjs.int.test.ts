import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { SEED_SLUG, demoData } from '../helpers/demo';
import { appDir } from '../helpers/database';
import { createStory, demoCast, publishAuthorsIn, type DemoCast } from '../helpers/stories';
import { storyWithoutImages } from '../helpers/story-shapes';
import { adminJwt, fullAccessToken, startApp, type TestApp } from '../helpers/strapi';
import { devLogins } from '../../src/bootstrap/dev-admins';

/**
 * ninjs 2.2 for syndication partners on the real app: every answer validated against IPTC's schema;
 * a partner's read-only API token maps to its agreement (locales, validity, embargoed delivery), and
 * nothing but published stories — and approved embargoed ones for partners allowed them — goes out.
 */
const ARTICLE = 'api::article.article';
const SOURCE = 'api::source.source';
const [, editorLogin] = devLogins();
const origin = 'https://cms.example.test';
const LIFTS = '2031-05-04T01:30:00.000Z';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The schema refers to GeoJSON's for a place's geometry (offline here). This API sends no places, so the
// stand-in accepts no geometry at all: a response that carried one would fail rather than pass unchecked.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', not: {} });
const validateNinjs = ajv.compile(JSON.parse(fs.readFileSync(path.join(appDir, 'tests/fixtures/ninjs/ninjs-schema_2.2.json'), 'utf8')));
const expectValid = (doc: unknown) => {
  const ok = validateNinjs(doc);
  expect(validateNinjs.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
};

let app: TestApp;
let cast: DemoCast;
let editorJwt: string;
const tokens: Record<string, string> = {};

const ninjs = (slug: string, locale: string | undefined, token?: string) => {
  const req = request(app.server)
    .get(`/api/articles/by-slug/${slug}/ninjs`)
    .query(locale ? { locale } : {});
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
};
const bySlug = async (slug: string, locale: string) =>
  (await request(app.server).get(`/api/articles/by-slug/${slug}`).query({ locale }).expect(200)).body.data;
const approve = (documentId: string, locale = 'zh-Hant') =>
  app.strapi
    .plugin('editorial-workflow')
    .service('workflow')
    .setStage({ uid: ARTICLE, documentId, locale }, 'approved', 'Approved for the test');
const embargo = (documentId: string, until: string | null, locale = 'zh-Hant') =>
  request(app.server)
    .put(`/editorial-workflow/entries/${ARTICLE}/${documentId}/embargo`)
    .set('Authorization', `Bearer ${editorJwt}`)
    .send({ locale, until, timezone: 'Asia/Taipei' });

async function readOnlyToken(name: string): Promise<string> {
  const token = await app.strapi.service('admin::api-token').create({ name, type: 'read-only', lifespan: null, description: 'partner' });
  return token.accessKey as string;
}

async function partner(name: string, fields: Record<string, unknown>, status: 'published' | 'draft' = 'published') {
  await app.strapi.documents(SOURCE as any).create({
    data: { name, kind: 'republisher', website: `https://${name.toLowerCase().replace(/\W+/gu, '-')}.example.com`, ...fields } as any,
    status,
  });
}

let english: Awaited<ReturnType<typeof storyWithoutImages>>;

beforeAll(async () => {
  process.env.PUBLIC_URL = origin;
  app = await startApp('ninjs');
  cast = await demoCast(app.strapi);
  editorJwt = await adminJwt(app.server, editorLogin!.email, editorLogin!.password);
  for (const name of ['wire-a', 'wire-b', 'wire-expired', 'wire-unnamed', 'wire-draft'])
    tokens[name] = await readOnlyToken(`partner ${name}`);
  tokens.full = await fullAccessToken(app.strapi);
  await partner('Wire A', {
    agreementId: 'SYN-A-2026',
    licenseValidFrom: '2026-01-01',
    licenseValidUntil: '2031-12-31',
    allowedLocales: ['zh-Hant', 'en'],
    partnerTokenName: 'partner wire-a',
    embargoedDelivery: true,
    usageTerms: 'Web and app only; keep the byline and photo credits.',
  });
  await partner('Wire B', {
    agreementId: 'SYN-B-2026',
    licenseValidFrom: '2026-01-01',
    allowedLocales: ['zh-Hant'],
    partnerTokenName: 'partner wire-b',
  });
  await partner('Wire Expired', {
    agreementId: 'SYN-X-2025',
    licenseValidFrom: '2025-01-01',
    licenseValidUntil: '2025-12-31',
    partnerTokenName: 'partner wire-expired',
    embargoedDelivery: true,
  });
  await partner('Wire Draft', { agreementId: 'SYN-D-2026', partnerTokenName: 'partner wire-draft', embargoedDelivery: true }, 'draft');
  english = await storyWithoutImages(app.strapi, { title: 'Three writers, no pictures', writers: 3, publish: false });
  await approve(english.documentId, 'en');
  await app.strapi.documents(ARTICLE as any).publish({ documentId: english.documentId, locale: 'en' });
});

afterAll(async () => {
  delete process.env.PUBLIC_URL;
  await app?.stop();
});

describe('the partner token', () => {
  it('is required: none, or one Strapi does not know, is a 401', async () => {
    const none = await ninjs(SEED_SLUG, 'zh-Hant');
    expect(none.status).toBe(401);
    expect(none.body.error.message).toContain('partner API token is required');
    expect(none.headers['cache-control']).toBe('no-store');
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect((await ninjs(SEED_SLUG, 'zh-Hant', 'not-a-token')).status).toBe(401);
  });

  it('must be a read-only token that a published partner record names: else a 403', async () => {
    const full = await ninjs(SEED_SLUG, 'zh-Hant', tokens.full);
    expect(full.status).toBe(403);
    expect(full.body.error.message).toContain('read-only');
    const unnamed = await ninjs(SEED_SLUG, 'zh-Hant', tokens['wire-unnamed']);
    expect(unnamed.status).toBe(403);
    expect(unnamed.body.error.message).toContain('belongs to no syndication partner');
    // A partner record that is only a draft is not an agreement in force.
    expect((await ninjs(SEED_SLUG, 'zh-Hant', tokens['wire-draft'])).status).toBe(403);
    // The control: a partner's own token passes.
    expect((await ninjs(SEED_SLUG, 'zh-Hant', tokens['wire-a'])).status).toBe(200);
  });

  it('honours the agreement: its locales and its validity', async () => {
    const hans = await ninjs(SEED_SLUG, 'zh-Hans', tokens['wire-a']);
    expect(hans.status).toBe(403);
    expect(hans.body.error.message).toBe('Wire A has an agreement that does not cover zh-Hans (it covers zh-Hant, en).');
    const english403 = await ninjs(english.slug, 'en', tokens['wire-b']);
    expect(english403.status).toBe(403);
    expect(english403.body.error.message).toContain('does not cover en');
    const expired = await ninjs(SEED_SLUG, 'zh-Hant', tokens['wire-expired']);
    expect(expired.status).toBe(403);
    expect(expired.body.error.message).toBe('Wire Expired has an agreement that expired on 2025-12-31.');
    // The same stories for partners whose agreement covers them.
    expect((await ninjs(english.slug, 'en', tokens['wire-a'])).status).toBe(200);
    expect((await ninjs(SEED_SLUG, 'zh-Hant', tokens['wire-b'])).status).toBe(200);
  });

  it('is never given out by the public API: the partner fields are private, and cannot be filtered on', async () => {
    const res = await request(app.server)
      .get('/api/sources')
      .query({ filters: { name: { $eq: 'Wire A' } } })
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    for (const field of ['partnerTokenName', 'embargoedDelivery', 'usageTerms', 'agreementId'])
      expect(res.body.data[0]).not.toHaveProperty(field);
    const probe = await request(app.server)
      .get('/api/sources')
      .query({ filters: { partnerTokenName: { $startsWith: 'partner' } } });
    expect(probe.status).toBe(400);
    expect(probe.body.error.details.errors[0].path).toEqual(['filters', 'partnerTokenName']);
  });

  it('takes only locale, like the by-slug route', async () => {
    const res = await ninjs(SEED_SLUG, 'zh-Hant', tokens['wire-a']).query({ populate: '*' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['populate']);
  });
});

describe('ninjs 2.2', () => {
  it('the demo story: valid, with its byline, rights, sources and credited picture, and the by-slug bodyHtml', async () => {
    const res = await ninjs(SEED_SLUG, 'zh-Hant', tokens['wire-a']).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const doc = res.body;
    expectValid(doc);
    const story = await bySlug(SEED_SLUG, 'zh-Hant');
    expect(doc).toMatchObject({
      uri: `urn:newsroom:article:${story.documentId}:zh-Hant`,
      standard: { name: 'ninjs', version: '2.2' },
      type: 'text',
      pubstatus: 'usable',
      language: 'zh-Hant',
      firstcreated: story.firstPublishedAt,
      headlines: [{ role: 'main', contenttype: 'text/plain', value: demoData.title }],
      bodies: [{ role: 'main', contenttype: 'text/html', value: story.bodyHtml }],
      by: 'koorvoa',
      copyrightholder: '正見 TrueView',
      copyrightnotice: `© ${new Date(story.firstPublishedAt).getUTCFullYear()} 正見 TrueView`,
      usageterms: 'Web and app only; keep the byline and photo credits.',
      infosources: [
        { name: '正見 TrueView', role: 'http://cv.iptc.org/newscodes/infosourcerole/originfo' },
        { name: '钛媒體 TMTPost', role: 'urn:newsroom:infosourcerole:republisher' },
      ],
    });
    expect(doc.embargoed).toBeUndefined();
    expect(doc.descriptions).toEqual(
      expect.arrayContaining([{ role: 'byline', contenttype: 'text/plain', value: story.attribution.line }]),
    );
    expect(doc.associations).toHaveLength(1);
    expect(doc.associations[0]).toMatchObject({
      name: 'cover',
      type: 'picture',
      by: story.cover.creditLine,
      copyrightholder: '視覺中國',
      copyrightnotice: expect.stringMatching(/^© \d{4} 視覺中國$/u),
    });
    expect(doc.associations[0].renditions[0]).toMatchObject({
      name: 'original',
      href: story.cover.image.url,
      contenttype: story.cover.image.mime,
    });
    expect(story.cover.image.url.startsWith(`${origin}/uploads/`)).toBe(true);
    // No private field of the partner record or of the story's agreement.
    expect(JSON.stringify(doc)).not.toContain('TMT-TV-2026-001');
    expect(JSON.stringify(doc)).not.toContain('partner wire-a');
  });

  it('a story with corrections: each in descriptions, newest first, and a new version', async () => {
    const story = await createStory(app.strapi, cast, { title: 'ninjs:有更正的報導', publish: false });
    await approve(story.documentId);
    await app.strapi.documents(ARTICLE as any).publish({ documentId: story.documentId, locale: 'zh-Hant' });
    const before = (await ninjs(story.slug, 'zh-Hant', tokens['wire-b']).expect(200)).body;
    for (const [kind, text] of [
      ['correction', '本文原稱成立於2010年,實為2012年。'],
      ['clarification', '文中的「市占率」指出貨量。'],
    ]) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      const res = await request(app.server)
        .post('/newsroom/corrections')
        .set('Authorization', `Bearer ${editorJwt}`)
        .send({ documentId: story.documentId, locale: 'zh-Hant', kind, text });
      expect(res.status).toBe(200);
    }
    const doc = (await ninjs(story.slug, 'zh-Hant', tokens['wire-b']).expect(200)).body;
    expectValid(doc);
    const corrections = doc.descriptions.filter((d: { role: string }) => ['correction', 'clarification', 'update'].includes(d.role));
    expect(corrections.map((d: { role: string }) => d.role)).toEqual(['clarification', 'correction']);
    expect(corrections[1].value).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z 本文原稱成立於2010年,實為2012年。$/u);
    expect(Date.parse(doc.versioncreated)).toBeGreaterThan(Date.parse(before.versioncreated));
    expect(Number(doc.version)).toBeGreaterThan(Number(before.version));
    expect(doc.firstcreated).toBe(before.firstcreated);
    // Wire B's agreement has no usage terms of its own: they are said from the agreement.
    expect(doc.usageterms).toBe(
      'Licensed to Wire B under syndication agreement SYN-B-2026 (zh-Hant). Keep the byline and every photo credit as given.',
    );
  });

  it('several writers and no images: every writer in byline order, no associations', async () => {
    const doc = (await ninjs(english.slug, 'en', tokens['wire-a']).expect(200)).body;
    expectValid(doc);
    expect(doc.by).toBe(`${english.writers[0]}, ${english.writers[1]} and ${english.writers[2]}`);
    expect(doc.associations).toBeUndefined();
    expect(doc.infosources).toEqual([
      { name: english.outlet, role: 'http://cv.iptc.org/newscodes/infosourcerole/originfo', uri: expect.stringMatching(/^https:\/\//u) },
    ]);
    expect(doc.bodies[0].value).toBe((await bySlug(english.slug, 'en')).bodyHtml);
  });
});

describe('embargoed delivery', () => {
  let held: { documentId: string; slug: string };

  beforeAll(async () => {
    held = await createStory(app.strapi, cast, { title: 'ninjs:禁發中的報導', publish: false });
    await approve(held.documentId);
    expect((await embargo(held.documentId, '2031-05-04T09:30')).status).toBe(200);
  });

  it('goes to a partner whose agreement allows it: the approved story, marked embargoed with the lift time', async () => {
    const res = await ninjs(held.slug, 'zh-Hant', tokens['wire-a']).expect(200);
    expectValid(res.body);
    expect(res.body).toMatchObject({ embargoed: LIFTS, pubstatus: 'usable', headlines: [{ value: 'ninjs:禁發中的報導' }] });
    expect(res.body.ednote).toContain(LIFTS);
    expect(res.headers['x-delivery-cache']).toBe('bypass');
    // The public never sees it.
    expect((await request(app.server).get(`/api/articles/by-slug/${held.slug}`).query({ locale: 'zh-Hant' })).status).toBe(404);
  });

  it('is a 404 for a partner without embargoed delivery, as for a story that does not exist', async () => {
    const res = await ninjs(held.slug, 'zh-Hant', tokens['wire-b']);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`No story "${held.slug}" is available to Wire B in zh-Hant.`);
    expect((await ninjs('no-such-story', 'zh-Hant', tokens['wire-b'])).body.error.message).toBe(
      'No story "no-such-story" is available to Wire B in zh-Hant.',
    );
  });

  it('never sends a draft, an unapproved story under embargo, or one whose embargo has lifted', async () => {
    const draft = await createStory(app.strapi, cast, { title: 'ninjs:草稿', publish: false });
    expect((await ninjs(draft.slug, 'zh-Hant', tokens['wire-a'])).status).toBe(404);
    // Under embargo but never approved.
    const unapproved = await createStory(app.strapi, cast, { title: 'ninjs:未核准的禁發報導', publish: false });
    expect((await embargo(unapproved.documentId, '2031-05-04T09:30')).status).toBe(200);
    expect((await ninjs(unapproved.slug, 'zh-Hant', tokens['wire-a'])).status).toBe(404);
    // Approved, embargo lifted, not yet published: nothing to deliver ahead of time.
    const lifted = await createStory(app.strapi, cast, { title: 'ninjs:已解禁未發布', publish: false });
    await approve(lifted.documentId);
    expect((await embargo(lifted.documentId, '2031-05-04T09:30')).status).toBe(200);
    expect((await ninjs(lifted.slug, 'zh-Hant', tokens['wire-a'])).status).toBe(200);
    expect((await embargo(lifted.documentId, null)).status).toBe(200);
    expect((await ninjs(lifted.slug, 'zh-Hant', tokens['wire-a'])).status).toBe(404);
    // An expired agreement gets nothing, embargoed delivery or not.
    expect((await ninjs(held.slug, 'zh-Hant', tokens['wire-expired'])).status).toBe(403);
  });

  it('a story taken down is gone for partners too', async () => {
    const story = await createStory(app.strapi, cast, { title: 'ninjs:撤下的報導', publish: false });
    await approve(story.documentId);
    await app.strapi.documents(ARTICLE as any).publish({ documentId: story.documentId, locale: 'zh-Hant' });
    expect((await ninjs(story.slug, 'zh-Hant', tokens['wire-a'])).status).toBe(200);
    await app.strapi.documents(ARTICLE as any).unpublish({ documentId: story.documentId, locale: 'zh-Hant' });
    expect((await ninjs(story.slug, 'zh-Hant', tokens['wire-a'])).status).toBe(404);
  });

  it('a locale the agreement does not cover stays closed, embargoed or published', async () => {
    await publishAuthorsIn(app.strapi, cast, 'zh-Hans');
    const hans = await createStory(app.strapi, cast, { title: 'ninjs:简体禁发报道', locale: 'zh-Hans', publish: false });
    await approve(hans.documentId, 'zh-Hans');
    expect((await embargo(hans.documentId, '2031-05-04T09:30', 'zh-Hans')).status).toBe(200);
    expect((await ninjs(hans.slug, 'zh-Hans', tokens['wire-a'])).status).toBe(403);
  });
});
