import { parseFragment } from 'parse5';
import request from 'supertest';
import { XSS_PAYLOADS, XSS_URL_VECTORS } from '../helpers/html-safety';
import { createStory, demoCast, type DemoCast } from '../helpers/stories';
import { fullAccessToken, startApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const AUTHOR = 'api::author.author';
const SOURCE = 'api::source.source';
const PULL_QUOTE = 'api::pull-quote.pull-quote';

type Row = Record<string, any>;

let app: TestApp;
let cast: DemoCast;
let token: string;

/** The encoded forms a plain-text check must see through, each hiding the same live tag. */
const ENCODED_TAGS = [
  '<img src=x onerror=alert(1)>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '&#x3C;svg onload=alert(1)&#x3E;',
  '&amp;lt;img src=x onerror=alert(1)&amp;gt;',
  '&amp;amp;lt;script&amp;amp;gt;alert(1)&amp;amp;lt;/script&amp;amp;gt;',
  '&ltimg src=x onerror=alert(1)&gt',
];

/** True when a browser parsing the value as HTML would find an element in it. */
function hasElement(value: string): boolean {
  type Node = { nodeName: string; tagName?: string; childNodes?: Node[] };
  const visit = (node: Node): boolean => Boolean(node.tagName) || (node.childNodes ?? []).some(visit);
  return visit(parseFragment(value) as unknown as Node);
}

beforeAll(async () => {
  // Publishing here is about what is stored and delivered; approval is the workflow suites' subject.
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  app = await startApp('security-plain-text');
  cast = await demoCast(app.strapi);
  token = await fullAccessToken(app.strapi);
});
afterAll(async () => {
  delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  await app?.stop();
});

describe('plain-text fields never store markup', () => {
  it('finds an element where there is one (the check is not blind)', () => {
    expect(hasElement('<img src=x onerror=alert(1)>')).toBe(true);
    expect(hasElement('&lt;img src=x&gt;')).toBe(false);
  });

  it.each(ENCODED_TAGS)('an author created over REST with displayName %j keeps its text and loses the tag', async (payload) => {
    const res = await request(app.server)
      .post('/api/authors')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: { name: `作者 ${payload}`, displayName: `顯示名 ${payload}`, bio: `簡介 ${payload}`, aliases: [payload, `別名 ${payload}`] },
      });
    expect(res.status).toBe(201);
    const row: Row = await app.strapi.db.query(AUTHOR as any).findOne({ where: { documentId: res.body.data.documentId } });
    for (const value of [row.name, row.displayName, row.bio, ...(row.aliases as string[])]) {
      expect(hasElement(value)).toBe(false);
      expect(value).not.toMatch(/<\s*(img|svg|script)/iu);
    }
    expect(row.displayName.startsWith('顯示名')).toBe(true);
    // An alias that was nothing but markup is dropped rather than kept empty.
    expect((row.aliases as string[]).every((alias) => alias !== '')).toBe(true);
  });

  it.each(ENCODED_TAGS)('article title, dek and image credit, caption and alt lose %j', async (payload) => {
    const draft: Row = await app.strapi.documents(ARTICLE as any).create({
      locale: 'zh-Hant',
      data: {
        title: `標題 ${payload} ${Math.random()}`,
        dek: `摘要 ${payload}`,
        cover: {
          image: cast.photo.id,
          credit: `視覺中國 ${payload}`,
          photographer: payload,
          caption: `說明 ${payload}`,
          alt: `圖 ${payload}`,
        },
      } as any,
      populate: ['cover'],
    });
    for (const value of [
      draft.title,
      draft.dek,
      draft.cover.credit,
      draft.cover.caption,
      draft.cover.alt,
      draft.cover.photographer ?? '',
    ]) {
      expect(hasElement(value)).toBe(false);
    }
  });

  it('pull-quote text and speaker lose encoded markup', async () => {
    const quote: Row = await app.strapi.documents(PULL_QUOTE as any).create({
      locale: 'zh-Hant',
      data: {
        text: `引語 ${ENCODED_TAGS[4]}`,
        speaker: `講者 ${ENCODED_TAGS[1]}`,
        speakerTitle: ENCODED_TAGS[2],
        speakerOrg: ENCODED_TAGS[3],
      } as any,
    });
    for (const value of [quote.text, quote.speaker, quote.speakerTitle ?? '', quote.speakerOrg ?? ''])
      expect(hasElement(value)).toBe(false);
  });

  it(`no payload of the ${XSS_PAYLOADS.length}-payload corpus leaves an element in a stored pull-quote (every 8th payload, each a real write)`, async () => {
    const sample = XSS_PAYLOADS.filter((_payload, i) => i % 8 === 0);
    const survivors: string[] = [];
    for (const payload of sample) {
      const row: Row = await app.strapi.documents(PULL_QUOTE as any).create({
        locale: 'zh-Hant',
        data: { text: `引語 ${payload}`, speaker: '講者', speakerTitle: payload.slice(0, 255), speakerOrg: payload.slice(0, 255) } as any,
      });
      if ([row.text, row.speakerTitle ?? '', row.speakerOrg ?? ''].some(hasElement)) survivors.push(payload);
    }
    expect(sample.length).toBeGreaterThan(250);
    expect(survivors).toEqual([]);
  });
});

