import type { Core, UID } from '@strapi/strapi';
import { PULL_QUOTE_UID } from '../constants';
import type { Row } from '../utils/row';
import { draftDiffers } from '../../../shared/draft-changes';

/** The fields readers see; a draft that differs from its published version in any of them has unpublished changes. */
const QUOTE_FIELDS = ['text', 'speaker', 'speakerTitle', 'speakerOrg', 'position'] as const;

/**
 * Pull-quotes belong to their story: they are checked with it (speaker, word for word) and go out with
 * it. Publishing the story publishes, in the same transaction, every quote it links whose draft is new
 * or changed, so an editor never publishes quotes one by one and Strapi never drops a link to a draft.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Publishes the linked quotes that need it; returns their documentIds. Call inside the publish's transaction. */
  async publishWithStory(uid: string, documentId: string, locale: string): Promise<string[]> {
    const article = (await strapi.db.query(uid).findOne({
      where: { documentId, locale, publishedAt: null },
      select: ['id'],
      populate: { pullQuotes: { select: ['documentId', 'locale', ...QUOTE_FIELDS] } },
    })) as { pullQuotes?: Row[] } | null;
    const drafts = (article?.pullQuotes ?? []).filter((q): q is Row & { documentId: string } => typeof q.documentId === 'string');
    if (drafts.length === 0) return [];
    const publishedRows = (await strapi.db.query(PULL_QUOTE_UID).findMany({
      where: { documentId: { $in: drafts.map((q) => q.documentId) }, locale, publishedAt: { $notNull: true } },
      select: ['documentId', ...QUOTE_FIELDS],
    })) as Row[];
    const published = new Map(publishedRows.map((row) => [row.documentId as string, row]));
    const due = drafts.filter((q) => draftDiffers(q, published.get(q.documentId), QUOTE_FIELDS));
    for (const quote of due) {
      await strapi.documents(PULL_QUOTE_UID as UID.ContentType).publish({ documentId: quote.documentId, locale });
    }
    return due.map((q) => q.documentId);
  },
});
