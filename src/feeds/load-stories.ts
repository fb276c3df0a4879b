import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../lib/content-types';
import type { Row } from '../lib/row';
import type { NewsEntry, PublishedEdition } from './sitemaps';
import { model } from '../delivery/article-statements';
import { isoInstant } from '../corrections/rules';

/*
 * Published rows only, everywhere here (`publishedAt` not null): a draft row is never read, so no
 * draft's slug, title or locale can reach a feed or a sitemap. Relations of a published row lead to
 * published rows (Strapi links the published version of a story to published versions).
 */
const PUBLISHED = { publishedAt: { $notNull: true } };

const latest = (...values: unknown[]): string | null =>
  values
    .map(isoInstant)
    .filter((d): d is string => d !== null)
    .sort()
    .pop() ?? null;

/**
 * Published rows newest first publication first, their `id` and `slug`: through knex, because the order
 * is `COALESCE(firstPublishedAt, publishedAt)` — a row published before first publications were kept has
 * only `publishedAt`, and a plain `ORDER BY … DESC` puts such NULLs first on PostgreSQL, last on SQLite.
 */
async function newestFirst(
  strapi: Core.Strapi,
  where: { locale?: string; since?: Date },
  limit: number,
): Promise<Array<{ id: number; slug: unknown }>> {
  const meta = model(strapi, ARTICLE_UID);
  const column = (attribute: string) => meta.attributes[attribute]!.columnName!;
  const first = [column('firstPublishedAt'), column('publishedAt')];
  const query = strapi.db
    .getConnection(meta.tableName)
    .select({ id: 'id', slug: column('slug') })
    .whereNotNull(column('publishedAt'));
  if (where.locale) query.where(column('locale'), where.locale);
  // SQLite keeps datetimes as milliseconds.
  if (where.since)
    query.whereRaw('COALESCE(??, ??) >= ?', [...first, strapi.db.dialect.client === 'sqlite' ? where.since.getTime() : where.since]);
  return query.orderByRaw('COALESCE(??, ??) DESC', first).orderBy('id', 'desc').limit(limit);
}

/** The slugs of the latest published stories of a locale, newest first publication first. */
export async function latestSlugs(strapi: Core.Strapi, locale: string, limit: number): Promise<string[]> {
  const rows = await newestFirst(strapi, { locale }, limit);
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
    .map((row): PublishedEdition => ({
      documentId: row.documentId,
      locale: row.locale,
      slug: row.slug,
      lastmod: latest(row.publishedAt, row.updatedAt),
    }));
  return { editions, total: Number(total) };
}

/**
 * Stories first published at or after `since` (in any locale), newest first, with the name of their
 * publisher; up to `limit`, and how many there are. A row published before first publications were
 * kept has only `publishedAt`, which stands for it.
 */
export async function recentlyPublished(strapi: Core.Strapi, since: Date, limit: number): Promise<{ entries: NewsEntry[]; total: number }> {
  const where = {
    ...PUBLISHED,
    $or: [{ firstPublishedAt: { $gte: since } }, { firstPublishedAt: { $null: true }, publishedAt: { $gte: since } }],
  };
  const [ordered, total] = await Promise.all([newestFirst(strapi, { since }, limit), strapi.db.query(ARTICLE_UID).count({ where })]);
  const ids = ordered.map((row) => Number(row.id));
  const found: Row[] =
    ids.length === 0
      ? []
      : await strapi.db.query(ARTICLE_UID).findMany({
          select: ['id', 'locale', 'slug', 'title', 'publishedAt', 'firstPublishedAt'],
          where: { id: { $in: ids } },
          populate: { source: { select: ['name'], where: PUBLISHED }, republisher: { select: ['name'], where: PUBLISHED } },
        });
  const byId = new Map(found.map((row) => [Number(row.id), row]));
  const rows = ids.map((id) => byId.get(id)).filter((row): row is Row => row !== undefined);
  const entries = rows.flatMap((row): NewsEntry[] => {
    const publishedAt = isoInstant(row.firstPublishedAt) ?? isoInstant(row.publishedAt);
    const publication = (row.republisher?.name ?? row.source?.name) as unknown;
    if (!publishedAt || typeof row.slug !== 'string' || row.slug === '' || typeof publication !== 'string') return [];
    return [{ locale: row.locale, slug: row.slug, title: typeof row.title === 'string' ? row.title : '', publication, publishedAt }];
  });
  return { entries, total: Number(total) };
}
