import request from 'supertest';
import { demoData } from '../helpers/demo';
import { demoIds, type DemoIds } from '../helpers/articles';
import { attr, elementsOf, hasClass, ParsedPage, text, validateHtml } from '../helpers/reader-page';
import { createContributor } from '../helpers/roles';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { signPreviewToken, type PreviewClaims } from '../../src/reader/token';
import { readReaderConfig } from '../../src/reader/config';

/**
 * Strapi's Preview for articles: the admin asks for a preview URL (Strapi calls our handler), the URL opens
 * the CMS's own reader page of the DRAFT, and its token holds for one document, one locale, one admin user
 * and session, for minutes. The draft never reaches the delivery cache or a public route.
 */

const ARTICLE = 'api::article.article';
let app: TestApp;
let ids: DemoIds;
let editor: string;
let author: string;
let contributor: string;
let users: { editor: number; contributor: number };
let draftSlug: string;

const PREVIEW_URL = `/content-manager/preview/url/${ARTICLE}`;
const askPreviewUrl = (jwt: string, query: Record<string, string>) =>
  request(app.server).get(PREVIEW_URL).query(query).set('Authorization', `Bearer ${jwt}`);
const open = (url: string, headers: Record<string, string> = {}) => request(app.server).get(url).set(headers);

async function previewUrlOf(jwt: string, documentId: string, locale = 'zh-Hant'): Promise<string> {
  const res = await askPreviewUrl(jwt, { documentId, locale });
  expect(res.status).toBe(200);
  const url = res.body.data.url as string;
  expect(url).toMatch(/^\/preview\/articles\/[A-Za-z0-9]+\?locale=[\w-]+&token=v1\.[\w-]+\.[\w-]+$/u);
  return url;
}

const tokenOf = (url: string) => new URL(url, 'http://cms.local').searchParams.get('token')!;
const withToken = (documentId: string, locale: string, token: string) =>
  `/preview/articles/${documentId}?locale=${locale}&token=${encodeURIComponent(token)}`;
const sign = (claims: Partial<PreviewClaims> & { documentId: string }) =>
  signPreviewToken(
    { locale: 'zh-Hant', userId: users.editor, sessionId: null, expiresAt: Math.floor(Date.now() / 1000) + 600, ...claims },
    readReaderConfig(app.strapi).preview.secret,
  );

function expectRefused(res: request.Response, reason: RegExp) {
  expect(res.status).toBe(403);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['x-robots-tag']).toContain('noindex');
  const page = new ParsedPage(res.text);
  expect(text(page.byTag('main')[0]!)).toMatch(reason);
  return page;
}

const REOPEN_ZH = /請回到管理後台,從報導的編輯畫面重新開啟預覽。/u;

beforeAll(async () => {
  app = await startApp('reader-preview');
  ids = await demoIds(app.strapi);
  editor = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
  author = await adminJwt(app.server, 'author@newsroom.local', 'Newsroom-Author-2026');
  const contributorId = await createContributor(app.strapi, 'contributor@newsroom.local', 'Contributor-Pass-2026');
  contributor = await adminJwt(app.server, 'contributor@newsroom.local', 'Contributor-Pass-2026');
  const editorRow = await app.strapi.db.query('admin::user').findOne({ where: { email: 'editor@newsroom.local' } });
  users = { editor: editorRow.id, contributor: contributorId };
  draftSlug = (await app.strapi.db.query(ARTICLE as any).findOne({ where: { documentId: ids.draft, publishedAt: null } })).slug;
});
afterAll(async () => {
  await app?.stop();
});

