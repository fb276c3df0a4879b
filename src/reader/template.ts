import type { DeliveryArticle, DeliveryCreditedImage, DeliveryLocalization, DeliveryPullQuote } from '../delivery/types';
import { absoluteUrl } from '../delivery/media-url';
import { lastModified } from '../delivery/json-ld';
import { newsPath } from '../delivery/story-url';
import { isCorrectionKind, type CorrectionKind } from '../corrections/rules';
import { html, trustedHtml, type SafeHtml } from './escape';
import { isReaderLanguage, MESSAGES, pickLanguage, type DeniedReason, type ReaderLanguage, type ReaderMessages } from './messages';
import { placePullQuotes } from './pull-quotes';
import { PAGE_CSS } from './styles';

export type PageMode = 'preview' | 'published';

export interface PageContext {
  mode: PageMode;
  /** Where the reader pages are reached, without a trailing slash: PUBLIC_URL, else the request's own origin. */
  origin: string;
  /** Zone the dates are shown in. */
  timeZone: string;
}

/** Open Graph's locale names for the content locales. */
const OG_LOCALES: Record<string, string> = { 'zh-Hant': 'zh_TW', 'zh-Hans': 'zh_CN', en: 'en_US' };
const DEFAULT_EDITION = 'zh-Hant';

/** An image address a page may load: an absolute http(s) URL or a root-relative path, nothing else. */
function imageUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url === '') return null;
  if (/^https?:\/\/[^\s"'<>]+$/iu.test(url)) return url;
  if (/^\/(?!\/)[^\s"'<>\\]*$/u.test(url)) return url;
  return null;
}

/** `2026-12-01 09:30 (GMT+8)`: one unambiguous form in every language, the zone's offset said. */
export function formatDate(iso: string | null, timeZone: string): SafeHtml | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return html`<time datetime="${date.toISOString()}">${`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${parts.timeZoneName})`}</time>`;
}

function srcset(usage: DeliveryCreditedImage): string | null {
  const candidates = Object.entries(usage.image?.formats ?? {})
    .filter(([name, f]) => name !== 'thumbnail' && f.width && imageUrl(f.url))
    .map(([, f]) => ({ url: f.url, width: f.width! }));
  if (usage.image?.width && imageUrl(usage.image.url)) candidates.push({ url: usage.image.url, width: usage.image.width });
  if (candidates.length < 2) return null;
  return candidates
    .sort((a, b) => a.width - b.width)
    .map((c) => `${c.url} ${c.width}w`)
    .join(', ');
}

/**
 * A photo with its caption and credit line. In a preview, a photo without a credit says so exactly where
 * the credit would be, in the story's language, so the editor sees the gap where readers would.
 */
function creditedFigure(usage: DeliveryCreditedImage, t: ReaderMessages, mode: PageMode, className: string, path: string): SafeHtml | null {
  const src = imageUrl(usage.image?.url);
  if (!usage.image || !src) return null;
  const set = srcset(usage);
  const credit = usage.creditLine
    ? html`<span class="credit">${usage.creditLine}</span>`
    : mode === 'preview'
      ? html`<span class="credit credit-missing" data-missing-credit="${path}">${t.missingCredit}</span>`
      : null;
  const caption = usage.caption ? html`<span class="caption">${usage.caption}</span>` : null;
  return html`<figure class="${className}" data-image="${path}"><img src="${src}" alt="${usage.alt ?? usage.image.alternativeText ?? ''}"${usage.image.width ? html` width="${usage.image.width}"` : ''}${usage.image.height ? html` height="${usage.image.height}"` : ''}${set ? html` srcset="${set}" sizes="(max-width: 42rem) 100vw, 42rem"` : ''}${className === 'lead' ? '' : html` loading="lazy"`}>${caption || credit ? html`<figcaption>${caption}${credit}</figcaption>` : ''}</figure>`;
}

/** Who said it, as each language writes it: `毫末智行數據智能科學家 賀翔`, `Priya Nair, chief analyst, Northwind Research`. */
export function speakerLine(quote: DeliveryPullQuote, language: ReaderLanguage): string {
  if (language === 'en') return [quote.speaker, quote.speakerTitle, quote.speakerOrg].filter(Boolean).join(', ');
  const role = `${quote.speakerOrg ?? ''}${quote.speakerTitle ?? ''}`;
  return [role, quote.speaker].filter(Boolean).join(' ');
}

function pullQuote(quote: DeliveryPullQuote, t: ReaderMessages, language: ReaderLanguage): SafeHtml {
  const who = speakerLine(quote, language);
  return html`<figure class="pull-quote" data-pull-quote="${quote.documentId}"><blockquote><p>${quote.text}</p></blockquote>${who ? html`<figcaption>${t.quoteBy(who)}</figcaption>` : ''}</figure>`;
}

interface Correction {
  text: string;
  date: string | null;
  kind?: CorrectionKind;
}

const firstString = (row: Record<string, unknown>, keys: string[]): string | null => {
  for (const key of keys) {
    const value = row[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
};

/**
 * Corrections the serializer gives, read tolerantly: a list of notes, each a string or an object with its
 * text (`text`, `note`, `body`, `description`), maybe its time (`at`, as delivered) and kind. Anything else is left out rather than guessed at.
 */
export function correctionsOf(article: DeliveryArticle): Correction[] {
  const raw = (article as unknown as { corrections?: unknown }).corrections;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry): Correction[] => {
    if (typeof entry === 'string') return entry.trim() ? [{ text: entry, date: null }] : [];
    if (!entry || typeof entry !== 'object') return [];
    const row = entry as Record<string, unknown>;
    const text = firstString(row, ['text', 'note', 'body', 'description', 'correction']);
    const kind = isCorrectionKind(row.kind) ? row.kind : null;
    return text
      ? [{ text, date: firstString(row, ['at', 'date', 'correctedAt', 'publishedAt', 'createdAt']), ...(kind ? { kind } : {}) }]
      : [];
  });
}

/** Other editions with somewhere to link to: the serializer's `localizations` (`{ locale, slug }`). */
function editionsOf(article: DeliveryArticle): DeliveryLocalization[] {
  const raw = (article as { localizations?: unknown }).localizations;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (l): l is DeliveryLocalization =>
      !!l &&
      typeof (l as DeliveryLocalization).locale === 'string' &&
      typeof (l as DeliveryLocalization).slug === 'string' &&
      (l as DeliveryLocalization).slug !== '',
  );
}

