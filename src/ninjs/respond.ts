import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getDeliveryService } from '../delivery';
import { checkBySlugQuery, checkSlug, etagOf, sendCached } from '../delivery/http';
import { linkOrigin } from '../lib/public-url';
import type { DeliveryArticle } from '../delivery/types';
import { loadEmbargoedStory } from './load-embargoed';
import { agreementFor, MissingPartnerToken, partnerOf, type Partner } from './partner';
import { toNinjs } from './to-ninjs';

/** Partner responses name the partner's terms: a browser or proxy may keep them only for that partner, revalidating each time. */
const PARTNER_CACHE_CONTROL = 'private, no-cache';

/**
 * `GET /api/articles/by-slug/:slug/ninjs?locale=`: a story as IPTC ninjs 2.2 for a syndication
 * partner. The partner (by its read-only API token) must hold an agreement in force for the locale.
 * A published story comes from the by-slug route's own cached response; an approved story under an
 * embargo goes only to partners whose agreement allows embargoed delivery, marked `embargoed`. Every
 * other case — a draft, an unapproved or unpublished story, an embargo without that permission — is
 * the same 404 as a story that does not exist, so a partner learns nothing of what it may not have.
 */
export async function respondNinjs(strapi: Core.Strapi, ctx: Context): Promise<void> {
  ctx.set('Cache-Control', 'no-store');
  let partner: Partner;
  try {
    partner = await partnerOf(strapi, ctx.state.auth);
  } catch (error) {
    if (!(error instanceof MissingPartnerToken)) throw error;
    // Answered here: Strapi's authorisation step, around the handler, would turn a thrown 401 into a bare "Unauthorized".
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer');
    ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: error.message, details: {} } };
    return;
  }
  const delivery = getDeliveryService(strapi);
  const requested = checkBySlugQuery((ctx.query ?? {}) as Record<string, unknown>);
  const slug = checkSlug(ctx.params.slug);
  const locale = await delivery.resolveLocale(requested);
  const now = new Date();
  const agreement = agreementFor(partner, locale, now);

  let article: DeliveryArticle;
  let embargoedUntil: string | null = null;
  let cache: string;
  try {
    const found = await delivery.respond(slug, locale);
    article = (JSON.parse(found.response.body) as { data: DeliveryArticle }).data;
    cache = found.cache;
  } catch (error) {
    if (!(error instanceof errors.NotFoundError)) throw error;
    const embargoed = partner.embargoedDelivery ? await loadEmbargoedStory(strapi, slug, locale, now) : null;
    if (!embargoed)
      throw new errors.NotFoundError(`No story "${slug}" is available to ${partner.record.name} in ${locale}.`, { slug, locale });
    article = delivery.serialize(embargoed.loaded);
    embargoedUntil = embargoed.until;
    cache = 'bypass';
  }
  const body = JSON.stringify(toNinjs(article, { origin: linkOrigin(strapi, ctx.origin), agreement, embargoedUntil }));
  sendCached(ctx, { etag: etagOf(body), body }, PARTNER_CACHE_CONTROL, cache);
}
