import { joinNames } from '../plugins/attribution-guard/shared/credits/text';
import { creditName } from '../delivery/attribution';
import { lastModified } from '../delivery/json-ld';
import { absoluteImageSources, absoluteUrl } from '../delivery/media-url';
import type { DeliveryArticle, DeliveryCreditedImage, DeliveryPerson } from '../delivery/types';

/** The part of IPTC ninjs 2.2 this API writes (`tests/fixtures/ninjs/ninjs-schema_2.2.json`). */
export interface NinjsText {
  role?: string;
  contenttype?: string;
  value: string;
  charcount?: number;
}

export interface NinjsRendition {
  name: string;
  href: string;
  contenttype?: string;
  width?: number;
  height?: number;
}

export interface NinjsInfosource {
  name: string;
  role: string;
  uri?: string;
}

export interface NinjsPicture {
  name: string;
  uri: string;
  type: 'picture';
  by?: string;
  copyrightholder?: string;
  copyrightnotice?: string;
  usageterms?: string;
  descriptions?: NinjsText[];
  renditions: NinjsRendition[];
}

export interface Ninjs {
  uri: string;
  standard: { name: 'ninjs'; version: '2.2'; schema: string };
  type: 'text';
  version: string;
  versioncreated: string;
  firstcreated: string;
  pubstatus: 'usable';
  embargoed?: string;
  language: string;
  headlines: NinjsText[];
  descriptions?: NinjsText[];
  bodies: NinjsText[];
  by?: string;
  copyrightholder?: string;
  copyrightnotice?: string;
  usageterms: string;
  ednote?: string;
  infosources?: NinjsInfosource[];
  associations?: NinjsPicture[];
}

/** The partner's agreement, as the ninjs route found it in force for this locale. */
export interface PartnerAgreement {
  partner: string;
  agreementId: string;
  validUntil: string | null;
  allowedLocales: string[];
  usageTerms: string | null;
}

export interface NinjsOptions {
  /** Absolute origin for picture URLs and body images: PUBLIC_URL, else the request's own. */
  origin: string;
  agreement: PartnerAgreement;
  /** When the story is delivered ahead of its embargo: the instant it lifts (ISO 8601). */
  embargoedUntil: string | null;
}

export const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#';
/** IPTC Information Source Role NewsCodes: the party the content originated from. */
export const ROLE_ORIGINATOR = 'http://cv.iptc.org/newscodes/infosourcerole/originfo';
/** The republisher that carried the story before this newsroom; IPTC has no code for it, so the role is named here. */
export const ROLE_REPUBLISHER = 'urn:newsroom:infosourcerole:republisher';

/** Stable identifiers: a story's edition is its document in one locale; a picture is its media file. */
export const storyUri = (documentId: string, locale: string): string =>
  `urn:newsroom:article:${encodeURIComponent(documentId)}:${encodeURIComponent(locale)}`;
const pictureUri = (id: string) => `urn:newsroom:picture:${encodeURIComponent(id)}`;

const shownName = (p: DeliveryPerson) => p.displayName ?? p.name;
const yearOf = (iso: string | null) => (iso ? new Date(iso).getUTCFullYear() : null);
const notice = (holder: string, year: number | null) => `© ${year ? `${year} ` : ''}${holder}`;

/** What the partner's agreement lets them do, in its own words when the agreement has them. */
export function usageTermsOf(agreement: PartnerAgreement): string {
  if (agreement.usageTerms && agreement.usageTerms.trim() !== '') return agreement.usageTerms.trim();
  const locales = agreement.allowedLocales.length > 0 ? agreement.allowedLocales.join(', ') : 'all locales';
  const until = agreement.validUntil ? `, valid until ${agreement.validUntil}` : '';
  return `Licensed to ${agreement.partner} under syndication agreement ${agreement.agreementId} (${locales}${until}). Keep the byline and every photo credit as given.`;
}

