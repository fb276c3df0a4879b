import { PAGE_CSS_HASH } from './styles';

/** The origin of an absolute http(s) URL, or null for a relative one or anything else. */
export function originOf(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\//iu.test(url)) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export interface ReaderOrigins {
  /** Where images may load from besides the page's own origin: PUBLIC_URL and absolute media prefixes (a CDN). */
  images: string[];
  /** Who may frame the page besides its own origin: the admin, when it is served from elsewhere. */
  frameAncestors: string[];
}

export function readerOrigins(options: { publicUrl: string; mediaUrlPrefixes: readonly string[]; adminUrl: string }): ReaderOrigins {
  const unique = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))];
  return {
    images: unique([originOf(options.publicUrl), ...options.mediaUrlPrefixes.map(originOf)]),
    frameAncestors: unique([originOf(options.publicUrl), originOf(options.adminUrl)]),
  };
}

/**
 * The reader pages' Content-Security-Policy: nothing runs and nothing loads but the page's own stylesheet
 * (by its hash) and images from the media library. The JSON-LD block is data, not script, so it needs no
 * allowance. The admin's preview frames the page, so its origin may.
 */
export function readerCsp(origins: ReaderOrigins): string {
  return [
    "default-src 'none'",
    `img-src ${["'self'", ...origins.images].join(' ')}`,
    `style-src ${PAGE_CSS_HASH}`,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${["'self'", ...origins.frameAncestors].join(' ')}`,
  ].join('; ');
}

/** Headers every preview response carries, the refusals included: never stored, never indexed, never referred. */
export function previewHeaders(csp: string): Record<string, string> {
  return {
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
    // The link carries the token: it must not travel to the original article's site in a Referer.
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': csp,
  };
}

/**
 * The admin's `frame-src` for the preview (Strapi adds `preview.config.allowedOrigins` to its CSP): the
 * preview page is on the CMS's own origin, and on PUBLIC_URL's when the admin is reached at that address.
 */
export function previewFrameOrigins(publicUrl: string): string[] {
  const origin = originOf(publicUrl.trim());
  return origin ? ["'self'", origin] : ["'self'"];
}
