import { existsSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { appDir } from '../helpers/database';

const FILE = 'plugin::upload.file';
const uploadsDir = path.join(appDir, 'public', 'uploads');
let app: TestApp;
let jwt: string;

beforeAll(async () => {
  app = await startApp('security-uploads');
  jwt = await adminJwt(app.server, 'author@newsroom.local', 'Newsroom-Author-2026');
});
afterAll(async () => {
  await app?.stop();
});

const onDisk = () => (existsSync(uploadsDir) ? readdirSync(uploadsDir).sort() : []);
const fileCount = () => app.strapi.db.query(FILE as any).count();
const image = (format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif') =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .toFormat(format)
    .toBuffer();

type Part = { buffer: Buffer; name: string; type: string };
const post = (parts: Part[], query = '') => {
  let req = request(app.server).post(`/upload${query}`).set('Authorization', `Bearer ${jwt}`);
  for (const p of parts) req = req.attach('files', p.buffer, { filename: p.name, contentType: p.type });
  return req;
};

const SCRIPT = '<script>fetch("/admin/users/me")</script>';
const SVG_WITH_SCRIPT: Part = {
  buffer: Buffer.from(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">${SCRIPT}</svg>`),
  name: 'chart.svg',
  type: 'image/svg+xml',
};
const HTML_PAGE: Part = { buffer: Buffer.from(`<!doctype html><html><body>${SCRIPT}</body></html>`), name: 'page.html', type: 'text/html' };
const hostile: Array<[string, Part, RegExp]> = [
  ['SVG with a script', SVG_WITH_SCRIPT, /SVG files cannot be uploaded.*export the graphic as PNG/u],
  [
    'SVG named .png',
    { buffer: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`), name: 'chart.png', type: 'image/png' },
    /SVG files cannot be uploaded/u,
  ],
  ['HTML page', HTML_PAGE, /"page\.html" is an HTML page, not an image/u],
  [
    'XHTML page',
    {
      buffer: Buffer.from(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">${SCRIPT}</html>`),
      name: 'page.xhtml',
      type: 'application/xhtml+xml',
    },
    /"page\.xhtml" is an HTML page/u,
  ],
  [
    'XML document',
    {
      buffer: Buffer.from('<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'),
      name: 'feed.xml',
      type: 'text/xml',
    },
    /not an image/u,
  ],
  [
    'JavaScript',
    { buffer: Buffer.from('fetch("/admin/access-token",{method:"POST"})'), name: 'app.js', type: 'text/javascript' },
    /"app\.js" is a script, not an image/u,
  ],
  [
    'JavaScript named .jpg',
    { buffer: Buffer.from('alert(document.domain)'), name: 'photo.jpg', type: 'image/jpeg' },
    /"photo\.jpg" is not an image/u,
  ],
  [
    'HTML bytes named .jpg',
    { buffer: Buffer.from(`<html>${SCRIPT}</html>`), name: 'photo.jpg', type: 'image/jpeg' },
    /"photo\.jpg" is an HTML page/u,
  ],
  [
    'HTML after a BOM and whitespace',
    { buffer: Buffer.from(`\uFEFF  \n<body onload=alert(1)>`), name: 'x.gif', type: 'image/gif' },
    /is an HTML page/u,
  ],
  [
    'PDF',
    {
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF'),
      name: 'doc.pdf',
      type: 'application/pdf',
    },
    /"doc\.pdf" is a PDF file, not an image/u,
  ],
  ['empty file', { buffer: Buffer.alloc(0), name: 'empty.png', type: 'image/png' }, /empty|not an image/u],
];

describe('uploads are decided by their bytes', () => {
  it.each(hostile)('refuses %s with a 400 naming the file, storing nothing', async (_label, part, message) => {
    const [before, disk] = [await fileCount(), onDisk()];
    const res = await post([part]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await fileCount()).toBe(before);
    expect(onDisk()).toEqual(disk);
  });

  it('refuses the same files through the content API upload', async () => {
    const res = await request(app.server)
      .post('/api/upload')
      .attach('files', SVG_WITH_SCRIPT.buffer, { filename: 'a.svg', contentType: 'image/svg+xml' });
    expect([400, 401, 403]).toContain(res.status);
  });

  it.each(['jpeg', 'png', 'webp', 'gif', 'avif'] as const)('accepts a real %s and serves it as that image with nosniff', async (format) => {
    const res = await post([{ buffer: await image(format), name: `photo.${format}`, type: 'application/octet-stream' }]);
    expect(res.status).toBe(201);
    const [file] = res.body;
    const mime = `image/${format}`;
    expect(file.mime).toBe(mime);
    const served = await request(app.server).get(file.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe(mime);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toBeUndefined();
  });

  it('stores a PNG named .jpg as a PNG', async () => {
    const res = await post([{ buffer: await image('png'), name: 'mislabelled.jpg', type: 'image/jpeg' }]);
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ ext: '.png', mime: 'image/png', name: 'mislabelled.png' });
    expect(res.body[0].url).toMatch(/\.png$/u);
  });

  it('a GIF header followed by script is kept a GIF: served as image/gif with nosniff, never as a page', async () => {
    const gif = Buffer.concat([await image('gif'), Buffer.from(SCRIPT)]);
    const res = await post([{ buffer: gif, name: 'poly.html', type: 'text/html' }]);
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ ext: '.gif', mime: 'image/gif' });
    const served = await request(app.server).get(res.body[0].url);
    expect(served.headers['content-type']).toBe('image/gif');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  it('stores none of several files when one of them is refused', async () => {
    const [before, disk] = [await fileCount(), onDisk()];
    const res = await post([
      { buffer: await image('jpeg'), name: 'good.jpg', type: 'image/jpeg' },
      SVG_WITH_SCRIPT,
      { buffer: await image('png'), name: 'good.png', type: 'image/png' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/SVG files cannot be uploaded/u);
    expect(await fileCount()).toBe(before);
    expect(onDisk()).toEqual(disk);
  });

  it('refuses a hostile replacement and keeps the old file', async () => {
    const original = (await post([{ buffer: await image('jpeg'), name: 'keep.jpg', type: 'image/jpeg' }])).body[0];
    for (const replace of [`?id=${original.id}`]) {
      const res = await post([HTML_PAGE], replace);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/is an HTML page/u);
    }
    const res = await request(app.server)
      .post(`/upload/files/${original.id}/replace`)
      .set('Authorization', `Bearer ${jwt}`)
      .attach('files', SVG_WITH_SCRIPT.buffer, { filename: 'x.svg', contentType: 'image/svg+xml' });
    expect([400, 404, 405]).toContain(res.status);
    const row = await app.strapi.db.query(FILE as any).findOne({ where: { id: original.id } });
    expect(row).toMatchObject({ url: original.url, mime: 'image/jpeg', hash: original.hash });
    expect((await request(app.server).get(original.url)).headers['content-type']).toBe('image/jpeg');
  });
});

describe('files stored before the check are served harmlessly', () => {
  const legacy: Array<[string, string]> = [
    ['legacy-chart.svg', `<svg xmlns="http://www.w3.org/2000/svg">${SCRIPT}</svg>`],
    ['legacy-page.html', `<html>${SCRIPT}</html>`],
    ['legacy-app.js', 'alert(1)'],
    ['legacy-noext', `<html>${SCRIPT}</html>`],
  ];
  beforeAll(() => {
    mkdirSync(uploadsDir, { recursive: true });
    for (const [name, body] of legacy) writeFileSync(path.join(uploadsDir, name), body);
  });
  afterAll(() => {
    for (const [name] of legacy) rmSync(path.join(uploadsDir, name), { force: true });
  });

  it.each(legacy)('%s is a sandboxed download with nosniff, whatever its database row says', async (name) => {
    await app.strapi.db.query(FILE as any).create({
      data: { name, hash: name, ext: path.extname(name), mime: 'image/png', size: 1, url: `/uploads/${name}`, provider: 'local' },
    });
    const res = await request(app.server).get(`/uploads/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.headers['content-disposition']).toMatch(/^attachment/u);
    expect(res.headers['content-type']).toBe('application/octet-stream');
  });

  it('an HTML file named .png on disk is still served as an image, which nosniff keeps from rendering as a page', async () => {
    writeFileSync(path.join(uploadsDir, 'legacy-fake.png'), `<html>${SCRIPT}</html>`);
    const res = await request(app.server).get('/uploads/legacy-fake.png');
    rmSync(path.join(uploadsDir, 'legacy-fake.png'), { force: true });
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