function picture(usage: DeliveryCreditedImage, name: string, origin: string, year: number | null): NinjsPicture | null {
  const image = usage.image;
  if (!image) return null;
  const credit = creditName(usage.credit);
  const holder = usage.agency?.name ?? credit ?? usage.photographer;
  const renditions: NinjsRendition[] = [
    {
      name: 'original',
      href: absoluteUrl(image.url, origin),
      ...(image.mime ? { contenttype: image.mime } : {}),
      ...(image.width ? { width: image.width } : {}),
      ...(image.height ? { height: image.height } : {}),
    },
    ...Object.entries(image.formats)
      .filter(([format]) => format !== 'thumbnail')
      .map(([format, f]) => ({
        name: format,
        href: absoluteUrl(f.url, origin),
        ...(f.mime ? { contenttype: f.mime } : {}),
        ...(f.width ? { width: f.width } : {}),
        ...(f.height ? { height: f.height } : {}),
      })),
  ];
  const descriptions: NinjsText[] = [
    ...(usage.caption ? [{ role: 'caption', contenttype: 'text/plain', value: usage.caption }] : []),
    ...((usage.alt ?? image.alternativeText)
      ? [{ role: 'alt', contenttype: 'text/plain', value: (usage.alt ?? image.alternativeText)! }]
      : []),
  ];
  return {
    name,
    uri: pictureUri(image.documentId ?? image.url),
    type: 'picture',
    // The credit as readers see it (圖片來源 @視覺中國), or the photographer.
    ...((usage.creditLine ?? usage.photographer) ? { by: (usage.creditLine ?? usage.photographer)! } : {}),
    ...(holder ? { copyrightholder: holder, copyrightnotice: notice(holder, year) } : {}),
    ...(usage.license ? { usageterms: `Licence: ${usage.license}` } : {}),
    ...(descriptions.length > 0 ? { descriptions } : {}),
    renditions,
  };
}

/**
 * A delivered story as IPTC ninjs 2.2. ninjs 2.x carries the headline and the HTML body as
 * `headlines[]` and `bodies[]` (1.x's `headline` and `body_html` are not in the 2.2 schema), each with
 * its role. The outlet the story comes from holds its copyright; the republisher is named beside it
 * with its role; the usage terms are the partner's agreement's. Pictures are the cover and the gallery
 * with their credits; photos in the body keep their credit line in the body's HTML.
 */
export function toNinjs(article: DeliveryArticle, options: NinjsOptions): Ninjs {
  const first = article.firstPublishedAt ?? article.publishedAt ?? article.createdAt ?? new Date(0).toISOString();
  const modified = (options.embargoedUntil ? article.updatedAt : lastModified(article)) ?? first;
  const year = yearOf(article.firstPublishedAt ?? article.publishedAt);
  const writers = article.author ? [article.author, ...article.coAuthors] : article.coAuthors;
  const holder = article.source?.name ?? article.republisher?.name ?? null;
  const bodyHtml = absoluteImageSources(article.bodyHtml, options.origin);
  const infosources: NinjsInfosource[] = [
    ...(article.source
      ? [{ name: article.source.name, role: ROLE_ORIGINATOR, ...(article.source.website ? { uri: article.source.website } : {}) }]
      : []),
    ...(article.republisher
      ? [
          {
            name: article.republisher.name,
            role: ROLE_REPUBLISHER,
            ...(article.republisher.website ? { uri: article.republisher.website } : {}),
          },
        ]
      : []),
  ];
  const associations = [
    ...(article.cover ? [picture(article.cover, 'cover', options.origin, year)] : []),
    ...article.gallery.map((usage, i) => picture(usage, `gallery-${i + 1}`, options.origin, year)),
  ].filter((p): p is NinjsPicture => p !== null);
  const descriptions: NinjsText[] = [
    ...(article.dek ? [{ role: 'summary', contenttype: 'text/plain', value: article.dek }] : []),
    ...(article.attribution.line ? [{ role: 'byline', contenttype: 'text/plain', value: article.attribution.line }] : []),
    // Newest first, as on the by-slug route: `correction`, `clarification` or `update`, dated.
    ...article.corrections.map((c) => ({ role: c.kind, contenttype: 'text/plain', value: `${c.at} ${c.text}` })),
  ];
  return {
    uri: storyUri(article.documentId, article.locale),
    standard: { name: 'ninjs', version: '2.2', schema: NINJS_SCHEMA },
    type: 'text',
    // Each publish (a correction's included) is a new version; its time names it.
    version: String(Date.parse(modified)),
    versioncreated: modified,
    firstcreated: first,
    pubstatus: 'usable',
    ...(options.embargoedUntil ? { embargoed: options.embargoedUntil } : {}),
    language: article.locale,
    headlines: [{ role: 'main', contenttype: 'text/plain', value: article.title }],
    ...(descriptions.length > 0 ? { descriptions } : {}),
    bodies: [{ role: 'main', contenttype: 'text/html', value: bodyHtml }],
    ...(writers.length > 0 ? { by: joinNames(writers.map(shownName), article.locale) } : {}),
    ...(holder ? { copyrightholder: holder, copyrightnotice: notice(holder, year) } : {}),
    usageterms: usageTermsOf(options.agreement),
    ...(options.embargoedUntil ? { ednote: `Embargoed until ${options.embargoedUntil}: not to be published before then.` } : {}),
    ...(infosources.length > 0 ? { infosources } : {}),
    ...(associations.length > 0 ? { associations } : {}),
  };
}
