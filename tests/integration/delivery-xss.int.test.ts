import { parseFragment } from 'parse5';
import request from 'supertest';
import { isMediaLibraryUrl } from '../../src/delivery/media-url';
import { unsafeParts, XSS_PAYLOADS } from '../helpers/html-safety';
import { createStory, demoCast, imageNodeOf } from '../helpers/stories';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let slug: string;
let photoUrl: string;

const text = (value: string) => ({ type: 'text', text: value });

beforeAll(async () => {
  // This suite is about what readers get once a story is published; the approval step before a
  // publish is the workflow's gate and is tested in the workflow suites (a second instance inherits this).
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  app = await startApp('delivery-xss');
  const cast = await demoCast(app.strapi);
  photoUrl = cast.photo.url;
  // Every place a Blocks body can carry a string that Strapi's own validation lets through.
  const extraBody = XSS_PAYLOADS.flatMap((payload) => [
    { type: 'paragraph', children: [text(payload)] },
    { type: 'heading', level: 3, children: [{ ...text(payload), bold: true, italic: true }] },
    { type: 'quote', children: [text(payload)] },
    { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text(payload)] }] },
    { type: 'code', language: payload, children: [text(payload)] },
    {
      type: 'paragraph',
      children: [{ type: 'link', url: `https://example.com/?q=${encodeURIComponent(payload)}`, children: [text(payload)] }],
    },
    // An image node whose URL is the payload (the file id is real, so the guard finds its credit).
    {
      type: 'image',
      image: { ...imageNodeOf(cast.photo), url: payload, alternativeText: payload, caption: payload },
      children: [text('')],
    },
    // A real media-library image whose alt text and caption are the payload.
    { type: 'image', image: { ...imageNodeOf(cast.photo), alternativeText: payload, caption: payload }, children: [text('')] },
  ]);
  slug = (await createStory(app.strapi, cast, { title: '跨站腳本測試', extraBody })).slug;
});
afterAll(async () => {
  delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  await app?.stop();
});

describe(`bodyHtml under an XSS corpus of ${XSS_PAYLOADS.length} payloads`, () => {
  let html: string;
  beforeAll(async () => {
    const res = await request(app.server).get(`/api/articles/by-slug/${slug}`);
    expect(res.status).toBe(200);
    html = res.body.data.bodyHtml;
  });

  it('holds the public corpus of 2,000 payloads and its URL vectors', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(2100);
  });

  it('lets none survive: no script, no event handler, no javascript:/data: URL, only allowed tags and attributes, images from the media library only', () => {
    expect(unsafeParts(html, (url) => isMediaLibraryUrl(url, ['/uploads/']))).toEqual([]);
  });

  it('keeps every payload as visible text, so readers see what the writer typed', () => {
    type Node = { nodeName: string; value?: string; childNodes?: Node[] };
    const textOf = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''));
    const paragraphs = ((parseFragment(html) as unknown as Node).childNodes ?? []).filter((n) => n.nodeName === 'p').map(textOf);
    // A control character is not kept as typed (the HTML parser replaces NUL, line breaks become <br>).
    const typable = XSS_PAYLOADS.filter((payload) => !/[\u0000-\u001f]/u.test(payload));
    const missing = typable.filter((payload) => !paragraphs.includes(payload));
    expect(missing).toEqual([]);
  });

  it('shows only the media-library images, each with its alt text escaped', () => {
    const sources = [...html.matchAll(/<img src="([^"]*)"/g)].map((m) => m[1]);
    expect(sources).toHaveLength(XSS_PAYLOADS.length);
    expect(new Set(sources)).toEqual(new Set([photoUrl]));
  });

  it('is the same HTML through GraphQL', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .send({ query: `{ articleBySlug(slug: "${slug}") { bodyHtml } }` });
    expect(res.body.data.articleBySlug.bodyHtml).toBe(html);
  });
});
