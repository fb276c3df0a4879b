import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../lib/content-types';
import type { CorrectionLike } from './rules';
import type { Row } from '../lib/row';

export interface StoredCorrection extends CorrectionLike {
  id: number;
  at: unknown;
  kind: unknown;
  text: unknown;
}

export interface ArticleVersion {
  id: number;
  title: string | null;
  firstPublishedAt: unknown;
  publishedAt: unknown;
  updatedAt: unknown;
  corrections: StoredCorrection[];
}

export interface ArticleVersions {
  draft: ArticleVersion | null;
  published: ArticleVersion | null;
}

const toVersion = (row: Row | null): ArticleVersion | null =>
  row
    ? {
        id: row.id,
        title: typeof row.title === 'string' ? row.title : null,
        firstPublishedAt: row.firstPublishedAt ?? null,
        publishedAt: row.publishedAt ?? null,
        updatedAt: row.updatedAt ?? null,
        corrections: Array.isArray(row.corrections) ? (row.corrections as StoredCorrection[]) : [],
      }
    : null;

/** The draft and the published version of a story in one locale, with their corrections, read through the query engine. */
export async function readVersions(strapi: Core.Strapi, documentId: string, locale: string): Promise<ArticleVersions> {
  const read = (published: boolean) =>
    strapi.db.query(ARTICLE_UID).findOne({
      select: ['id', 'title', 'firstPublishedAt', 'publishedAt', 'updatedAt'],
      where: { documentId, locale, publishedAt: published ? { $notNull: true } : null },
      populate: { corrections: { select: ['id', 'at', 'kind', 'text'] } },
    }) as Promise<Row | null>;
  const [draft, published] = await Promise.all([read(false), read(true)]);
  return { draft: toVersion(draft), published: toVersion(published) };
}

/**
 * The corrections readers have seen, which no write may take back: those of the published version,
 * or, for a story taken down after it was published, those its draft kept from then.
 */
export function publicCorrections(versions: ArticleVersions): StoredCorrection[] {
  if (versions.published) return versions.published.corrections;
  return versions.draft?.firstPublishedAt ? versions.draft.corrections : [];
}

/** Locales a Document Service call names: undefined → the default locale, `'*'` → every locale with a draft, or the list given. */
export async function localesOf(strapi: Core.Strapi, documentId: string, locale: unknown): Promise<string[]> {
  if (Array.isArray(locale)) return locale.map(String);
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (locale === '*') {
    const rows = (await strapi.db.query(ARTICLE_UID).findMany({ select: ['locale'], where: { documentId, publishedAt: null } })) as Array<{
      locale: string;
    }>;
    return [...new Set(rows.map((r) => r.locale))].sort();
  }
  return [(await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string];
}
