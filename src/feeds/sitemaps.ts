import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import { DEFAULT_LOCALE } from '../lib/content-types';
import { storyPageUrl } from '../delivery/story-url';

/** One published locale of a story, as the sitemap needs it. */
export interface PublishedEdition {
  documentId: string;
  locale: string;
  slug: string;
  /** ISO 8601: the latest of the last publish and the last change of the published row. */
  lastmod: string | null;
}

/** A story published in the news window, with what the News sitemap says of it. */
export interface NewsEntry {
  locale: string;
  slug: string;
  title: string;
  /** The name readers see as the publisher: the republisher, else the outlet (the JSON-LD's `publisher`, the page's `og:site_name`). */
  publication: string;
  /** The first publication (ISO 8601), which a re-publish does not move. */
  publishedAt: string;
}

export interface SitemapOptions {
  origin: string;
  canonicalTemplate: string;
}

/** The sitemaps protocol's limit per file; Google News takes at most 1,000 URLs per news sitemap. */
export const SITEMAP_MAX_URLS = 50_000;
export const NEWS_MAX_URLS = 1_000;
/** Google News lists articles published in the last two days. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;

/**
 * Google News names Chinese by region rather than script (`zh-cn` Simplified, `zh-tw` Traditional);
 * other languages by their ISO 639 code.
 */
export function newsLanguage(locale: string): string {
  const lower = locale.toLowerCase();
  if (lower === 'zh-hant' || lower === 'zh-tw' || lower === 'zh-hk') return 'zh-tw';
  if (lower === 'zh-hans' || lower === 'zh-cn' || lower === 'zh') return 'zh-cn';
  return lower.split('-')[0]!;
}

/**
 * One `<url>` per published edition, each listing every published edition of the same story (itself
 * included, as Google asks) as `xhtml:link rel="alternate" hreflang`, and `x-default` on the default
 * locale's edition when there are several — the same alternates as the reader page's `<head>`.
 */
export function sitemapItems(editions: readonly PublishedEdition[], options: SitemapOptions): SitemapItemLoose[] {
  const byStory = new Map<string, PublishedEdition[]>();
  for (const edition of editions) {
    const group = byStory.get(edition.documentId) ?? [];
    group.push(edition);
    byStory.set(edition.documentId, group);
  }
  const url = (e: PublishedEdition) => storyPageUrl(options.origin, options.canonicalTemplate, e.locale, e.slug);
  return editions.map((edition) => {
    const siblings = [...(byStory.get(edition.documentId) ?? [])].sort((a, b) => a.locale.localeCompare(b.locale));
    const fallback = siblings.find((e) => e.locale === DEFAULT_LOCALE);
    const links =
      siblings.length > 1
        ? [
            ...siblings.map((e) => ({ lang: e.locale, hreflang: e.locale, url: url(e) })),
            ...(fallback ? [{ lang: 'x-default', hreflang: 'x-default', url: url(fallback) }] : []),
          ]
        : [];
    return { url: url(edition), ...(edition.lastmod ? { lastmod: edition.lastmod } : {}), ...(links.length > 0 ? { links } : {}) };
  });
}

/** `<news:news>` for each story of the window: publication name and language, first publication date, title. */
export function newsItems(entries: readonly NewsEntry[], options: SitemapOptions): SitemapItemLoose[] {
  return entries.map((entry) => ({
    url: storyPageUrl(options.origin, options.canonicalTemplate, entry.locale, entry.slug),
    news: {
      publication: { name: entry.publication, language: newsLanguage(entry.locale) },
      publication_date: entry.publishedAt,
      title: entry.title,
    },
  }));
}

/** The XML of a `<urlset>`, written by the `sitemap` package with only the namespaces it uses. */
export async function sitemapXml(items: readonly SitemapItemLoose[], namespaces: { news?: boolean; xhtml?: boolean }): Promise<string> {
  const stream = new SitemapStream({
    xmlns: { news: namespaces.news === true, xhtml: namespaces.xhtml === true, image: false, video: false },
  });
  const xml = await streamToPromise(Readable.from(items).pipe(stream));
  return xml.toString('utf8');
}
