import type { Core } from '@strapi/strapi';
import type { CreditChange } from '../../../shared/contracts/admin-api';
import type { RecordedFinding } from '../../../shared/contracts/gates';
import { RECORD_UID } from '../constants';
import type { Actor } from './publish-context';
import type { Row } from '../utils/row';

/** `credit-changed`: a live photo's credit changed. `dependency-removed`: a record the published story shows was unpublished or deleted on override; the story re-checked. */
export type Outcome = 'blocked' | 'overridden' | 'published' | 'credit-changed' | 'dependency-removed';

export interface RecordEntry {
  contentType: string;
  documentId: string;
  locale: string;
  outcome: Outcome;
  actor: Actor;
  findings: RecordedFinding[];
  reason?: string | null;
  change?: CreditChange | null;
}

/**
 * The record of every publish the guard blocked, let through on override, or allowed.
 * A blocked publish rolls its transaction back, so records are written after the transaction
 * settles (see the publish gate); pending writes are tracked so callers can wait for them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pending = new Set<Promise<unknown>>();

  return {
    write(entry: RecordEntry): Promise<void> {
      const job = strapi.db
        .query(RECORD_UID)
        .create({
          data: {
            subjectType: entry.contentType,
            subjectDocumentId: entry.documentId,
            subjectLocale: entry.locale,
            outcome: entry.outcome,
            actorType: entry.actor.type,
            actor: entry.actor.name ?? entry.actor.type,
            actorId: entry.actor.id ?? null,
            findings: entry.findings,
            reason: entry.reason ?? null,
            change: entry.change ?? null,
            checkedAt: new Date(),
          },
        })
        .then(() => undefined)
        .catch((error: unknown) => {
          // The publish itself has already succeeded or been refused; losing its record is logged loudly.
          strapi.log.error(
            `attribution-guard: could not record ${entry.outcome} of ${entry.contentType} ${entry.documentId} (${entry.locale}): ${String(error)}`,
          );
        });
      pending.add(job);
      void job.finally(() => pending.delete(job));
      return job;
    },

    /** Resolves when every record write started so far has finished. */
    async settled(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },

    /** Newest first, in the shape the admin reads (`documentId` and `locale` name the checked article). */
    async list(filter: { contentType: string; documentId: string; locale?: string; locales?: string[] }, limit = 50) {
      const byLocale = filter.locale ? { subjectLocale: filter.locale } : filter.locales ? { subjectLocale: { $in: filter.locales } } : {};
      const rows = await strapi.db.query(RECORD_UID).findMany({
        where: { subjectType: filter.contentType, subjectDocumentId: filter.documentId, ...byLocale },
        orderBy: [{ checkedAt: 'desc' }, { id: 'desc' }],
        limit,
      });
      return rows.map((row: Row) => ({
        id: row.id,
        contentType: row.subjectType,
        documentId: row.subjectDocumentId,
        locale: row.subjectLocale,
        outcome: row.outcome,
        actorType: row.actorType,
        actor: row.actor,
        findings: row.findings ?? [],
        reason: row.reason,
        change: row.change ?? null,
        checkedAt: row.checkedAt,
      }));
    },
  };
};
