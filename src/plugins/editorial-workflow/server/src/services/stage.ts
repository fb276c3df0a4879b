import type { Core, UID } from '@strapi/strapi';
import { WEBHOOK_EVENTS, type Stage } from '../../../shared/contracts/workflow';
import { FIELDS } from '../constants';
import { actorPayload, type HistoryInput, type OnCommit } from './entries';
import { getService } from '../utils/get-service';

/** The schedule fields a stage move may set or clear along with the stage (a schedule consumed, say). */
export type StageFields = Partial<Record<typeof FIELDS.publishAt | typeof FIELDS.unpublishAt | typeof FIELDS.timezone, unknown>>;

/** One stage move of one locale: what the history records, and what is written with the stage. */
export interface StageMove extends HistoryInput {
  to: Stage;
  fields?: StageFields;
  /** More of the `workflow.stage-changed` payload (the sweep adds the title). */
  extra?: Record<string, unknown>;
}

/** The transaction `withLockedDraft` runs in: its commit callbacks, and the one way to move a stage. */
export interface LockedDraft {
  /** The locales locked, as resolved in the transaction. */
  locales: string[];
  onCommit: OnCommit;
  moveStage(move: StageMove): Promise<void>;
}

export interface LockTarget {
  uid: string;
  /** Absent for a document the call is still creating: nobody else can see it before the commit. */
  documentId?: string;
  /** Resolved inside the transaction, before the lock, when it needs the database (`'*'`). */
  locales: readonly string[] | (() => Promise<string[]>);
}

/**
 * The one way an entry's stage changes. Every move runs inside `withLockedDraft`, which opens (or
 * joins) a transaction and takes the entry's lock in each locale before anything is re-read, so two
 * moves of one entry never interleave and a move commits or rolls back with what caused it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = () => getService(strapi, 'entries');

  /**
   * Writes the stage (and the fields that travel with it) on every version of the entry in the
   * locale, records the move, and announces it (`workflow.stage-changed`) when the stage differs.
   */
  async function moveStage(move: StageMove, onCommit: OnCommit): Promise<void> {
    const { fields, extra, ...input } = move;
    // Every version in the locale, draft and published alike, through the query engine (see the entries service).
    await strapi.db
      .query(input.uid)
      .updateMany({ where: { documentId: input.documentId, locale: input.locale }, data: { [FIELDS.stage]: input.to, ...fields } });
    await entries().record(input);
    if (input.from === input.to) return;
    await entries().emit(
      WEBHOOK_EVENTS.WORKFLOW_STAGE_CHANGED,
      {
        uid: input.uid,
        model: strapi.contentType(input.uid as UID.ContentType)?.modelName,
        documentId: input.documentId,
        locale: input.locale,
        from: input.from,
        to: input.to,
        kind: input.kind,
        actor: actorPayload(input.actor),
        comment: input.comment ?? input.note?.en ?? null,
        scheduledFor: input.scheduledFor ? input.scheduledFor.toISOString() : null,
        ...extra,
      },
      onCommit,
    );
  }

  return {
    /**
     * Runs `fn` in the caller's transaction (or a new one) with the entry locked in every locale
     * named: PostgreSQL's transaction-level advisory locks, released when the transaction ends; no
     * lock on SQLite, which has one writer anyway.
     */
    async withLockedDraft<T>(target: LockTarget, fn: (draft: LockedDraft) => Promise<T>): Promise<T> {
      return await strapi.db.transaction(async ({ onCommit }) => {
        const locales = typeof target.locales === 'function' ? await target.locales() : [...target.locales];
        if (target.documentId !== undefined) await entries().lockEntries(target.uid, target.documentId, locales);
        return fn({ locales, onCommit, moveStage: (move) => moveStage(move, onCommit) });
      });
    },
  };
};
