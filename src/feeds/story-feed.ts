import { Feed, type Item } from 'feed';
import { feedText, NOT_XML } from '../delivery/corrections-feed';
import { lastModified } from '../delivery/json-ld';
import { absoluteImageSources, absoluteUrl, isMediaLibraryUrl } from '../delivery/media-url';
import { renderBlocks, type BlocksNode } from '../delivery/render-blocks';
import { sanitizeBodyHtml } from '../delivery/sanitize-body';
import type { DeliveryArticle, DeliveryPerson } from '../delivery/types';
import { storyPageUrl } from '../delivery/story-url';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** How many stories each feed carries: the latest by first publication. */
export const FEED_ITEMS = 30;

/** The feeds' own paths; `feedPath('zh-Hant', 'rss')` → `/feeds/zh-Hant/rss.xml`. */
export const FEED_FILES: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };
export const feedPath = (locale: string, format: FeedFormat): string => `/feeds/${encodeURIComponent(locale)}/${FEED_FILES[format]}`;

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const LABELS: Record<string, { title: string; description: string }> = {
  'zh-Hant': { title: '最新報導', description: '已發布的最新報導,附署名與圖片來源。' },
  'zh-Hans': { title: '最新报道', description: '已发布的最新报道,附署名与图片来源。' },
  en: { title: 'Latest stories', description: 'The latest published stories, with their bylines and photo credits.' },
};
const labelsFor = (locale: string) => LABELS[locale] ?? LABELS.en!;

export interface StoryFeedOptions {
  locale: string;
  /** Absolute origin for every link: PUBLIC_URL, else the request's own. */
  origin: string;
  /** PUBLIC_URL as configured (may be empty): media URLs in the stories are absolute from it. */
  publicUrl: string;
  canonicalTemplate: string;
  mediaUrlPrefixes: readonly string[];
}

const shownName = (p: DeliveryPerson) => p.displayName ?? p.name;

/** A media URL the sanitiser recognises again: the stories' URLs are absolute from PUBLIC_URL, the media prefixes are not. */
function mediaPath(url: string, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/u, '');
  return base !== '' && url.startsWith(`${base}/`) ? url.slice(base.length) : url;
}

/**
 * What a feed item shows above the story: the byline line and the lead photo with its caption and
 * credit line, as Blocks nodes through the delivery's own renderer and sanitiser, so the item's HTML
 * obeys the same allow-list as `bodyHtml`.
 */
export function leadHtml(article: DeliveryArticle, options: StoryFeedOptions): string {
  const nodes: BlocksNode[] = [];
  if (article.attribution.line) nodes.push({ type: 'paragraph', children: [{ type: 'text', text: article.attribution.line }] });
  const cover = article.cover;
  if (cover?.image) nodes.push({ type: 'image', image: { url: cover.image.url }, children: [{ type: 'text', text: '' }] });
  const url = cover?.image ? mediaPath(cover.image.url, options.publicUrl) : null;
  const html = renderBlocks(nodes, {
    // A photo from outside the media library is left out whole, caption and all, as in the body.
    image: () =>
      cover?.image && isMediaLibraryUrl(url, options.mediaUrlPrefixes)
        ? {
            url,
            alt: cover.alt ?? cover.image.alternativeText ?? '',
            width: cover.image.width,
            height: cover.image.height,
            caption: [cover.caption, cover.creditLine].filter(Boolean).join(' ') || null,
          }
        : null,
  });
  return absoluteImageSources(sanitizeBodyHtml(html, options.mediaUrlPrefixes), options.origin);
}

/** HTML for a CDATA section: nothing XML forbids, and no `]]>` to end the section early. */
const cdataHtml = (html: string): string => html.replace(NOT_XML, '').replace(/\]\]>/gu, ']]&gt;');

/** The origin of the front end's story URL template, or null when there is none. */
function siteOrigin(template: string): string | null {
  if (template === '') return null;
  try {
    return new URL(template.replace(/\{(locale|slug)\}/gu, 'x')).origin;
  } catch {
    return null;
  }
}

const date = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

/**
 * RSS 2.0, Atom 1.0 or JSON Feed 1 of the given published stories (newest first), with the `feed`
 * package. Every item links to the story's page, names its writers, carries the lead photo as an
 * enclosure and, in its HTML, the byline and the photo's credit line, then `bodyHtml` exactly as the
 * by-slug route serves it (images made absolute). Titles are escaped for the XML formats, whose readers
 * render them as HTML, and left as text in JSON Feed, whose titles are text.
 */
export function storyFeed(articles: readonly DeliveryArticle[], options: StoryFeedOptions, format: FeedFormat): string {
  const labels = labelsFor(options.locale);
  const origin = options.origin.replace(/\/+$/u, '');
  const text = format === 'json' ? (value: string) => value.replace(NOT_XML, '') : feedText;
  const links = {
    rss: `${origin}${feedPath(options.locale, 'rss')}`,
    atom: `${origin}${feedPath(options.locale, 'atom')}`,
    json: `${origin}${feedPath(options.locale, 'json')}`,
  };
  const modified = articles
    .map((a) => lastModified(a))
    .filter((d): d is string => d !== null)
    .sort();
  const latest = modified[modified.length - 1];
  const publishers = [...new Set(articles.map((a) => (a.republisher ?? a.source)?.name).filter((n): n is string => !!n))];
  const feed = new Feed({
    id: links[format],
    title: labels.title,
    description: labels.description,
    // The site readers read the stories on: the front end's when DELIVERY_CANONICAL_URL names one.
    link: `${siteOrigin(options.canonicalTemplate) ?? origin}/`,
    language: options.locale,
    // The newest change, never "now": the same stories give the same bytes, so the ETag holds.
    updated: latest ? new Date(latest) : new Date(0),
    generator: 'Newsroom CMS',
    feedLinks: links,
    copyright: publishers.length > 0 ? `© ${publishers.join(', ')}` : '',
    // Atom wants an author for the feed when an entry has none.
    author: { name: publishers[0] ?? labels.title },
  });
  for (const article of articles) {
    const url = storyPageUrl(origin, options.canonicalTemplate, article.locale, article.slug);
    const writers = article.author ? [article.author, ...article.coAuthors] : article.coAuthors;
    const cover = article.cover?.image;
    const item: Item = {
      title: text(article.title),
      id: url,
      link: url,
      date: date(lastModified(article)) ?? new Date(0),
      ...(date(article.firstPublishedAt) ? { published: date(article.firstPublishedAt)! } : {}),
      ...(article.dek ? { description: text(article.dek) } : {}),
      content: cdataHtml(`${leadHtml(article, options)}\n${absoluteImageSources(article.bodyHtml, origin)}`),
      author: writers.map((p) => ({ name: text(shownName(p)), ...(p.url ? { link: p.url } : {}) })),
      // RSS: an <enclosure> of the photo's own type; JSON Feed: the photo's URL (a string, as the spec says).
      ...(cover
        ? {
            image:
              format === 'json'
                ? absoluteUrl(cover.url, origin)
                : { url: absoluteUrl(cover.url, origin), ...(cover.mime ? { type: cover.mime } : {}) },
          }
        : {}),
      // JSON Feed's extension for what a reader app shows beside the item: the byline and the photo's credit.
      ...(format === 'json'
        ? {
            extensions: [
              { name: '_newsroom', objects: { byline: article.attribution.line, imageCredit: article.cover?.creditLine ?? null } },
            ],
          }
        : {}),
    };
    feed.addItem(item);
  }
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return feed.json1();
}
