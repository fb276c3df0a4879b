import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, SOURCE_UID } from '../lib/content-types';
import { ARTICLE_QUERY, completeLoadedArticle } from '../delivery/load-article';
import type { LoadedArticle, Row } from '../delivery/serialize';

type Query = Record<string, unknown>;

const isPublishedFilter = (where: unknown): boolean => {
  const w = where as { publishedAt?: { $notNull?: unknown } } | null | undefined;
  return !!w && Object.keys(w).length === 1 && w.publishedAt?.$notNull === true;
};

/**
 * The delivery query with its published-only filters taken off. A draft row links to the drafts of
 * what it shows (Strapi 5 keeps one set of links per version), so those filters would find nothing.
 * Derived rather than copied, so a field added to the delivery query reaches the preview too.
 */
export function withoutPublishedFilters(query: Query): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'where' && isPublishedFilter(value)) continue;
    if (key === 'populate' && value && typeof value === 'object' && !Array.isArray(value)) {
      out.populate = Object.fromEntries(Object.entries(value as Query).map(([field, sub]) => [field, sub && typeof sub === 'object' && !Array.isArray(sub) ? withoutPublishedFilters(sub as Query) : sub]));
      continue;
    }
    out[key] = value;
  }
  return out;
}

const DRAFT_QUERY = withoutPublishedFilters(ARTICLE_QUERY as unknown as Query);
const populateOf = (field: string): Query => ((ARTICLE_QUERY.populate as Record<string, Query>)[field] ?? {}) as Query;

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
    const linked = fields.flatMap((field) => (Array.isArray(article[field]) ? (article[field] as Row[]) : article[field] ? [article[field] as Row] : []));
    const ids = [...new Set(linked.map((row) => row.documentId as string).filter(Boolean))];
    if (ids.length === 0) continue;
    const localized = (strapi.getModel(uid as any) as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined)?.pluginOptions?.i18n?.localized === true;
    const { where: _where, ...shape } = populateOf(fields[0]!);
    const published: Row[] = await strapi.db.query(uid as any).findMany({
      ...shape,
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true }, ...(localized ? { locale: article.locale } : {}) },
    } as any);
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
  const article: Row | null = await strapi.db.query(ARTICLE_UID as any).findOne({
    ...DRAFT_QUERY,
    where: { documentId, locale, publishedAt: null },
  } as any);
  if (!article) return null;
  return completeLoadedArticle(strapi, await preferPublished(strapi, article));
}