describe('the preview URL from the admin', () => {
  it('a logged-in editor gets a link to the draft on the CMS itself, and it opens the draft as readers will see it', async () => {
    const url = await previewUrlOf(editor, ids.draft);
    expect(url.startsWith(`/preview/articles/${ids.draft}?locale=zh-Hant&token=`)).toBe(true);
    const res = await open(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const page = new ParsedPage(res.text);
    expect(page.byTag('h1').map(text)).toEqual([demoData.draft.title]);
    expect(page.all((el) => hasClass(el, 'byline')).map(text)).toEqual(['文|正見 TrueView,作者|koorvoa,編輯|TV.']);
    expect(page.all((el) => hasClass(el, 'preview-banner')).map(text)).toEqual(['預覽:這是草稿,尚未發布,讀者還看不到。']);
    expect(await validateHtml(res.text)).toEqual([]);
  });

  it('the cover without a credit says so exactly where the credit line goes, in the story’s language', async () => {
    const page = new ParsedPage((await open(await previewUrlOf(editor, ids.draft))).text);
    const lead = page.all((el) => hasClass(el, 'lead'))[0]!;
    const caption = elementsOf(lead).find((el) => el.tagName === 'figcaption')!;
    const credit = page.all((el) => hasClass(el, 'credit'))[0]!;
    expect(elementsOf(caption)).toContain(credit);
    expect(text(credit)).toBe('圖片來源:(未填)');
    expect(hasClass(credit, 'credit-missing')).toBe(true);
  });

  it('shows what the editor saved, credit included, the next time it is opened', async () => {
    const url = await previewUrlOf(editor, ids.draft);
    const draft = (await app.strapi
      .documents(ARTICLE as any)
      .findOne({ documentId: ids.draft, locale: 'zh-Hant', status: 'draft', populate: { cover: { populate: ['image'] } } } as any))!;
    await app.strapi.documents(ARTICLE as any).update({
      documentId: ids.draft,
      locale: 'zh-Hant',
      data: {
        dek: '預覽看得到剛存的導言',
        cover: { image: draft.cover.image.id, credit: '中央社', caption: draft.cover.caption, alt: draft.cover.alt },
      } as any,
    });
    try {
      const page = new ParsedPage((await open(url)).text);
      expect(page.all((el) => hasClass(el, 'dek')).map(text)).toEqual(['預覽看得到剛存的導言']);
      expect(page.all((el) => hasClass(el, 'credit')).map(text)).toEqual(['圖片來源 @中央社']);
      expect(page.all((el) => hasClass(el, 'credit-missing'))).toEqual([]);
    } finally {
      await app.strapi.documents(ARTICLE as any).update({
        documentId: ids.draft,
        locale: 'zh-Hant',
        data: { dek: draft.dek, cover: { image: draft.cover.image.id, caption: draft.cover.caption, alt: draft.cover.alt } } as any,
      });
    }
  });

  it('names the byline as readers will see it: the published version of an author, not edits to the author record that are not published yet', async () => {
    const authors = app.strapi.documents('api::author.author' as any);
    await authors.update({ documentId: ids.author, locale: 'zh-Hant', data: { displayName: '草稿裡的新筆名' } as any });
    try {
      const page = new ParsedPage((await open(await previewUrlOf(editor, ids.draft))).text);
      expect(page.all((el) => hasClass(el, 'byline')).map(text)).toEqual(['文|正見 TrueView,作者|koorvoa,編輯|TV.']);
    } finally {
      await authors.discardDraft({ documentId: ids.author, locale: 'zh-Hant' });
    }
  });

  it('an Author, who reads every story, may preview it too', async () => {
    expect((await open(await previewUrlOf(author, ids.draft))).status).toBe(200);
  });

  it('a user who cannot read the article gets no link at all', async () => {
    const res = await askPreviewUrl(contributor, { documentId: ids.draft, locale: 'zh-Hant' });
    expect(res.status).toBe(204);
    expect(res.body?.data?.url).toBeUndefined();
    expect(JSON.stringify(res.body ?? {})).not.toContain('token');
  });

  it('the published version’s preview is the public page', async () => {
    const res = await askPreviewUrl(editor, { documentId: ids.story, locale: 'zh-Hant', status: 'published' });
    expect(res.status).toBe(200);
    expect(res.body.data.url).toMatch(/^\/news\/zh-Hant\/yong-ai-fa-yuan/u);
    expect((await open(res.body.data.url)).status).toBe(200);
  });

  it('other content types, a document that is not an article and a locale without a draft get no preview', async () => {
    expect(
      (
        await request(app.server)
          .get('/content-manager/preview/url/api::author.author')
          .query({ documentId: ids.author })
          .set('Authorization', `Bearer ${editor}`)
      ).status,
    ).toBe(204);
    expect((await askPreviewUrl(editor, { documentId: ids.author, locale: 'zh-Hant' })).status).toBe(204);
    expect((await askPreviewUrl(editor, { documentId: ids.draft, locale: 'en' })).status).toBe(204);
  });

  it('without a login there is no preview URL', async () => {
    expect((await request(app.server).get(PREVIEW_URL).query({ documentId: ids.draft, locale: 'zh-Hant' })).status).toBe(401);
  });
});

describe('the token', () => {
  it('for another document is refused with a page that says to reopen preview from the admin', async () => {
    const token = tokenOf(await previewUrlOf(editor, ids.draft));
    const res = await open(withToken(ids.story, 'zh-Hant', token));
    const page = expectRefused(res, REOPEN_ZH);
    expect(attr(page.byTag('html')[0]!, 'lang')).toBe('zh-Hant');
    expect(res.text).not.toContain(demoData.title);
    expect(await validateHtml(res.text)).toEqual([]);
  });

  it('for another locale is refused, in that locale’s language', async () => {
    const token = tokenOf(await previewUrlOf(editor, ids.draft));
    expectRefused(await open(withToken(ids.draft, 'en', token)), /Go back to the admin and open the preview again/u);
    expectRefused(await open(withToken(ids.draft, 'zh-Hans', token)), /请回到管理后台,从报道的编辑页面重新打开预览。/u);
  });

  it('expired is refused, and says it expired', async () => {
    const expired = sign({ documentId: ids.draft, expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expectRefused(await open(withToken(ids.draft, 'zh-Hant', expired)), /這個預覽連結已過期。/u);
    // The same token a minute from expiry opens: it is the time that refused it, nothing else.
    expect((await open(withToken(ids.draft, 'zh-Hant', sign({ documentId: ids.draft })))).status).toBe(200);
  });

  it('tampered with, re-signed with another secret, cut short or missing is refused', async () => {
    const token = tokenOf(await previewUrlOf(editor, ids.draft));
    const [version, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, d: ids.story })).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    const otherSecret = signPreviewToken(
      { documentId: ids.draft, locale: 'zh-Hant', userId: users.editor, sessionId: null, expiresAt: claims.e },
      'another-secret-of-sufficient-length',
    );
    for (const bad of [
      `${version}.${forged}.${signature}`,
      `${version}.${payload}.${flipped}`,
      otherSecret,
      `${version}.${payload}`,
      'v2.' + payload + '.' + signature,
      'x',
    ]) {
      expectRefused(await open(withToken(bad === `${version}.${forged}.${signature}` ? ids.story : ids.draft, 'zh-Hant', bad)), REOPEN_ZH);
    }
    expectRefused(await open(`/preview/articles/${ids.draft}?locale=zh-Hant`), REOPEN_ZH);
    // A page the token may not name gets the reader's language from Accept-Language.
    expectRefused(
      await open(`/preview/articles/${ids.draft}?locale=xx&token=${encodeURIComponent(token)}`, { 'Accept-Language': 'zh-CN,zh;q=0.9' }),
      /请回到管理后台/u,
    );
  });

  it('of a user who may no longer read the draft is refused', async () => {
    // A link issued to a contributor (as if before their role changed) does not outlive what the role allows now.
    const token = sign({ documentId: ids.draft, userId: users.contributor });
    expectRefused(await open(withToken(ids.draft, 'zh-Hant', token)), /你已無權閱讀這篇報導。/u);
    const unknownUser = sign({ documentId: ids.draft, userId: 999_999 });
    expectRefused(await open(withToken(ids.draft, 'zh-Hant', unknownUser)), /你已無權閱讀這篇報導。/u);
  });

  it('ends with the admin session it was opened in', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
    await app.strapi.service('admin::user').create({
      email: 'desk@newsroom.local',
      firstname: 'Night',
      lastname: 'Desk',
      password: 'Night-Desk-2026',
      isActive: true,
      roles: [role.id],
      registrationToken: null,
    });
    const desk = await adminJwt(app.server, 'desk@newsroom.local', 'Night-Desk-2026');
    const url = await previewUrlOf(desk, ids.draft);
    expect((await open(url)).status).toBe(200);
    expect((await request(app.server).post('/admin/logout').set('Authorization', `Bearer ${desk}`).send({})).status).toBe(200);
    expectRefused(await open(url), /開啟這個預覽的管理後台登入已經結束。/u);
  });
});

