import type {
  DeliveryArticle,
  DeliveryCorrection,
  DeliveryCreditedImage,
  DeliveryImage,
  DeliveryImageCredit,
  DeliveryImageFormat,
  DeliveryLocalization,
  LoadedLocalization,
  DeliveryOrganization,
  DeliveryPerson,
  DeliveryPullQuote,
} from './types';
import { templateInScriptOf } from './template-script';
import { joinNames } from '../plugins/attribution-guard/shared/credits/text';
import { renderAttributionLine, renderCreditLine } from './attribution';
import { jsonLdScript, newsArticleJsonLd } from './json-ld';
import { httpUrlProblem } from '../lib/http-url';
import { toPlainText } from '../lib/plain-text';
import { absoluteImageSources, absoluteUrl, isMediaLibraryUrl } from './media-url';
import { renderBlocks, type BlockImage, type BlocksNode } from './render-blocks';
import { sanitizeBodyHtml } from './sanitize-body';
import { withoutTypedByline } from './typed-byline';
import { canonicalUrlOf, storyPageUrl } from './story-url';
import { isCorrectionKind, isoInstant, newestFirst } from '../corrections/rules';
export type { Row } from '../lib/row';
import type { Row } from '../lib/row';

/** Everything one delivery response is made from, loaded in a fixed number of queries (load-article.ts). */
export interface LoadedArticle {
  article: Row;
  /** Media-library files shown in the body, by URL. */
  bodyFiles: Map<string, Row>;
  /** Credits stored with media files, by file id. */
  fileCredits: Map<number, Row>;
  /** Other published locales of the story. */
  localizations: LoadedLocalization[];
}

