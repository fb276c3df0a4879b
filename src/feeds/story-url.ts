import { canonicalUrlOf } from '../delivery/serialize';
import { newsPath } from '../reader/template';

/**
 * Where readers find a story: the front end's page when `DELIVERY_CANONICAL_URL` names one (as the
 * JSON-LD's `mainEntityOfPage` and the page's canonical link do), else the CMS's own reader page
 * `/news/:locale/:slug`. Never the original article on another site: feeds and sitemaps list this
 * site's pages, and a sitemap may only name URLs of its own host.
 */
export function storyPageUrl(origin: string, canonicalTemplate: string, locale: string, slug: string): string {
  return canonicalTemplate !== '' ? canonicalUrlOf(canonicalTemplate, locale, slug, null)! : `${origin.replace(/\/+$/u, '')}${newsPath(locale, slug)}`;
}
