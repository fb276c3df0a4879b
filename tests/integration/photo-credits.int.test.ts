import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { withMetadata, type MetadataFields } from '../../src/photo-credits/jpeg-fixture';
import { EXPECTED_FROM_FIXTURES, PHOTO_FIXTURES } from '../fixtures/photos/expected';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';

/**
 * Credits and rights read from real photo files — public files other tools wrote, and a few crafted
 * ones — through the admin's own upload and replace routes, as stored with the file and as the
 * editor's panel shows them.
 */
const ARTICLE = 'api::article.article';
const MEDIA_CREDIT = 'plugin::attribution-guard.media-credit';
let app: TestApp;
let admin: string;
let editor: string;

beforeAll(async () => {
  app = await startApp('photo-credits');
  admin = await adminJwt(app.server, 'admin@newsroom.local', 'Newsroom-Admin-2026');
  editor = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
});
afterAll(async () => {
  await app?.stop();
});

const fixture = (name: string) => readFileSync(path.join(PHOTO_FIXTURES, name));
const blank = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
const crafted = async (fields: MetadataFields) => withMetadata(await blank(), fields);

async function upload(buffer: Buffer, name: string): Promise<number> {
  const res = await request(app.server)
    .post('/upload')
    .set('Authorization', `Bearer ${admin}`)
    .attach('files', buffer, { filename: name, contentType: 'image/jpeg' });
  expect(res.status).toBe(201);
  return res.body[0].id as number;
}

/** The Media Library's "Replace media": the edit dialog posts to `/upload?id=`, the newer route is `/upload/files/:id/replace`. */
async function replace(id: number, buffer: Buffer, name: string, route: 'query' | 'files' = 'query') {
  const url = route === 'query' ? `/upload?id=${id}` : `/upload/files/${id}/replace`;
  const res = await request(app.server)
    .post(url)
    .set('Authorization', `Bearer ${admin}`)
    .field('fileInfo', JSON.stringify({ name }))
    .attach('files', buffer, { filename: name, contentType: 'image/jpeg' });
  expect(res.status).toBe(200);
  expect(res.body.id).toBe(id);
}

const stored = (fileId: number) => app.strapi.db.query(MEDIA_CREDIT as any).findOne({ where: { fileId }, populate: { agency: true } });
const agencyId = async () =>
  (await app.strapi.db.query('api::source.source' as any).findOne({ where: { name: '視覺中國', publishedAt: { $notNull: true } } }))
    .documentId as string;

describe('the public test photos, uploaded', () => {
  it.each(EXPECTED_FROM_FIXTURES)('%s stores what EXPECTED.md says', async (file, expected) => {
    const id = await upload(fixture(file), file);
    expect(await stored(id)).toMatchObject({ ...expected, origin: 'file-metadata' });
    const view = await request(app.server).get(`/attribution-guard/media-credits/${id}`).set('Authorization', `Bearer ${editor}`);
    expect(view.status).toBe(200);
    expect(view.body.data).toMatchObject({ ...expected, fileId: id, origin: 'file-metadata' });
  });

  it('shows each one in the editor’s panel with its credit, photographer, licence and rights', async () => {
    const ids: number[] = [];
    for (const [file] of EXPECTED_FROM_FIXTURES) ids.push(await upload(fixture(file), file));
    const res = await request(app.server)
      .post('/attribution-guard/check')
      .set('Authorization', `Bearer ${editor}`)
      .send({ contentType: ARTICLE, locale: 'zh-Hant', data: { title: '照片來源', gallery: ids.map((image) => ({ image })) } });
    expect(res.status).toBe(200);
    const images = res.body.data.preview.images as Array<Record<string, any>>;
    expect(images).toHaveLength(ids.length);
    EXPECTED_FROM_FIXTURES.forEach(([file, { credit, photographer, license, ...rights }], i) => {
      expect({ file, ...images[i] }).toMatchObject({
        file,
        path: `gallery.${i}`,
        fileId: ids[i],
        credit,
        photographer,
        license,
        creditOrigin: 'file',
        storedCreditSource: 'file-metadata',
        rights,
      });
    });
    // Every one names someone: none is flagged as uncredited.
    expect(images.flatMap((image) => image.findings).filter((f: { rule: string }) => f.rule === 'image.credit-required')).toEqual([]);
  });
});

