import type { Core, UID } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, SOURCE_UID } from '../lib/content-types';
import { MEDIA_CREDIT_UID, FILE_UID } from '../plugins/attribution-guard/shared/constants';
import {
  ARTICLE,
  bodyImageUrls,
  CORRECTION,
  CREDIT,
  CREDITED_IMAGE,
  FILE,
  ORGANIZATION,
  PERSON,
  PULL_QUOTE,
} from '../delivery/load-article';
import type { LoadedArticle, Row } from '../delivery/serialize';
import type { LoadedLocalization } from '../delivery/types';

type Query = Record<string, unknown>;
const published = { publishedAt: { $notNull: true } };

const CREDITED = { select: CREDITED_IMAGE, populate: { image: { select: FILE }, agency: { select: ORGANIZATION } } };

/**
 * The draft of a story with what its page shows, field for field the delivery's own columns (the
 * column lists are the delivery's), but without published-only filters: a draft row links to the
 * drafts of what it shows (Strapi 5 keeps one set of links per version). A preview is one reader,
 * so the plain query engine is fast enough here.
 */
export const DRAFT_QUERY: Query = {
  select: ARTICLE,
  populate: {
    author: { select: PERSON },
    coAuthors: { select: PERSON },
    editor: { select: PERSON },
    source: { select: [...ORGANIZATION, 'attributionTemplate'], populate: { logo: { select: FILE } } },
    republisher: { select: ORGANIZATION, populate: { logo: { select: FILE } } },
    pullQuotes: { select: PULL_QUOTE, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    cover: CREDITED,
    gallery: CREDITED,
    corrections: { select: CORRECTION },
  },
};

const populateOf = (field: string): Query => ((DRAFT_QUERY.populate as Record<string, Query>)[field] ?? {}) as Query;

/** What the page needs besides the row: the other published editions, the body's files, credits stored with uncredited files. */
async function complete(strapi: Core.Strapi, article: Row): Promise<LoadedArticle> {
  const bodyUrls = bodyImageUrls(article.body);
  const [localizations, bodyFileRows] = await Promise.all([
    strapi.db.query(ARTICLE_UID).findMany({
      select: ['locale', 'slug'],
      where: { documentId: article.documentId, locale: { $ne: article.locale }, ...published },
      orderBy: { locale: 'asc' },
    }) as Promise<Row[]>,
    bodyUrls.length > 0
      ? (strapi.db.query(FILE_UID).findMany({ select: FILE, where: { url: { $in: bodyUrls } } }) as Promise<Row[]>)
      : Promise.resolve([] as Row[]),
  ]);
  const uncredited = [article.cover, ...(Array.isArray(article.gallery) ? article.gallery : [])]
    .filter((usage: Row | null | undefined) => usage && !usage.credit && typeof usage.image?.id === 'number')
    .map((usage: Row) => usage.image.id as number)
    .concat(bodyFileRows.map((file) => file.id as number));
  const creditRows: Row[] =
    uncredited.length > 0
      ? await strapi.db.query(MEDIA_CREDIT_UID).findMany({
          select: CREDIT,
          where: { fileId: { $in: [...new Set(uncredited)] } },
          populate: { agency: { select: ORGANIZATION, where: published } },
        })
      : [];
  return {
    article,
    bodyFiles: new Map(bodyFileRows.map((file) => [file.url as string, file])),
    fileCredits: new Map(creditRows.map((row) => [row.fileId as number, row])),
    localizations: localizations.map((row): LoadedLocalization => ({ locale: row.locale, slug: row.slug })),
  };
}

/** Relations shown in the byline, by the type they point at. Readers will see these records' published versions. */
const BYLINE_RELATIONS: Array<{ uid: string; fields: string[] }> = [
  { uid: AUTHOR_UID, fields: ['author', 'coAuthors', 'editor'] },
  { uid: SOURCE_UID, fields: ['source', 'republisher'] },
];

/**
 * Swaps each person and outlet the draft links to for its published version, where it has one: when the
 * story is published Strapi links it to those, so that is the name readers will see. A record with no
 * published version stays as its draft (the attribution guard refuses the publish until it is published).
 */
async function preferPublished(strapi: Core.Strapi, article: Row): Promise<Row> {
  const swapped: Row = { ...article };
  for (const { uid, fields } of BYLINE_RELATIONS) {
    const linked = fields.flatMap((field) =>
      Array.isArray(article[field]) ? (article[field] as Row[]) : article[field] ? [article[field] as Row] : [],
    );
    const ids = [...new Set(linked.map((row) => row.documentId as string).filter(Boolean))];
    if (ids.length === 0) continue;
    const localized =
      (strapi.getModel(uid as UID.ContentType) as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined)?.pluginOptions?.i18n
        ?.localized === true;
    const { where: _where, ...shape } = populateOf(fields[0]!);
    const published: Row[] = await strapi.db.query(uid).findMany({
      ...shape,
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true }, ...(localized ? { locale: article.locale } : {}) },
    });
    const byId = new Map(published.map((row) => [row.documentId as string, row]));
    const pick = (row: Row) => byId.get(row.documentId as string) ?? row;
    for (const field of fields) {
      const value = article[field];
      swapped[field] = Array.isArray(value) ? (value as Row[]).map(pick) : value ? pick(value as Row) : value;
    }
  }
  return swapped;
}

/** The draft of one story in one locale with everything its page needs, or null when there is none. */
export async function loadDraftArticle(strapi: Core.Strapi, documentId: string, locale: string): Promise<LoadedArticle | null> {
  const article: Row | null = await strapi.db.query(ARTICLE_UID).findOne({
    ...DRAFT_QUERY,
    where: { documentId, locale, publishedAt: null },
  });
  if (!article) return null;
  return complete(strapi, await preferPublished(strapi, article));
}
