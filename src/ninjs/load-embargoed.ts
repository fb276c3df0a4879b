import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../lib/content-types';
import type { Row } from '../lib/row';
import type { LoadedArticle } from '../delivery/serialize';
import { loadDraftArticle } from '../reader/load-draft';
import { PUBLISHABLE_STAGES, type Stage } from '../plugins/editorial-workflow/shared/contracts/workflow';

/** An approved story waits in one of these stages; `published` needs no embargoed delivery. */
const APPROVED: ReadonlySet<Stage> = new Set(PUBLISHABLE_STAGES.filter((stage) => stage !== 'published'));

/** What the ninjs route asks of the editorial workflow: the stage and embargo of an entry's draft, through its `entries` service. */
interface WorkflowEntries {
  findVersion(
    uid: string,
    documentId: string,
    locale: string,
    version: 'draft' | 'published',
    options?: { relations?: boolean },
  ): Promise<{ stage: Stage; embargoUntil: Date | null } | null>;
  hasPublishedVersion(uid: string, documentId: string, locale: string): Promise<boolean>;
}

/**
 * A story a partner may receive ahead of its embargo: never published in this locale, approved (or
 * scheduled) by an editor, and under an embargo that has not lifted yet. Anything else — a draft not
 * approved, an embargo lifted or never set, a story already published (the published version is served
 * instead), or no workflow at all — is null. What is loaded is the saved draft, as Preview shows it:
 * what will go out.
 */
export async function loadEmbargoedStory(
  strapi: Core.Strapi,
  slug: string,
  locale: string,
  now: Date,
): Promise<{ loaded: LoadedArticle; until: string } | null> {
  const entries = strapi.plugin('editorial-workflow')?.service('entries') as WorkflowEntries | undefined;
  if (!entries) return null;
  const row: Row | null = await strapi.db
    .query(ARTICLE_UID)
    .findOne({ select: ['documentId'], where: { slug, locale, publishedAt: null } });
  if (!row || typeof row.documentId !== 'string') return null;
  const draft = await entries.findVersion(ARTICLE_UID, row.documentId, locale, 'draft', { relations: false });
  const until = draft?.embargoUntil ?? null;
  if (!draft || !until || until.getTime() <= now.getTime() || !APPROVED.has(draft.stage)) return null;
  if (await entries.hasPublishedVersion(ARTICLE_UID, row.documentId, locale)) return null;
  const loaded = await loadDraftArticle(strapi, row.documentId, locale);
  return loaded ? { loaded, until: until.toISOString() } : null;
}
