import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { Feed } from 'feed';
import { ARTICLE_UID, CORRECTION_UID } from '../lib/content-types';
import { toPlainText } from '../lib/plain-text';
import { isCorrectionKind, isoInstant, type CorrectionKind } from '../corrections/rules';

/** One entry of the public corrections page: the correction and the story it belongs to. */
export interface CorrectionFeedItem {
  at: string;
  kind: CorrectionKind;
  text: string;
  story: {
    documentId: string;
    locale: string;
    slug: string;
    title: string;
    /** The story on the front end (`DELIVERY_CANONICAL_URL`), or null when none is configured. */
    url: string | null;
  };
}

export interface CorrectionFeedPage {
  data: CorrectionFeedItem[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

export interface FeedQuery {
  locale: string | undefined;
  page: number;
  pageSize: number;
}

const refuse = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: path.split('.'), message, name: 'ValidationError' }] });

const whole = (value: unknown, name: 'page' | 'pageSize', max: number): number => {
  const text = String(value);
  if (!/^\d+$/u.test(text) || Number(text) < 1 || Number(text) > max)
    throw refuse(`pagination.${name}`, `pagination[${name}] must be a whole number from 1 to ${max}.`);
  return Number(text);
};

/**
 * `GET /api/corrections` takes `locale` and Strapi's `pagination[page]` / `pagination[pageSize]`;
 * anything else is refused by name, so a caller never believes a filter did something.
 */
export function checkFeedQuery(query: Record<string, unknown>, maxPageSize: number): FeedQuery {
  let page = 1;
  let pageSize = 25;
  for (const [key, value] of Object.entries(query)) {
    if (key === 'locale') continue;
    if (key === 'pagination' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, given] of Object.entries(value as Record<string, unknown>)) {
        if (name === 'page') page = whole(given, 'page', 100_000);
        else if (name === 'pageSize') pageSize = whole(given, 'pageSize', maxPageSize);
        else throw refuse(`pagination.${name}`, `Unknown parameter "pagination[${name}]": use pagination[page] and pagination[pageSize].`);
      }
      continue;
    }
    throw refuse(key, `Unknown parameter "${key}": this route takes "locale", "pagination[page]" and "pagination[pageSize]".`);
  }
  const locale = query.locale;
  if (locale !== undefined && (typeof locale !== 'string' || locale === '' || locale === '*'))
    throw refuse('locale', 'locale must be one locale code, e.g. zh-Hant.');
  return { locale: locale as string | undefined, page, pageSize };
}

/** The RSS route takes `locale` only. */
export function checkRssQuery(query: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(query)) {
    if (key !== 'locale') throw refuse(key, `Unknown parameter "${key}": this feed takes only "locale".`);
  }
  const locale = query.locale;
  if (locale !== undefined && (typeof locale !== 'string' || locale === '' || locale === '*'))
    throw refuse('locale', 'locale must be one locale code, e.g. zh-Hant.');
  return locale as string | undefined;
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** Table and column names from Strapi's own metadata, so a renamed column or a table prefix is followed. */
function names(strapi: Core.Strapi) {
  const article = strapi.db.metadata.get(ARTICLE_UID);
  const correction = strapi.db.metadata.get(CORRECTION_UID);
  const join = (article.attributes.corrections as { joinTable?: JoinTable } | undefined)?.joinTable;
  if (!join?.name || !join.joinColumn?.name || !join.inverseJoinColumn?.name)
    throw new Error(`${ARTICLE_UID}.corrections has no component join table in the database metadata.`);
  const column = (attributes: Record<string, unknown>, name: string) =>
    (attributes[name] as { columnName?: string } | undefined)?.columnName ?? name;
  const schema = strapi.db.getSchemaName();
  const table = (name: string, alias: string) => `${schema ? `${schema}.` : ''}${name} as ${alias}`;
  return {
    corrections: table(correction.tableName, 'c'),
    join: table(join.name, 'j'),
    articles: table(article.tableName, 'a'),
    joinColumn: `j.${join.joinColumn.name}`,
    inverseColumn: `j.${join.inverseJoinColumn.name}`,
    at: `c.${column(correction.attributes, 'at')}`,
    kind: `c.${column(correction.attributes, 'kind')}`,
    text: `c.${column(correction.attributes, 'text')}`,
    documentId: `a.${column(article.attributes, 'documentId')}`,
    locale: `a.${column(article.attributes, 'locale')}`,
    slug: `a.${column(article.attributes, 'slug')}`,
    title: `a.${column(article.attributes, 'title')}`,
    publishedAt: `a.${column(article.attributes, 'publishedAt')}`,
  };
}

type Row = Record<string, unknown>;

/**
 * One page of the corrections of published stories in a locale, newest first, in two queries (the
 * page and the count) whatever the number of stories: the corrections joined to the published rows
 * that hold them. Drafts are never joined: a draft's corrections are not public.
 */
