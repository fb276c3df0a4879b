/**
 * Where readers find a story. One module for every place that links to one: the delivery's
 * `localizations`, the JSON-LD, feeds, sitemaps, the reader page and its preview.
 */

/** The CMS's own reader page of an edition. */
export function newsPath(locale: string, slug: string): string {
  return `/news/${encodeURIComponent(locale)}/${encodeURIComponent(slug)}`;
}

/** The front end's story URL from its template (`DELIVERY_CANONICAL_URL`, `{locale}` and `{slug}` filled in); without one, the original article's URL, if any. */
export function canonicalUrlOf(template: string, locale: string, slug: string, originalUrl: string | null): string | null {
  if (template === '') return originalUrl;
  return template.replace(/\{locale\}/gu, encodeURIComponent(locale)).replace(/\{slug\}/gu, encodeURIComponent(slug));
}

/**
 * Where readers find a story: the front end's page when `DELIVERY_CANONICAL_URL` names one (as the
 * JSON-LD's `mainEntityOfPage` and the page's canonical link do), else the CMS's own reader page
 * `/news/:locale/:slug`. Never the original article on another site: feeds and sitemaps list this
 * site's pages, and a sitemap may only name URLs of its own host.
 */
export function storyPageUrl(origin: string, canonicalTemplate: string, locale: string, slug: string): string {
  return canonicalTemplate !== ''
    ? canonicalUrlOf(canonicalTemplate, locale, slug, null)!
    : `${origin.replace(/\/+$/u, '')}${newsPath(locale, slug)}`;
}
