import { createHash } from 'node:crypto';
import { errors } from '@strapi/utils';
import type { CachedResponse } from './types';

/** A strong validator: the same bytes always get the same ETag, on every instance. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

const refuse = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** What a Strapi UID field accepts; anything else cannot be a slug. */
const SLUG = /^[A-Za-z0-9\-_.~]{1,255}$/u;

export function checkSlug(slug: unknown): string {
  if (typeof slug !== 'string' || !SLUG.test(slug)) throw refuse('slug', 'A slug is 1 to 255 letters, digits, "-", "_", "." or "~".');
  return slug;
}

/**
 * The by-slug route takes `locale` and nothing else. Strapi's own parameters (`populate`, `fields`,
 * `filters`, `status`…) are refused by name rather than ignored, so a caller never believes a
 * parameter did something; `status=published` is accepted because it is what is served anyway.
 */
export function checkBySlugQuery(query: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(query)) {
    if (key === 'locale') continue;
    if (key === 'status' && value === 'published') continue;
    if (key === 'status')
      throw refuse('status', 'Only published content is available on this API: remove the status parameter or use status=published.');
    throw refuse(key, `Unknown parameter "${key}": this route takes only "locale"; the response always has the whole story.`);
  }
  const locale = query.locale;
  if (locale === undefined) return undefined;
  if (typeof locale !== 'string' || locale === '') throw refuse('locale', 'locale must be one locale code, e.g. zh-Hant.');
  if (locale === '*')
    throw refuse(
      'locale',
      'A story is served in one locale at a time: give a locale code, e.g. zh-Hant; data.localizations lists the others.',
    );
  return locale;
}

/**
 * Response headers Strapi's security middleware (helmet) sets. The cache fast path answers before that
 * middleware, which costs more than the lookup itself; it replays these, as recorded from a response
 * that went through it, so a hit carries the same headers as a miss.
 */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-embedder-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

export function pickSecurityHeaders(headers: Record<string, unknown>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of SECURITY_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/** Minimal view of the Koa context the delivery routes write to. */
export interface ResponseContext {
  status: number;
  body: unknown;
  type: string;
  fresh: boolean;
  set(field: string, value: string): void;
}

/** Sends a rendered response with its validators; a matching `If-None-Match` gets a bodiless 304. */
export function sendCached(
  ctx: ResponseContext,
  response: CachedResponse,
  cacheControl: string,
  cache: string,
  type = 'application/json; charset=utf-8',
): void {
  ctx.status = 200;
  ctx.set('ETag', response.etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.set('X-Delivery-Cache', cache);
  if (ctx.fresh) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.type = type;
  ctx.body = response.bytes ?? response.body;
}
