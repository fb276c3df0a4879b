/**
 * The shape front ends receive from the delivery API (REST `GET /api/articles/by-slug/:slug` and
 * GraphQL `articleBySlug`). Every field is picked by name, so nothing private can slip in with a
 * schema change.
 */

export interface DeliveryPerson {
  documentId: string;
  name: string;
  displayName: string | null;
  role: string | null;
  /** The author's page on the outlet's site, and their profiles elsewhere (schema.org `url`, `sameAs`). */
  url: string | null;
  sameAs: string[];
}

export interface DeliveryOrganization {
  documentId: string;
  name: string;
  shortName: string | null;
  kind: string | null;
  website: string | null;
  /** The outlet's logo, for `publisher.logo` in JSON-LD and for front ends; agencies carry none here. */
  logo: DeliveryImage | null;
}

export interface DeliveryImageFormat {
  url: string;
  width: number | null;
  height: number | null;
  mime: string | null;
}

export interface DeliveryImage {
  documentId: string | null;
  url: string;
  width: number | null;
  height: number | null;
  mime: string | null;
  alternativeText: string | null;
  formats: Record<string, DeliveryImageFormat>;
}

export interface DeliveryCreditedImage {
  image: DeliveryImage | null;
  credit: string | null;
  /** The credit as readers see it, e.g. `圖片來源 @視覺中國`. */
  creditLine: string | null;
  agency: DeliveryOrganization | null;
  photographer: string | null;
  license: string | null;
  caption: string | null;
  alt: string | null;
}

export interface DeliveryPullQuote {
  documentId: string;
  text: string;
  speaker: string;
  speakerTitle: string | null;
  speakerOrg: string | null;
  position: number;
}

export interface DeliveryImageCredit {
  /** Where the image is shown: `cover`, `gallery.0`, `body.12`. */
  path: string;
  line: string;
}

export interface DeliveryAttribution {
  /** The byline rendered from the outlet's template, e.g. `文|正見 TrueView,作者|koorvoa,編輯|TV.`; every writer is named (`作者|王小明、李大華`). */
  line: string | null;
  originalUrl: string | null;
  canonicalUrl: string | null;
  credits: DeliveryImageCredit[];
}

/** A correction, clarification or update readers see on a published story; never edited once public, only superseded. */
export interface DeliveryCorrection {
  /** When it was made (ISO 8601, UTC). */
  at: string;
  kind: 'correction' | 'clarification' | 'update';
  /** Plain text. */
  text: string;
}

/** Another published edition of the story, as the database has it. */
export interface LoadedLocalization {
  locale: string;
  slug: string;
}

/** Another published edition, with where readers find it (the front end's story URL, else this CMS's reader page). */
export interface DeliveryLocalization extends LoadedLocalization {
  url: string;
}

export interface DeliveryArticle {
  id: number;
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  dek: string | null;
  body: unknown[];
  bodyHtml: string;
  originalUrl: string | null;
  /** The latest publish (Strapi stamps it anew each time). */
  publishedAt: string | null;
  /** The first publication in this locale: the story's publication date, unchanged by re-publishing. */
  firstPublishedAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  author: DeliveryPerson | null;
  /** Further writers, in byline order. */
  coAuthors: DeliveryPerson[];
  editor: DeliveryPerson | null;
  source: DeliveryOrganization | null;
  republisher: DeliveryOrganization | null;
  pullQuotes: DeliveryPullQuote[];
  cover: DeliveryCreditedImage | null;
  gallery: DeliveryCreditedImage[];
  attribution: DeliveryAttribution;
  /** Newest first. */
  corrections: DeliveryCorrection[];
  jsonLd: Record<string, unknown>;
  /** `jsonLd` as text ready to put inside `<script type="application/ld+json">`: `<`, `>`, `&`, U+2028 and U+2029 escaped. */
  jsonLdScript: string;
  /** The other locales this story is published in. */
  localizations: DeliveryLocalization[];
}

/** A rendered delivery response, as cached and as sent. */
export interface CachedResponse {
  etag: string;
  /** The JSON body, serialised once. */
  body: string;
  /** The body encoded once as UTF-8, where the store keeps it (the in-memory store does). */
  bytes?: Buffer;
}
