import type { DeliveryArticle, DeliveryCreditedImage, DeliveryOrganization, DeliveryPerson } from './types';
import { absoluteUrl } from './media-url';
import { creditName } from './attribution';

type Thing = Record<string, unknown>;

const person = (who: DeliveryPerson): Thing => ({
  '@type': 'Person',
  name: who.displayName ?? who.name,
  ...(who.url ? { url: who.url } : {}),
  ...(who.sameAs?.length ? { sameAs: who.sameAs } : {}),
});

const organization = (org: DeliveryOrganization, publicUrl = ''): Thing => ({
  '@type': 'Organization',
  name: org.name,
  ...(org.website ? { url: org.website } : {}),
  ...(org.logo
    ? {
        logo: {
          '@type': 'ImageObject',
          url: absoluteUrl(org.logo.url, publicUrl),
          ...(org.logo.width ? { width: org.logo.width } : {}),
          ...(org.logo.height ? { height: org.logo.height } : {}),
        },
      }
    : {}),
});

/** Licence pages for the licences that have one; search engines show them with the image. */
const LICENSE_URLS: Record<string, string> = {
  'cc-by': 'https://creativecommons.org/licenses/by/4.0/',
  'cc-by-sa': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'public-domain': 'https://creativecommons.org/publicdomain/mark/1.0/',
};
/** Licences under which a reuser must ask the agency: its site is where a licence is acquired. */
const ASK_THE_AGENCY = new Set(['agency', 'editorial-only']);

/**
 * Every rendition Strapi made (large, medium, small), largest first, so a consumer can pick one
 * ≥ 1200 px where the original is; the cropped thumbnail is the admin's, not a reader's.
 */
function renditions(usage: DeliveryCreditedImage, publicUrl: string, shared: Thing): Thing[] {
  const formats = Object.entries(usage.image?.formats ?? {})
    .filter(([name, f]) => name !== 'thumbnail' && f.url && f.width)
    .map(([, f]) => f);
  return formats
    .sort((a, b) => (b.width ?? 0) - (a.width ?? 0))
    .map((f) => ({
      '@type': 'ImageObject',
      url: absoluteUrl(f.url, publicUrl),
      width: f.width,
      ...(f.height ? { height: f.height } : {}),
      ...shared,
    }));
}

function imageObjects(usage: DeliveryCreditedImage, publicUrl: string): Thing[] {
  const original = imageObject(usage, publicUrl);
  if (!original) return [];
  const { '@type': _type, url: _url, width: _width, height: _height, ...shared } = original;
  return [original, ...renditions(usage, publicUrl, shared)];
}

function imageObject(usage: DeliveryCreditedImage, publicUrl: string): Thing | null {
  if (!usage.image) return null;
  const license = usage.license ? LICENSE_URLS[usage.license] : undefined;
  const acquire = usage.license && ASK_THE_AGENCY.has(usage.license) ? (usage.agency?.website ?? null) : null;
  const credit = creditName(usage.credit);
  // Whoever holds the rights: the agency when one is named, else the photographer, else the credit as given.
  const holder = usage.agency
    ? organization(usage.agency)
    : usage.photographer
      ? { '@type': 'Person', name: usage.photographer }
      : credit
        ? { '@type': 'Organization', name: credit }
        : null;
  return {
    '@type': 'ImageObject',
    url: absoluteUrl(usage.image.url, publicUrl),
    ...(usage.image.width ? { width: usage.image.width } : {}),
    ...(usage.image.height ? { height: usage.image.height } : {}),
    ...(usage.caption ? { caption: usage.caption } : {}),
    ...(credit ? { creditText: credit } : {}),
    ...(holder ? { copyrightHolder: holder } : {}),
    ...(license ? { license } : {}),
    ...(acquire ? { acquireLicensePage: acquire } : {}),
  };
}

/**
 * schema.org NewsArticle for search engines and partners. The outlet the author wrote for is the
 * `sourceOrganization`; the republisher, when there is one, is the `publisher` of this version, and
 * the original URL is what it `isBasedOn`.
 */
/**
 * The last change readers see: publishing stamps publishedAt but keeps the draft's updatedAt, and a
 * correction (newest first) is a change too. ISO 8601 in UTC, so the times compare as text.
 */
export function lastModified(article: Pick<DeliveryArticle, 'updatedAt' | 'publishedAt' | 'corrections'>): string | null {
  return (
    [article.updatedAt, article.publishedAt, article.corrections?.[0]?.at ?? null]
      .filter((d): d is string => typeof d === 'string')
      .sort()
      .pop() ?? null
  );
}

export function newsArticleJsonLd(
  article: Omit<DeliveryArticle, 'jsonLd' | 'jsonLdScript'>,
  images: DeliveryCreditedImage[],
  publicUrl: string,
): Thing {
  const publisher = article.republisher ?? article.source;
  const corrections = article.corrections ?? [];
  const modified = lastModified(article);
  const image = images.flatMap((usage) => imageObjects(usage, publicUrl));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.dek ? { description: article.dek } : {}),
    inLanguage: article.locale,
    // The first publication, so a re-publish (a correction, an update) does not move the date.
    ...((article.firstPublishedAt ?? article.publishedAt) ? { datePublished: article.firstPublishedAt ?? article.publishedAt } : {}),
    ...(modified ? { dateModified: modified } : {}),
    ...(article.attribution.canonicalUrl ? { mainEntityOfPage: article.attribution.canonicalUrl } : {}),
    ...(article.author ? { author: [article.author, ...(article.coAuthors ?? [])].map(person) } : {}),
    ...(article.editor ? { editor: person(article.editor) } : {}),
    ...(publisher ? { publisher: organization(publisher, publicUrl) } : {}),
    ...(article.source ? { sourceOrganization: organization(article.source, publicUrl) } : {}),
    ...(article.originalUrl ? { isBasedOn: article.originalUrl } : {}),
    ...(image.length > 0 ? { image } : {}),
    // schema.org `correction`: every correction, clarification and update readers see, newest first.
    ...(corrections.length > 0
      ? { correction: corrections.map((c) => ({ '@type': 'CorrectionComment', datePublished: c.at, text: c.text })) }
      : {}),
  };
}

/** Characters that end or change a `<script>` element's text, or end a JavaScript string in older parsers. */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/gu;

/**
 * JSON-LD as text a front end can put between `<script type="application/ld+json">` and `</script>`
 * as it is: a headline holding `</script><script>…` cannot close the element, because `<`, `>` and
 * `&` are written as `\u003c`, `\u003e`, `\u0026` (still the same JSON to any parser), and so are
 * U+2028/U+2029.
 */
export function jsonLdScript(thing: Thing): string {
  return JSON.stringify(thing).replace(SCRIPT_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