describe('files made for the cases the public ones miss', () => {
  it('credits the creator, not a licence statement in dc:rights, and stores the licence', async () => {
    const id = await upload(
      await crafted({ xmp: { byline: 'Lukas Nagel', copyright: 'Creative Commons Attribution-ShareAlike (CC BY-SA)' } }),
      'nagel.jpg',
    );
    expect(await stored(id)).toMatchObject({
      credit: 'Lukas Nagel',
      photographer: 'Lukas Nagel',
      license: 'cc-by-sa',
      copyright: 'Creative Commons Attribution-ShareAlike (CC BY-SA)',
    });
  });

  it('never credits a licence even when it is all the file says, and reads licence URLs', async () => {
    const id = await upload(
      await crafted({ xmp: { credit: 'CC BY 4.0', webStatement: 'https://creativecommons.org/licenses/by/4.0/' } }),
      'cc-only.jpg',
    );
    expect(await stored(id)).toMatchObject({
      credit: null,
      photographer: null,
      license: 'cc-by',
      webStatement: 'https://creativecommons.org/licenses/by/4.0/',
    });
  });

  it('credits the by-line, not the Copyright Notice', async () => {
    const id = await upload(await crafted({ iptc: { byline: 'MARCO VILLANTI', copyright: 'MARCOVILLANTI' } }), 'villanti.jpg');
    expect(await stored(id)).toMatchObject({ credit: 'MARCO VILLANTI', photographer: 'MARCO VILLANTI', copyright: 'MARCOVILLANTI' });
  });

  it('reads usage terms and web statement under the xapRights prefix', async () => {
    const id = await upload(
      await crafted({
        xmp: { byline: 'Jane Roe', usageTerms: 'CC BY-SA 4.0', webStatement: 'http://example.com/rights' },
        xmpOptions: { rightsPrefix: 'xapRights' },
      }),
      'xap.jpg',
    );
    expect(await stored(id)).toMatchObject({
      credit: 'Jane Roe',
      usageTerms: 'CC BY-SA 4.0',
      webStatement: 'http://example.com/rights',
      license: 'cc-by-sa',
    });
  });

  it('falls back to EXIF Artist and Copyright when the XMP is UTF-16', async () => {
    const file = await crafted({
      xmp: { credit: 'Unread' },
      xmpOptions: { encoding: 'utf16be' },
      exif: { artist: 'Phil Harvey', copyright: 'Copyright 2004 Phil Harvey' },
    });
    const id = await upload(file, 'utf16.jpg');
    expect(await stored(id)).toMatchObject({ credit: 'Phil Harvey', photographer: 'Phil Harvey', copyright: 'Copyright 2004 Phil Harvey' });
  });

  it('stores decoded entities, and cuts a credit longer than the column instead of failing the upload', async () => {
    const entities = await upload(
      await crafted({ xmp: { credit: 'Minneapolis College of Art &amp; Design', byline: 'O&#39;Neil' }, xmpOptions: { raw: true } }),
      'entities.jpg',
    );
    expect(await stored(entities)).toMatchObject({ credit: 'Minneapolis College of Art & Design', photographer: "O'Neil" });
    const long = await upload(await crafted({ xmp: { credit: '圖'.repeat(400), byline: 'Ａ'.repeat(300) } }), 'long.jpg');
    const row = await stored(long);
    expect(row.credit).toHaveLength(255);
    expect(row.photographer).toHaveLength(120);
  });
});

describe('replacing a file', () => {
  it.each(['query', 'files'] as const)('replaces every value read from the old file (%s route)', async (route) => {
    const id = await upload(fixture('iptc-staff-photographer-example.jpg'), 'farm.jpg');
    expect(await stored(id)).toMatchObject({ credit: 'Big Newspaper', photographer: 'John Doe' });

    await replace(id, fixture('iptc-agency-photographer-example.jpg'), 'lincoln.jpg', route);
    expect(await stored(id)).toMatchObject({
      credit: 'Mugwum Press',
      photographer: 'Julie Doe',
      copyright: '©2009 Julie Doe / Mugwum Press, all rights reserved',
      usageTerms: expect.stringMatching(/^Image to be used One-time only/u),
      webStatement: 'http://www.riecks.com/copyright.html',
      licensor: 'Mugwum Press',
      origin: 'file-metadata',
    });

    // A file that says nothing leaves nothing of the previous one behind.
    await replace(id, await blank(), 'plain.jpg', route);
    expect(await stored(id)).toMatchObject({
      credit: null,
      agency: null,
      photographer: null,
      license: null,
      copyright: null,
      usageTerms: null,
      webStatement: null,
      licensor: null,
      licensorUrl: null,
    });
  });

  it('keeps a typed credit, agency and licence, and takes the photographer the editor left as the file gave it from the new file', async () => {
    const id = await upload(fixture('iptc-staff-photographer-example.jpg'), 'farm.jpg');
    const vcg = await agencyId();
    // The panel's form sends every field, the photographer prefilled from the file.
    const put = await request(app.server)
      .put(`/attribution-guard/media-credits/${id}`)
      .set('Authorization', `Bearer ${editor}`)
      .send({ credit: '視覺中國', agency: vcg, photographer: 'John Doe', license: 'agency' });
    expect(put.status).toBe(200);
    expect(await stored(id)).toMatchObject({
      credit: '視覺中國',
      origin: 'typed',
      photographer: 'John Doe',
      photographerOrigin: 'file-metadata',
      license: 'agency',
      licenseOrigin: 'typed',
    });

    await replace(id, fixture('iptc-agency-photographer-example.jpg'), 'lincoln.jpg');
    expect(await stored(id)).toMatchObject({
      credit: '視覺中國',
      agency: { documentId: vcg },
      origin: 'typed',
      license: 'agency',
      photographer: 'Julie Doe',
      copyright: '©2009 Julie Doe / Mugwum Press, all rights reserved',
    });
  });

  it('keeps a photographer the editor typed', async () => {
    const id = await upload(fixture('iptc-staff-photographer-example.jpg'), 'farm.jpg');
    const put = await request(app.server)
      .put(`/attribution-guard/media-credits/${id}`)
      .set('Authorization', `Bearer ${editor}`)
      .send({ credit: 'Big Newspaper', photographer: '約翰' });
    expect(put.status).toBe(200);
    await replace(id, fixture('exiftool-XMP.jpg'), 'exiftool.jpg');
    // The credit was left as the file gave it, so it follows the new file; the typed photographer stays.
    expect(await stored(id)).toMatchObject({
      credit: 'Phil Harvey',
      origin: 'file-metadata',
      photographer: '約翰',
      photographerOrigin: 'typed',
      copyright: 'Copyright 2004 Phil Harvey',
    });
  });
});
