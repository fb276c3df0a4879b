import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../lib/content-types';
import { MEDIA_CREDIT_UID, FILE_UID } from '../plugins/attribution-guard/server/src/constants';
import type { LoadedArticle, Row } from './serialize';
import type { DeliveryLocalization } from './types';

const published = { publishedAt: { $notNull: true } };

const PERSON = ['documentId', 'name', 'displayName', 'role', 'url', 'sameAs'];
const ORGANIZATION = ['documentId', 'name', 'shortName', 'kind', 'website'];
const FILE = ['id', 'documentId', 'name', 'alternativeText', 'caption', 'width', 'height', 'formats', 'mime', 'url'];
const CREDITED_IMAGE = {
  select: ['id', 'credit', 'photographer', 'license', 'caption', 'alt'],
  populate: { image: { select: FILE }, agency: { select: ORGANIZATION, where: published } },
};

/**
 * Columns and relations are named one by one, so a private column (a source's `agreementId`) or an
 * admin field is never even read. Every relation is limited to published rows: Strapi links a
 * published story to published versions already, and this says so where it matters.
 */
export const ARTICLE_QUERY = {
  select: ['id', 'documentId', 'locale', 'slug', 'title', 'dek', 'body', 'originalUrl', 'publishedAt', 'firstPublishedAt', 'createdAt', 'updatedAt'],
  populate: {
    author: { select: PERSON, where: published },
    coAuthors: { select: PERSON, where: published },
    editor: { select: PERSON, where: published },
    source: { select: [...ORGANIZATION, 'attributionTemplate'], where: published, populate: { logo: { select: FILE } } },
    republisher: { select: ORGANIZATION, where: published, populate: { logo: { select: FILE } } },
    pullQuotes: { select: ['id', 'documentId', 'text', 'speaker', 'speakerTitle', 'speakerOrg', 'position'], where: published, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    cover: CREDITED_IMAGE,
    gallery: CREDITED_IMAGE,
  },
};

/**
 * Loads a published story and what its response needs in a fixed number of queries, however many
 * pull-quotes and images it has: one per relation (batched by Strapi), one for the other locales,
 * and for body images one for their files and two for their stored credits.
 */
export async function loadPublishedArticle(strapi: Core.Strapi, slug: string, locale: string): Promise<LoadedArticle | null> {
  const article: Row | null = await strapi.db.query(ARTICLE_UID as any).findOne({
    ...ARTICLE_QUERY,
    where: { slug, locale, ...published },
  } as any);
  if (!article) return null;
  return completeLoadedArticle(strapi, article);
}

/**
 * What a response needs besides the article row: its other published locales, the files shown in its
 * body and the credits stored with uncredited files. Shared by the published story and the draft preview.
 */
export async function completeLoadedArticle(strapi: Core.Strapi, article: Row): Promise<LoadedArticle> {
  const locale: string = article.locale;
  const bodyUrls = bodyImageUrls(article.body);
  const [localizations, bodyFileRows] = await Promise.all([
    strapi.db.query(ARTICLE_UID as any).findMany({
      select: ['locale', 'slug'],
      where: { documentId: article.documentId, locale: { $ne: locale }, ...published },
      orderBy: { locale: 'asc' },
    }) as Promise<Row[]>,
    bodyUrls.length > 0 ? (strapi.db.query(FILE_UID as any).findMany({ select: FILE, where: { url: { $in: bodyUrls } } }) as Promise<Row[]>) : Promise.resolve([] as Row[]),
  ]);
  const bodyFiles = new Map(bodyFileRows.map((file) => [file.url as string, file]));

  // Credits typed once on a media file cover every usage that has none of its own (body images always).
  const uncredited = [article.cover, ...(Array.isArray(article.gallery) ? article.gallery : [])]
    .filter((usage: Row | null | undefined) => usage && !usage.credit && typeof usage.image?.id === 'number')
    .map((usage: Row) => usage.image.id as number)
    .concat(bodyFileRows.map((file) => file.id as number));
  const creditRows: Row[] =
    uncredited.length > 0
      ? await strapi.db.query(MEDIA_CREDIT_UID as any).findMany({
          select: ['fileId', 'credit', 'photographer', 'license'],
          where: { fileId: { $in: [...new Set(uncredited)] } },
          populate: { agency: { select: ORGANIZATION, where: published } },
        } as any)
      : [];

  return {
    article,
    bodyFiles,
    fileCredits: new Map(creditRows.map((row) => [row.fileId as number, row])),
    localizations: localizations.map((row): DeliveryLocalization => ({ locale: row.locale, slug: row.slug })),
  };
}

/** Published locales of every story that has this slug in some locale, for a helpful 404. */
export async function publishedLocalesOfSlug(strapi: Core.Strapi, slug: string): Promise<DeliveryLocalization[]> {
  const matches: Row[] = await strapi.db.query(ARTICLE_UID as any).findMany({ select: ['documentId'], where: { slug, ...published } });
  if (matches.length === 0) return [];
  const rows: Row[] = await strapi.db.query(ARTICLE_UID as any).findMany({
    select: ['locale', 'slug'],
    where: { documentId: { $in: [...new Set(matches.map((m) => m.documentId))] }, ...published },
    orderBy: { locale: 'asc' },
  });
  return rows.map((row) => ({ locale: row.locale, slug: row.slug }));
}

function bodyImageUrls(body: unknown): string[] {
  if (!Array.isArray(body)) return [];
  const urls = new Set<string>();
  for (const node of body) {
    const url = (node as Row | null)?.type === 'image' ? (node as Row).image?.url : undefined;
    if (typeof url === 'string' && url !== '') urls.add(url);
  }
  return [...urls];
}
