import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getDeliveryService } from '../delivery';
import { etagOf, checkSlug } from '../delivery/http';
import type { LoadedArticle } from '../delivery/serialize';
import { configuredPublicUrl } from '../lib/public-url';
import { assertAdminCanEntry } from '../lib/admin-can';
import { ARTICLE_UID } from '../lib/content-types';
import { readReaderConfig } from './config';
import { previewHeaders, readerCsp, readerOrigins } from './headers';
import { loadDraftArticle } from './load-draft';
import { pickLanguage, type DeniedReason } from './messages';
import { renderArticlePage, renderDeniedPage, renderNotFoundPage, type PageContext } from './template';
import { verifyPreviewToken } from './token';
import type { DeliveryArticle } from '../delivery/types';

type Ctx = Context;

/** Pages shown to readers are dated in the newsroom's zone, said with its offset. */
const TIME_ZONE = 'Asia/Taipei';
/** How many rendered published pages are kept, keyed by the delivery response they were made from. */
const PAGE_MEMO_SIZE = 300;
const DOCUMENT_ID = /^[A-Za-z0-9]{1,64}$/u;

/** Whether an admin login session is still open (Strapi's session manager, as the admin's own auth asks it). */
async function adminSessionActive(strapi: Core.Strapi, sessionId: string): Promise<boolean> {
  const manager = (strapi as unknown as { sessionManager?: (origin: string) => { isSessionActive: (id: string) => Promise<boolean> } })
    .sessionManager;
  return manager ? manager('admin').isSessionActive(sessionId) : true;
}

function sendHtml(ctx: Ctx, status: number, body: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = body;
}

/**
 * The reader pages served by the CMS itself:
 * - `GET /preview/articles/:documentId?locale=&token=`: the draft, for the admin user the token names
 *   (opened from the admin's Preview). Never cached by anyone, never indexed, never in the delivery cache.
 * - `GET /news/:locale/:slug`: the published story, from the delivery API's own cached response; the
 *   reference front end. Cacheable with ETag and the delivery API's Cache-Control.
 * Both are rendered from the by-slug route's serializer, so a preview shows what the API will serve.
 * Routes of the root router with `auth: false`: the preview checks its token and the user behind it itself,
 * and the published page shows only what the public delivery API shows.
 */
export function registerReaderRoutes(strapi: Core.Strapi): void {
  // A bad PREVIEW_SECRET stops the start here rather than failing the first preview.
  const config = readReaderConfig(strapi);
  let settings: { csp: string; publicUrl: string } | null = null;
  const setup = () => {
    if (settings) return settings;
    const delivery = getDeliveryService(strapi);
    const publicUrl = configuredPublicUrl(strapi);
    const adminUrl = String(strapi.config.get('admin.url', '') ?? '');
    settings = { csp: readerCsp(readerOrigins({ publicUrl, mediaUrlPrefixes: delivery.config.mediaUrlPrefixes, adminUrl })), publicUrl };
    return settings;
  };
  const pageContext = (ctx: Ctx, mode: PageContext['mode']): PageContext => ({
    mode,
    origin: setup().publicUrl || ctx.origin,
    timeZone: TIME_ZONE,
  });
  const serialize = (loaded: LoadedArticle): DeliveryArticle => getDeliveryService(strapi).serialize(loaded);

  const memo = new Map<string, { etag: string; body: string }>();
  const remember = (key: string, page: { etag: string; body: string }) => {
    if (memo.size >= PAGE_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
    memo.set(key, page);
  };

  async function preview(ctx: Ctx): Promise<void> {
    ctx.set(previewHeaders(setup().csp));
    const { documentId } = ctx.params;
    const requested = ctx.query.locale;
    const locale =
      typeof requested === 'string' && requested !== '' ? requested : await getDeliveryService(strapi).resolveLocale(undefined);
    const deny = (reason: DeniedReason) => sendHtml(ctx, 403, renderDeniedPage(pickLanguage(locale, ctx.get('accept-language')), reason));

    if (ctx.query.token === undefined || ctx.query.token === '') return deny('missing');
    if (!documentId || !DOCUMENT_ID.test(documentId)) return deny('invalid');
    const verdict = verifyPreviewToken(ctx.query.token, { documentId, locale }, config.preview.secret);
    if (!verdict.ok) return deny(verdict.reason === 'expired' ? 'expired' : 'invalid');

    // The token names a user; that user must still be active and still allowed to read this draft.
    const user = await strapi.db.query('admin::user').findOne({ where: { id: verdict.claims.userId }, populate: ['roles'] });
    if (!user || user.isActive !== true || user.blocked === true) return deny('no-access');
    if (verdict.claims.sessionId !== null && !(await adminSessionActive(strapi, verdict.claims.sessionId))) return deny('signed-out');
    const userAbility = await strapi.service('admin::permission').engine.generateUserAbility(user);
    try {
      await assertAdminCanEntry(strapi, { state: { user, userAbility } }, 'read', ARTICLE_UID, { documentId, locale });
    } catch (error) {
      if (error instanceof errors.ForbiddenError) return deny('no-access');
      throw error;
    }

    const loaded = await loadDraftArticle(strapi, documentId, locale);
    if (!loaded) return sendHtml(ctx, 404, renderNotFoundPage(pickLanguage(locale, ctx.get('accept-language'))));
    sendHtml(ctx, 200, renderArticlePage(serialize(loaded), pageContext(ctx, 'preview')));
  }

  async function news(ctx: Ctx): Promise<void> {
    const { csp } = setup();
    ctx.set('Content-Security-Policy', csp);
    // Errors must not be kept by browsers or CDNs: the story may be published a second later.
    ctx.set('Cache-Control', 'no-store');
    const delivery = getDeliveryService(strapi);
    const notFound = () => sendHtml(ctx, 404, renderNotFoundPage(pickLanguage(ctx.params.locale, ctx.get('accept-language'))));
    let slug: string;
    let locale: string;
    try {
      slug = checkSlug(ctx.params.slug);
      locale = await delivery.resolveLocale(ctx.params.locale);
    } catch (error) {
      if (error instanceof errors.ValidationError) return notFound();
      throw error;
    }
    let found: Awaited<ReturnType<typeof delivery.respond>>;
    try {
      found = await delivery.respond(slug, locale);
    } catch (error) {
      if (error instanceof errors.NotFoundError) return notFound();
      throw error;
    }
    const context = pageContext(ctx, 'published');
    // The page is a pure function of the delivery response (whose ETag names its bytes) and the origin.
    const key = `${found.response.etag}|${context.origin}`;
    let page = memo.get(key);
    if (!page) {
      const article = (JSON.parse(found.response.body) as { data: DeliveryArticle }).data;
      const body = renderArticlePage(article, context);
      page = { etag: etagOf(body), body };
      remember(key, page);
    }
    ctx.status = 200;
    ctx.set('ETag', page.etag);
    ctx.set('Cache-Control', delivery.cacheControl);
    ctx.set('X-Delivery-Cache', found.cache);
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    sendHtml(ctx, 200, page.body);
  }

  strapi.server.routes([
    { method: 'GET', path: '/preview/articles/:documentId', handler: preview, config: { auth: false } },
    { method: 'GET', path: '/news/:locale/:slug', handler: news, config: { auth: false } },
  ]);
}