export async function loadCorrections(
  strapi: Core.Strapi,
  locale: string,
  page: number,
  pageSize: number,
  canonicalUrl: (locale: string, slug: string) => string | null,
): Promise<CorrectionFeedPage> {
  const n = names(strapi);
  const knex = strapi.db.connection;
  const base = () =>
    knex(n.corrections)
      .join(n.join, n.inverseColumn, 'c.id')
      .join(n.articles, 'a.id', n.joinColumn)
      .where('j.field', 'corrections')
      .andWhere(n.locale, locale)
      .whereNotNull(n.publishedAt);
  const [counted, rows] = await Promise.all([
    base().count({ total: 'c.id' }).first() as Promise<{ total: number | string } | undefined>,
    base()
      .select({ id: 'c.id', at: n.at, kind: n.kind, text: n.text, documentId: n.documentId, slug: n.slug, title: n.title })
      .orderBy([
        { column: n.at, order: 'desc' },
        { column: 'c.id', order: 'desc' },
      ])
      .limit(pageSize)
      .offset((page - 1) * pageSize) as Promise<Row[]>,
  ]);
  const total = Number(counted?.total ?? 0);
  const data = rows.flatMap((row): CorrectionFeedItem[] => {
    const at = isoInstant(row.at);
    const text = typeof row.text === 'string' ? toPlainText(row.text) : '';
    if (!at || !isCorrectionKind(row.kind) || text === '' || typeof row.documentId !== 'string') return [];
    const slug = typeof row.slug === 'string' ? row.slug : '';
    return [
      {
        at,
        kind: row.kind,
        text,
        story: {
          documentId: row.documentId,
          locale,
          slug,
          title: typeof row.title === 'string' ? row.title : '',
          url: canonicalUrl(locale, slug),
        },
      },
    ];
  });
  return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
}

/** Feed labels per locale; Chinese titles take a full-width colon (U+FF1A). */
const LABELS: Record<string, { feed: string; description: string; separator: string; kinds: Record<CorrectionKind, string> }> = {
  'zh-Hant': {
    feed: '更正與更新',
    description: '已發布報導的更正、澄清與更新,最新的在前。',
    separator: '\uFF1A',
    kinds: { correction: '更正', clarification: '澄清', update: '更新' },
  },
  'zh-Hans': {
    feed: '更正与更新',
    description: '已发布报道的更正、澄清与更新,最新的在前。',
    separator: '\uFF1A',
    kinds: { correction: '更正', clarification: '澄清', update: '更新' },
  },
  en: {
    feed: 'Corrections and updates',
    description: 'Corrections, clarifications and updates to published stories, newest first.',
    separator: ': ',
    kinds: { correction: 'Correction', clarification: 'Clarification', update: 'Update' },
  },
};
const labelsFor = (locale: string) => LABELS[locale] ?? LABELS.en!;

/** Characters XML 1.0 does not allow at all (a feed reader stops at the first one). */
export const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text for an RSS element that readers render as HTML: plain text escaped, so a correction that
 * quotes `<script>` shows it rather than runs it, and so `]]>` cannot close the CDATA it is put in.
 */
export const feedText = (value: string): string =>
  value.replace(NOT_XML, '').replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

export interface RssOptions {
  locale: string;
  /** PUBLIC_URL without a trailing slash, or '' (links are then relative, as in development). */
  publicUrl: string;
  apiPrefix: string;
}

/** RSS 2.0 of the latest corrections in a locale, with the `feed` package. */
export function correctionsRss(page: CorrectionFeedPage, options: RssOptions): string {
  const labels = labelsFor(options.locale);
  const base = options.publicUrl.replace(/\/+$/u, '');
  const query = `locale=${encodeURIComponent(options.locale)}`;
  const pageUrl = `${base}${options.apiPrefix}/corrections?${query}`;
  const rssUrl = `${base}${options.apiPrefix}/corrections/rss.xml?${query}`;
  const latest = page.data[0]?.at;
  const feed = new Feed({
    id: rssUrl,
    title: labels.feed,
    description: labels.description,
    link: pageUrl,
    language: options.locale,
    ...(latest ? { updated: new Date(latest) } : {}),
    generator: 'Newsroom CMS',
    feedLinks: { rss: rssUrl },
    copyright: '',
  });
  for (const item of page.data) {
    const storyUrl = item.story.url ?? `${base}${options.apiPrefix}/articles/by-slug/${encodeURIComponent(item.story.slug)}?${query}`;
    feed.addItem({
      title: feedText(`${labels.kinds[item.kind]}${labels.separator}${item.story.title}`),
      // Stable per correction: the story, the locale and the time it was made.
      id: `${storyUrl}#correction-${item.at}`,
      link: storyUrl,
      description: feedText(item.text),
      date: new Date(item.at),
    });
  }
  return feed.rss2();
}
