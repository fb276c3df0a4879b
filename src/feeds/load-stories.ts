import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../lib/content-types';
import type { Row } from '../lib/row';
import type { NewsEntry, PublishedEdition } from './sitemaps';

/*
 * Published rows only, everywhere here (`publishedAt` not null): a draft row is never read, so no
 * draft's slug, title or locale can reach a feed or a sitemap. Relations of a published row lead to
 * published rows (Strapi links the published version of a story to published versions).
 */
const PUBLISHED = { publishedAt: { $notNull: true } };

const iso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
const latest = (...values: unknown[]): string | null => values.map(iso).filter((d): d is string => d !== null).sort().pop() ?? null;

/** The slugs of the latest published stories of a locale, newest first publication first. */
export async function latestSlugs(strapi: Core.Strapi, locale: string, limit: number): Promise<string[]> {
  const rows: Row[] = await strapi.db.query(ARTICLE_UID).findMany({
    select: ['slug'],
    where: { locale, ...PUBLISHED },
    orderBy: [{ firstPublishedAt: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
    limit,
  });
  return rows.map((row) => row.slug).filter((slug): slug is string => typeof slug === 'string' && slug !== '');
}

/** Every published edition (story × locale), the most recently published first, up to `limit`; and how many there are. */
export async function publishedEditions(strapi: Core.Strapi, limit: number): Promise<{ editions: PublishedEdition[]; total: number }> {
  const [rows, total] = await Promise.all([
    strapi.db.query(ARTICLE_UID).findMany({
      select: ['documentId', 'locale', 'slug', 'publishedAt', 'updatedAt'],
      where: PUBLISHED,
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      limit,
    }) as Promise<Row[]>,
    strapi.db.query(ARTICLE_UID).count({ where: PUBLISHED }),
  ]);
  const editions = rows
    .filter((row) => typeof row.slug === 'string' && row.slug !== '')
    .map((row): PublishedEdition => ({ documentId: row.documentId, locale: row.locale, slug: row.slug, lastmod: latest(row.publishedAt, row.updatedAt) }));
  return { editions, total: Number(total) };
}

/**
 * Stories first published at or after `since` (in any locale), newest first, with the name of their
 * publisher; up to `limit`, and how many there are. A row published before first publications were
 * kept has only `publishedAt`, which stands for it.
 */
export async function recentlyPublished(strapi: Core.Strapi, since: Date, limit: number): Promise<{ entries: NewsEntry[]; total: number }> {
  const where = { ...PUBLISHED, $or: [{ firstPublishedAt: { $gte: since } }, { firstPublishedAt: { $null: true }, publishedAt: { $gte: since } }] };
  const [rows, total] = await Promise.all([
    strapi.db.query(ARTICLE_UID).findMany({
      select: ['locale', 'slug', 'title', 'publishedAt', 'firstPublishedAt'],
      where,
      populate: { source: { select: ['name'], where: PUBLISHED }, republisher: { select: ['name'], where: PUBLISHED } },
      orderBy: [{ firstPublishedAt: 'desc' }, { id: 'desc' }],
      limit,
    }) as Promise<Row[]>,
    strapi.db.query(ARTICLE_UID).count({ where }),
  ]);
  const entries = rows.flatMap((row): NewsEntry[] => {
    const publishedAt = iso(row.firstPublishedAt) ?? iso(row.publishedAt);
    const publication = (row.republisher?.name ?? row.source?.name) as unknown;
    if (!publishedAt || typeof row.slug !== 'string' || row.slug === '' || typeof publication !== 'string') return [];
    return [{ locale: row.locale, slug: row.slug, title: typeof row.title === 'string' ? row.title : '', publication, publishedAt }];
  });
  return { entries, total: Number(total) };
}