export interface SerializeOptions {
  mediaUrlPrefixes: readonly string[];
  /** The server's public URL (`server.url`), for absolute image URLs in JSON-LD; may be empty. */
  publicUrl: string;
  /** Template of the front end's story URL (`{locale}`, `{slug}`); empty = the original URL is canonical. */
  canonicalUrl: string;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
/** A stored web address, only when it is one readers may follow (rows written before addresses were checked may hold anything). */
const httpUrl = (value: unknown): string | null => {
  const url = str(value)?.trim() ?? null;
  return url !== null && httpUrlProblem(url) === null ? url : null;
};
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const iso = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? new Date(value).toISOString() : null;

function person(row: Row | null | undefined): DeliveryPerson | null {
  if (!row?.documentId) return null;
  const sameAs = Array.isArray(row.sameAs) ? (row.sameAs as unknown[]).map(httpUrl).filter((u): u is string => u !== null) : [];
  return {
    documentId: row.documentId,
    name: row.name ?? '',
    displayName: str(row.displayName),
    role: str(row.role),
    url: httpUrl(row.url),
    sameAs,
  };
}

function organization(row: Row | null | undefined, publicUrl = ''): DeliveryOrganization | null {
  if (!row?.documentId) return null;
  return {
    documentId: row.documentId,
    name: row.name ?? '',
    shortName: str(row.shortName),
    kind: str(row.kind),
    website: httpUrl(row.website),
    logo: image(row.logo, publicUrl),
  };
}

function image(file: Row | null | undefined, publicUrl = ''): DeliveryImage | null {
  if (!file || typeof file.url !== 'string') return null;
  const formats: Record<string, DeliveryImageFormat> = {};
  if (file.formats && typeof file.formats === 'object') {
    for (const [name, format] of Object.entries(file.formats as Record<string, Row>)) {
      if (typeof format?.url === 'string')
        formats[name] = {
          url: absoluteUrl(format.url, publicUrl),
          width: num(format.width),
          height: num(format.height),
          mime: str(format.mime),
        };
    }
  }
  return {
    documentId: str(file.documentId),
    // Absolute from PUBLIC_URL, so a front end on another host does not resolve /uploads/… to itself.
    url: absoluteUrl(file.url, publicUrl),
    width: num(file.width),
    height: num(file.height),
    mime: str(file.mime),
    alternativeText: str(file.alternativeText),
    formats,
  };
}

/** A usage's own credit wins; without one, the credit stored with the file (typed once, reused everywhere). */
function creditedImage(component: Row, fileCredits: Map<number, Row>, locale: string, publicUrl: string): DeliveryCreditedImage {
  const file = component.image as Row | null | undefined;
  const stored = typeof file?.id === 'number' ? fileCredits.get(file.id) : undefined;
  const usageCredit = str(component.credit);
  const credit = usageCredit ?? str(stored?.credit);
  return {
    image: image(file, publicUrl),
    credit,
    creditLine: renderCreditLine(credit, locale),
    agency: organization(component.agency, publicUrl) ?? (usageCredit ? null : organization(stored?.agency, publicUrl)),
    photographer: str(component.photographer) ?? str(stored?.photographer),
    license: str(component.license) ?? str(stored?.license),
    caption: str(component.caption),
    alt: str(component.alt),
  };
}

/**
 * The story's corrections, newest first. Text is cleaned again on the way out: rows written before
 * it was plain text, or past the Document Service, must not bring markup to a front end.
 */
export function corrections(rows: unknown): DeliveryCorrection[] {
  if (!Array.isArray(rows)) return [];
  const list = (rows as Row[]).flatMap((row): DeliveryCorrection[] => {
    const at = isoInstant(row?.at);
    const text = typeof row?.text === 'string' ? toPlainText(row.text) : '';
    if (!at || !isCorrectionKind(row.kind) || text === '') return [];
    return [{ at, kind: row.kind, text }];
  });
  return newestFirst(list);
}

/** The delivery response for one published story: picked field by field, rendered, sanitised. */
export function serializeArticle(loaded: LoadedArticle, options: SerializeOptions): DeliveryArticle {
  const row = loaded.article;
  const locale: string = row.locale;
  const slug: string = row.slug ?? '';
  const originalUrl = httpUrl(row.originalUrl);

  const cover = row.cover ? creditedImage(row.cover, loaded.fileCredits, locale, options.publicUrl) : null;
  const gallery = (Array.isArray(row.gallery) ? (row.gallery as Row[]) : []).map((item) =>
    creditedImage(item, loaded.fileCredits, locale, options.publicUrl),
  );

  const credits: DeliveryImageCredit[] = [];
  if (cover?.creditLine) credits.push({ path: 'cover', line: cover.creditLine });
  gallery.forEach((item, i) => item.creditLine && credits.push({ path: `gallery.${i}`, line: item.creditLine }));

  const bodyImages: DeliveryCreditedImage[] = [];
  const imageFor = (node: BlocksNode, index: number): BlockImage | null => {
    const ref = node.image as Row | undefined;
    const file = typeof ref?.url === 'string' ? loaded.bodyFiles.get(ref.url) : undefined;
    if (!file || !isMediaLibraryUrl(file.url, options.mediaUrlPrefixes)) return null;
    const usage = creditedImage(
      { image: file, caption: str(ref?.caption) ?? str(file.caption), alt: str(ref?.alternativeText) ?? str(file.alternativeText) },
      loaded.fileCredits,
      locale,
      options.publicUrl,
    );
    bodyImages.push(usage);
    if (usage.creditLine) credits.push({ path: `body.${index}`, line: usage.creditLine });
    return {
      url: file.url,
      alt: usage.alt ?? '',
      width: num(file.width),
      height: num(file.height),
      caption: [usage.caption, usage.creditLine].filter(Boolean).join(' ') || null,
    };
  };
  // The typed byline is left out of the HTML: front ends show attribution.line (src/delivery/typed-byline.ts).
  const bodyHtml = absoluteImageSources(
    sanitizeBodyHtml(renderBlocks(withoutTypedByline(row.body), { image: imageFor }), options.mediaUrlPrefixes),
    options.publicUrl,
  );

  const author = person(row.author);
  // Strapi keeps a to-many relation in the order it was given: the byline order.
  const coAuthors = (Array.isArray(row.coAuthors) ? (row.coAuthors as Row[]) : [])
    .map(person)
    .filter((p): p is DeliveryPerson => p !== null);
  const editor = person(row.editor);
  const shownName = (p: DeliveryPerson) => p.displayName ?? p.name;
  const source = organization(row.source, options.publicUrl);
  const pullQuotes: DeliveryPullQuote[] = (Array.isArray(row.pullQuotes) ? (row.pullQuotes as Row[]) : [])
    .map((q) => ({
      documentId: q.documentId,
      text: q.text ?? '',
      speaker: q.speaker ?? '',
      speakerTitle: str(q.speakerTitle),
      speakerOrg: str(q.speakerOrg),
      position: num(q.position) ?? 0,
      id: num(q.id) ?? 0,
    }))
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .map(({ id: _id, ...quote }) => quote);

  const withoutJsonLd: Omit<DeliveryArticle, 'jsonLd' | 'jsonLdScript'> = {
    id: row.id,
    documentId: row.documentId,
    locale,
    slug,
    title: row.title ?? '',
    dek: str(row.dek),
    body: Array.isArray(row.body) ? row.body : [],
    bodyHtml,
    originalUrl,
    publishedAt: iso(row.publishedAt),
    firstPublishedAt: iso(row.firstPublishedAt) ?? iso(row.publishedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    author,
    coAuthors,
    editor,
    source,
    republisher: organization(row.republisher, options.publicUrl),
    pullQuotes,
    cover,
    gallery,
    attribution: {
      // Cleaned again here: a template stored before templates were plain text must not bring markup into the byline.
      line: renderAttributionLine(templateInScriptOf(toPlainText(str(row.source?.attributionTemplate) ?? ''), locale), {
        outlet: source?.name ?? null,
        author: author ? joinNames([author, ...coAuthors].map(shownName), locale) : null,
        editor: editor ? (editor.displayName ?? editor.name) : null,
      }),
      originalUrl,
      canonicalUrl: canonicalUrlOf(options.canonicalUrl, locale, slug, originalUrl),
      credits,
    },
    corrections: corrections(row.corrections),
    localizations: loaded.localizations.map((l): DeliveryLocalization => ({
      ...l,
      url: storyPageUrl(options.publicUrl, options.canonicalUrl, l.locale, l.slug),
    })),
  };
  const images = [...(cover ? [cover] : []), ...gallery, ...bodyImages];
  const jsonLd = newsArticleJsonLd(withoutJsonLd, images, options.publicUrl);
  return { ...withoutJsonLd, jsonLd, jsonLdScript: jsonLdScript(jsonLd) };
}