describe("an outlet's attribution template is plain text, and so is the byline line rendered from it", () => {
  it('strips markup from the template on save and delivers a byline without it', async () => {
    const outlet: Row = (await app.strapi.documents(SOURCE as any).update({
      documentId: cast.outlet,
      locale: 'zh-Hant',
      data: {
        attributionTemplate: '文|{outlet}&lt;img src=x onerror=alert(1)&gt;,作者|{author}<script>alert(1)</script>,編輯|{editor}',
      } as any,
      status: 'published',
    }))!;
    expect(outlet.attributionTemplate).toBe('文|{outlet},作者|{author},編輯|{editor}');

    const { slug } = await createStory(app.strapi, cast, { title: '署名模板測試' });
    const res = await request(app.server).get(`/api/articles/by-slug/${slug}`);
    expect(res.status).toBe(200);
    expect(res.body.data.attribution.line).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
  });
});

describe('web-address fields take absolute http(s) addresses only', () => {
  it('refuses a javascript: website over REST with a 400 naming the field, and stores nothing', async () => {
    const before = await app.strapi.db.query(SOURCE as any).count();
    const res = await request(app.server)
      .post('/api/sources')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { name: '惡意來源', kind: 'outlet', website: 'javascript:alert(document.cookie)' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['website']);
    expect(await app.strapi.db.query(SOURCE as any).count()).toBe(before);
  });

  it(`refuses each of the corpus's ${XSS_URL_VECTORS.length} URL-style vectors as an article's originalUrl`, async () => {
    const accepted: string[] = [];
    for (const vector of [...XSS_URL_VECTORS, '//evil.example/x', 'https:/evil.example', 'HTTPS://user:pw@evil.example']) {
      try {
        await app.strapi
          .documents(ARTICLE as any)
          .create({ locale: 'zh-Hant', data: { title: `網址 ${Math.random()}`, originalUrl: vector } as any });
        accepted.push(vector);
      } catch (error) {
        expect((error as { details?: { errors?: Array<{ path: string[] }> } }).details?.errors?.[0]?.path).toEqual(['originalUrl']);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('keeps a real address', async () => {
    const row: Row = await app.strapi.documents(ARTICLE as any).create({
      locale: 'zh-Hant',
      data: { title: `網址 ${Math.random()}`, originalUrl: ' https://www.tmtpost.com/7012345.html ' } as any,
    });
    expect(row.originalUrl).toBe('https://www.tmtpost.com/7012345.html');
  });

  it('does not deliver a javascript: address stored before addresses were checked', async () => {
    const { slug, documentId } = await createStory(app.strapi, cast, { title: '舊資料網址測試' });
    await app.strapi.db.query(ARTICLE as any).updateMany({ where: { documentId }, data: { originalUrl: 'javascript:alert(1)' } });
    const res = await request(app.server).get(`/api/articles/by-slug/${slug}`);
    expect(res.body.data.originalUrl).toBeNull();
    expect(res.body.data.jsonLd.isBasedOn).toBeUndefined();
  });
});

describe('jsonLdScript: JSON-LD ready to embed in a <script> element', () => {
  let data: Row;
  const hostile = '</script><script>alert(document.domain)</script>\u2028<!--';

  beforeAll(async () => {
    const { slug, documentId } = await createStory(app.strapi, cast, { title: '結構化資料測試' });
    // A headline stored before plain-text cleaning existed (written around the Document Service).
    await app.strapi.db.query(ARTICLE as any).updateMany({ where: { documentId }, data: { title: hostile, dek: 'a & b > c' } });
    const res = await request(app.server).get(`/api/articles/by-slug/${slug}`);
    expect(res.status).toBe(200);
    data = res.body.data;
  });

  it('still carries the raw value in jsonLd, as data', () => {
    expect(data.jsonLd.headline).toBe(hostile);
  });

  it('escapes <, >, &, U+2028 and U+2029, and parses back to exactly jsonLd', () => {
    expect(data.jsonLdScript).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(data.jsonLdScript).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(data.jsonLdScript)).toEqual(data.jsonLd);
  });

  it('stays one script element, with nothing after it, when a front end embeds it as it is', () => {
    type Node = { nodeName: string; childNodes?: Node[]; value?: string };
    const html = `<script type="application/ld+json">${data.jsonLdScript}</script>`;
    const nodes = (parseFragment(html) as unknown as Node).childNodes ?? [];
    expect(nodes.map((n) => n.nodeName)).toEqual(['script']);
    expect(nodes[0]!.childNodes?.[0]?.value).toBe(data.jsonLdScript);
  });

  it('is the same string through GraphQL', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .send({ query: `{ articleBySlug(slug: "${data.slug}") { jsonLdScript } }` });
    expect(res.body.data.articleBySlug.jsonLdScript).toBe(data.jsonLdScript);
  });
});
