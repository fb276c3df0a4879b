import type { Core } from '@strapi/strapi';
import { httpUrlProblem } from './http-url';

export type PublicUrlVerdict = { ok: true } | { ok: false; fatal: boolean; message: string };

const HOW =
  'Set PUBLIC_URL to the address readers and front ends reach the CMS at, e.g. PUBLIC_URL=https://cms.example.com (no trailing path).';

/**
 * Whether the server's public URL lets the API hand out absolute media URLs. Production refuses to
 * start without one (front ends on another host would load /uploads/… from themselves); development
 * and tests run with relative URLs, with one warning outside tests.
 */
export function checkPublicUrl(url: string, nodeEnv: string | undefined): PublicUrlVerdict {
  const trimmed = url.trim();
  if (trimmed !== '') {
    const problem = httpUrlProblem(trimmed);
    return problem ? { ok: false, fatal: true, message: `PUBLIC_URL ${problem}. ${HOW}` } : { ok: true };
  }
  if (nodeEnv === 'production')
    return { ok: false, fatal: true, message: `PUBLIC_URL is not set: media URLs in the API would be relative. ${HOW}` };
  if (nodeEnv === 'test') return { ok: true };
  return {
    ok: false,
    fatal: false,
    message: `PUBLIC_URL is not set, so media URLs in the API and JSON-LD are relative (/uploads/…). ${HOW}`,
  };
}

/** The server's public URL (`server.url`, from PUBLIC_URL) without a trailing slash; '' when it is not set. */
export function configuredPublicUrl(strapi: Core.Strapi): string {
  return String(strapi.config.get('server.url', '') ?? '').replace(/\/+$/u, '');
}

/**
 * The origin a response's links are made from: the public URL, else (development and tests, where
 * production refuses to start without one) the origin the request came to.
 */
export function linkOrigin(strapi: Core.Strapi, requestOrigin: string): string {
  return configuredPublicUrl(strapi) || requestOrigin;
}