describe('a preview never leaves the building', () => {
  it('sends no-store, noindex, no-referrer and a CSP that runs nothing', async () => {
    const res = await open(await previewUrlOf(editor, ids.draft));
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-delivery-cache']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
    const csp = res.headers['content-security-policy'] as string;
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining(["default-src 'none'", "img-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'self'"]),
    );
    expect(csp).not.toMatch(/unsafe-inline|script-src/u);
    const page = new ParsedPage(res.text);
    expect(page.meta('robots')).toEqual(['noindex, nofollow']);
    expect(page.byTag('script').map((s) => attr(s, 'type'))).toEqual(['application/ld+json']);
  });

  it('the previewed draft is not in the delivery cache, is not rendered by it, and is a 404 on every public route', async () => {
    const delivery = app.strapi.service('api::article.delivery' as any) as unknown as {
      renders(): number;
      cached(slug: string, locale: string): Promise<unknown>;
    };
    const rendersBefore = delivery.renders();
    const url = await previewUrlOf(editor, ids.draft);
    for (let i = 0; i < 3; i += 1) expect((await open(url)).status).toBe(200);
    expect(delivery.renders()).toBe(rendersBefore);
    expect(await delivery.cached(draftSlug, 'zh-Hant')).toBeNull();

    const bySlug = await request(app.server).get(`/api/articles/by-slug/${draftSlug}`).query({ locale: 'zh-Hant' });
    expect(bySlug.status).toBe(404);
    const news = await request(app.server).get(`/news/zh-Hant/${draftSlug}`);
    expect(news.status).toBe(404);
    expect(news.text).not.toContain(demoData.draft.title);
    const rest = await request(app.server).get(`/api/articles/${ids.draft}`).query({ locale: 'zh-Hant' });
    expect(rest.status).toBe(404);
    // Still not cached after the public misses either: a 404 is never stored.
    expect(await delivery.cached(draftSlug, 'zh-Hant')).toBeNull();
  });
});
