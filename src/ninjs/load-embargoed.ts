import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../lib/content-types';
import type { Row } from '../lib/row';
import type { LoadedArticle } from '../delivery/serialize';
import { loadDraftArticle } from '../reader/load-draft';
import { FIELDS } from '../plugins/editorial-workflow/server/src/constants';
import { PUBLISHABLE_STAGES } from '../plugins/editorial-workflow/shared/contracts/workflow';

/** An approved story waits in one of these stages; `published` needs no embargoed delivery. */
const APPROVED: ReadonlySet<string> = new Set(PUBLISHABLE_STAGES.filter((stage) => stage !== 'published'));

const instant = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * A story a partner may receive ahead of its embargo: never published in this locale, approved (or
 * scheduled) by an editor, and under an embargo that has not lifted yet. Anything else — a draft not
 * approved, an embargo lifted or never set, a story already published (the published version is served
 * instead) — is null. What is loaded is the saved draft, as Preview shows it: what will go out.
 */
export async function loadEmbargoedStory(strapi: Core.Strapi, slug: string, locale: string, now: Date): Promise<{ loaded: LoadedArticle; until: string } | null> {
  const row: Row | null = await strapi.db.query(ARTICLE_UID).findOne({
    select: ['documentId', FIELDS.stage, FIELDS.embargoUntil],
    where: { slug, locale, publishedAt: null },
  });
  if (!row) return null;
  const until = instant(row[FIELDS.embargoUntil]);
  if (!until || until.getTime() <= now.getTime() || !APPROVED.has(String(row[FIELDS.stage]))) return null;
  const published = await strapi.db.query(ARTICLE_UID).count({ where: { documentId: row.documentId, locale, publishedAt: { $notNull: true } } });
  if (Number(published) > 0) return null;
  const loaded = await loadDraftArticle(strapi, row.documentId, locale);
  return loaded ? { loaded, until: until.toISOString() } : null;
}
