import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Preview tokens: who may see which draft, until when. `v1.<claims>.<signature>`, where the claims are
 * base64url JSON and the signature an HMAC-SHA256 over them with the app's preview secret. The token
 * names one document, one locale and one admin user, and expires after minutes; nothing is stored.
 */

export interface PreviewClaims {
  documentId: string;
  locale: string;
  /** The admin user the token was issued to; the page checks again that this user may read the draft. */
  userId: number;
  /** The admin login session the link was opened in: signing out of the admin ends the link too. */
  sessionId: string | null;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export type TokenRefusal = 'malformed' | 'signature' | 'expired' | 'document' | 'locale';
export type TokenVerdict = { ok: true; claims: PreviewClaims } | { ok: false; reason: TokenRefusal };

const VERSION = 'v1';
/** Kept apart from any other use of the same secret. */
const CONTEXT = 'newsroom.preview.v1.';
const TOKEN = /^v1\.([A-Za-z0-9_-]{1,2048})\.([A-Za-z0-9_-]{43})$/u;

const signature = (payload: string, secret: string): Buffer =>
  createHmac('sha256', secret)
    .update(CONTEXT + payload)
    .digest();

export function signPreviewToken(claims: PreviewClaims, secret: string): string {
  if (secret === '') throw new Error('The preview secret is empty.');
  const payload = Buffer.from(
    JSON.stringify({ d: claims.documentId, l: claims.locale, u: claims.userId, s: claims.sessionId, e: claims.expiresAt }),
  ).toString('base64url');
  return `${VERSION}.${payload}.${signature(payload, secret).toString('base64url')}`;
}

function claimsOf(payload: string): PreviewClaims | null {
  try {
    const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { d, l, u, s, e } = raw;
    if (
      typeof d !== 'string' ||
      typeof l !== 'string' ||
      typeof u !== 'number' ||
      !Number.isInteger(u) ||
      typeof e !== 'number' ||
      !Number.isFinite(e)
    )
      return null;
    if (s !== null && typeof s !== 'string') return null;
    return { documentId: d, locale: l, userId: u, sessionId: s, expiresAt: e };
  } catch {
    return null;
  }
}

/**
 * Checks the signature first (in constant time), and only then reads the claims: the expiry, and that the
 * token was issued for this very document and locale.
 */
export function verifyPreviewToken(
  token: unknown,
  expected: { documentId: string; locale: string },
  secret: string,
  now: number = Date.now(),
): TokenVerdict {
  if (typeof token !== 'string' || secret === '') return { ok: false, reason: 'malformed' };
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, payload, given] = match as unknown as [string, string, string];
  const expectedSignature = signature(payload, secret);
  const givenSignature = Buffer.from(given, 'base64url');
  if (givenSignature.length !== expectedSignature.length || !timingSafeEqual(givenSignature, expectedSignature))
    return { ok: false, reason: 'signature' };
  const claims = claimsOf(payload);
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.expiresAt * 1000 <= now) return { ok: false, reason: 'expired' };
  if (claims.documentId !== expected.documentId) return { ok: false, reason: 'document' };
  if (claims.locale !== expected.locale) return { ok: false, reason: 'locale' };
  return { ok: true, claims };
}