function languageName(locale: string): string {
  return isReaderLanguage(locale) ? MESSAGES[locale].languageName : locale;
}

/** The whole page of a story, head to foot: what a reader sees, and what search engines and social sites read. */
export function renderArticlePage(article: DeliveryArticle, context: PageContext): string {
  const language = pickLanguage(article.locale, undefined);
  const t = MESSAGES[language];
  const { origin, mode } = context;
  const ownUrl = `${origin}${newsPath(article.locale, article.slug)}`;
  const editions = editionsOf(article);
  const alternates = [{ locale: article.locale, slug: article.slug }, ...editions].filter((e) => e.slug !== '');
  const canonical = article.attribution.canonicalUrl ?? ownUrl;
  const cover = article.cover;
  const coverSrc = cover?.image ? imageUrl(cover.image.url) : null;
  const ogImage = coverSrc ? absoluteUrl(coverSrc, origin) : null;
  const description = article.dek ?? '';
  const byline = article.attribution.line;
  const published = formatDate(article.firstPublishedAt ?? article.publishedAt, context.timeZone);
  // The JSON-LD's dateModified (a correction counts). Said only when it is more than a minute after the
  // first publication, so the save that went with it does not count.
  const modified = lastModified(article);
  const first = article.firstPublishedAt ?? article.publishedAt;
  const updated =
    article.publishedAt && modified && first && Date.parse(modified) - Date.parse(first) > 60_000
      ? formatDate(modified, context.timeZone)
      : null;
  const placed = placePullQuotes(article.bodyHtml, article.pullQuotes);
  const corrections = correctionsOf(article);
  const defaultEdition = alternates.find((e) => e.locale === DEFAULT_EDITION);

  const head = html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${article.title}</title>
${description ? html`<meta name="description" content="${description}">` : ''}
${mode === 'preview' ? html`<meta name="robots" content="noindex, nofollow">\n` : ''}<link rel="canonical" href="${canonical}">
${alternates.map((e) => html`<link rel="alternate" hreflang="${e.locale}" href="${origin}${newsPath(e.locale, e.slug)}">\n`)}${defaultEdition && alternates.length > 1 ? html`<link rel="alternate" hreflang="x-default" href="${origin}${newsPath(defaultEdition.locale, defaultEdition.slug)}">\n` : ''}<meta property="og:type" content="article">
<meta property="og:title" content="${article.title}">
${description ? html`<meta property="og:description" content="${description}">\n` : ''}<meta property="og:url" content="${canonical}">
${article.source ? html`<meta property="og:site_name" content="${(article.republisher ?? article.source).name}">\n` : ''}<meta property="og:locale" content="${OG_LOCALES[article.locale] ?? article.locale.replace('-', '_')}">
${editions.map((e) => html`<meta property="og:locale:alternate" content="${OG_LOCALES[e.locale] ?? e.locale.replace('-', '_')}">\n`)}${ogImage ? html`<meta property="og:image" content="${ogImage}">\n${cover?.image?.width ? html`<meta property="og:image:width" content="${cover.image.width}">\n` : ''}${cover?.image?.height ? html`<meta property="og:image:height" content="${cover.image.height}">\n` : ''}${cover?.alt ? html`<meta property="og:image:alt" content="${cover.alt}">\n` : ''}` : ''}${article.firstPublishedAt ? html`<meta property="article:published_time" content="${article.firstPublishedAt}">\n` : ''}${article.publishedAt && modified ? html`<meta property="article:modified_time" content="${modified}">\n` : ''}<meta name="twitter:card" content="${ogImage ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${article.title}">
${description ? html`<meta name="twitter:description" content="${description}">\n` : ''}${ogImage ? html`<meta name="twitter:image" content="${ogImage}">\n` : ''}${ogImage && cover?.alt ? html`<meta name="twitter:image:alt" content="${cover.alt}">\n` : ''}<style>${trustedHtml(PAGE_CSS)}</style>
<script type="application/ld+json">${trustedHtml(article.jsonLdScript)}</script>`;

  const body = html`${mode === 'preview' ? html`<p class="preview-banner" role="status">${t.previewBanner}</p>\n` : ''}<main>
<article>
<header>
<h1>${article.title}</h1>
${article.dek ? html`<p class="dek">${article.dek}</p>\n` : ''}${byline ? html`<p class="byline">${byline}</p>\n` : ''}<p class="dates">${published ? html`${t.published} ${published}` : mode === 'preview' ? t.notPublished : ''}${updated ? html` · ${t.updated} ${updated}` : ''}</p>
</header>
${cover ? creditedFigure(cover, t, mode, 'lead', 'cover') : ''}
<div class="body">
${placed.blocks.map((block) => html`${trustedHtml(block.html)}\n${block.quotes.map((q) => pullQuote(q, t, language))}`)}${placed.unplaced.map((q) => pullQuote(q, t, language))}
</div>
${article.gallery.map((usage, i) => creditedFigure(usage, t, mode, 'gallery', `gallery.${i}`))}
${corrections.length > 0 ? html`<section class="corrections" aria-labelledby="corrections-title"><h2 id="corrections-title">${t.corrections}</h2><ol>${corrections.map((c) => html`<li>${c.kind ? html`<strong>${t.correctionKinds[c.kind]}</strong> ` : ''}${c.date ? html`${formatDate(c.date, context.timeZone) ?? c.date} ` : ''}${c.text}</li>`)}</ol></section>\n` : ''}<footer class="meta">
${article.originalUrl ? html`<p>${t.original}: <a href="${article.originalUrl}" rel="noopener noreferrer">${article.originalUrl}</a></p>\n` : ''}${editions.length > 0 ? html`<nav aria-label="${t.otherEditions}"><ul>${editions.map((e) => html`<li><a href="${newsPath(e.locale, e.slug)}" hreflang="${e.locale}" lang="${e.locale}">${languageName(e.locale)}</a></li>`)}</ul></nav>\n` : ''}</footer>
</article>
</main>`;

  return `<!DOCTYPE html>\n<html lang="${escapeLang(article.locale)}">\n<head>\n${head.value}\n</head>\n<body>\n${body.value}\n</body>\n</html>\n`;
}

/** A locale code is letters, digits and hyphens; anything else is not put in `lang`. */
function escapeLang(locale: string): string {
  return /^[A-Za-z0-9-]{1,35}$/u.test(locale) ? locale : 'und';
}

/** The page a refused preview link gets: why, and what to do (reopen it from the admin). */
export function renderDeniedPage(language: ReaderLanguage, reason: DeniedReason): string {
  const t = MESSAGES[language].denied;
  return simplePage(language, t.title, html`<p>${t.body[reason]}</p>\n<p><strong>${t.action}</strong></p>`);
}

export function renderNotFoundPage(language: ReaderLanguage): string {
  const t = MESSAGES[language].notFound;
  return simplePage(language, t.title, html`<p>${t.body}</p>`);
}

function simplePage(language: ReaderLanguage, title: string, content: SafeHtml): string {
  return `<!DOCTYPE html>\n<html lang="${language}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex, nofollow">\n${html`<title>${title}</title>`.value}\n<style>${PAGE_CSS}</style>\n</head>\n<body>\n<main class="error">\n${html`<h1>${title}</h1>`.value}\n${content.value}\n</main>\n</body>\n</html>\n`;
}
