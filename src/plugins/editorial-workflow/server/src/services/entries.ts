import type { Core, UID } from '@strapi/strapi';
import {
  isStage,
  type Actor,
  type HistoryEntry,
  type HistoryKind,
  type Stage,
  type StoredFinding,
  type WorkflowLocalizedMessage,
} from '../../../shared/contracts/workflow';
import type { LocaleRequest } from '../../../../attribution-guard/shared/contracts/publish-intent';
import { FIELDS, HISTORY_UID, LOCK_NAMESPACE } from '../constants';
import { isTimeZone } from '../domain/schedule-time';
import type { Row } from '../utils/row';

/** One version (draft or published row) of an entry in one locale, with its workflow fields. */
export interface EntryRow {
  id: number;
  documentId: string;
  locale: string;
  title: string | null;
  stage: Stage;
  publishAt: Date | null;
  unpublishAt: Date | null;
  timezone: string | null;
  embargoUntil: Date | null;
  assigneeId: number | null;
  publishedAt: Date | null;
  createdBy: { id: number } | null;
}

const MESSAGE_LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const;

/** A stored note is shown only when it has every language: rows are JSON, and JSON may hold anything. */
export function isLocalizedMessage(value: unknown): value is WorkflowLocalizedMessage {
  return (
    value !== null && typeof value === 'object' && MESSAGE_LOCALES.every((k) => typeof (value as Record<string, unknown>)[k] === 'string')
  );
}

export interface HistoryInput {
  uid: string;
  documentId: string;
  locale: string;
  kind: HistoryKind;
  from: Stage | null;
  to: Stage | null;
  actor: Actor;
  comment?: string | null;
  /** A system sentence in every admin language; its English is stored as the comment too. */
  note?: WorkflowLocalizedMessage | null;
  findings?: StoredFinding[];
  scheduledFor?: Date | null;
}

export type OnCommit = (cb: () => void) => void;

/**
 * Where events go instead of Strapi's in-memory webhook runner: called inside the transaction of the
 * change, so the event is stored with it (the app's outbox) and a failure to store it undoes the change.
 */
export type EventSink = (event: string, payload: Record<string, unknown>) => Promise<void>;

/**
 * A stored time as a Date, or null. Rows written by other means (or before input was checked)
 * may hold anything the column takes — PostgreSQL's `infinity`, a string SQLite kept as it was —
 * and a view must still answer: what is not a real date reads as unset.
 */
export const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isFinite(date.getTime()) ? date : null;
};

/** A stored time as ISO text, or null when it is not a real date. */
export const toIso = (value: unknown): string | null => toDate(value)?.toISOString() ?? null;

/** 32-bit FNV-1a, as a signed int for PostgreSQL's two-key advisory locks. */
export function lockKey(uid: string, documentId: string, locale: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `${uid}|${documentId}|${locale}`) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

const actorName = (actor: Actor) => actor.name ?? actor.type;
/** Who did it, as every workflow webhook event names them. */
export const actorPayload = (actor: Actor) => ({ type: actor.type, id: actor.id ?? null, name: actorName(actor) });

/**
 * Reads and writes the workflow fields of entries, keeps the history, and emits the webhook events.
 * The fields are written to every version of the entry in the locale (draft and published rows
 * alike) through the query engine, so a later publish or discard copies the same values and no
 * Document Service middleware (nor `updatedAt`) is touched by a stage change.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const titleField = (uid: string): string | null => {
    const attributes = strapi.contentType(uid as UID.ContentType)?.attributes ?? {};
    return ['title', 'name'].find((name) => name in attributes) ?? null;
  };

  const toRow = (uid: string, raw: Row): EntryRow => {
    const field = titleField(uid);
    const stage = raw[FIELDS.stage];
    return {
      id: raw.id,
      documentId: raw.documentId,
      locale: raw.locale,
      title: field ? (raw[field] ?? null) : null,
      stage: isStage(stage) ? stage : 'draft',
      publishAt: toDate(raw[FIELDS.publishAt]),
      unpublishAt: toDate(raw[FIELDS.unpublishAt]),
      // A zone the runtime does not know reads as unset, so the default applies instead of failing.
      timezone: typeof raw[FIELDS.timezone] === 'string' && isTimeZone(raw[FIELDS.timezone]) ? raw[FIELDS.timezone] : null,
      embargoUntil: toDate(raw[FIELDS.embargoUntil]),
      assigneeId: raw[FIELDS.assignee]?.id ?? null,
      publishedAt: toDate(raw.publishedAt),
      createdBy: raw.createdBy?.id ? { id: raw.createdBy.id } : null,
    };
  };

  const select = (uid: string) => {
    const field = titleField(uid);
    return [
      'id',
      'documentId',
      'locale',
      'publishedAt',
      FIELDS.stage,
      FIELDS.publishAt,
      FIELDS.unpublishAt,
      FIELDS.timezone,
      FIELDS.embargoUntil,
      ...(field ? [field] : []),
    ];
  };

  let sink: EventSink | null = null;

  const service = {
    isPostgres,

    /** Sends every later event to `sink`, in the transaction of its change (see EventSink). */
    useEventSink(next: EventSink | null): void {
      sink = next;
    },

    /** One version of the entry; `relations: false` skips the assignee and creator (the sweep's hot path needs neither). */
    async findVersion(
      uid: string,
      documentId: string,
      locale: string,
      version: 'draft' | 'published',
      { relations = true } = {},
    ): Promise<EntryRow | null> {
      const raw = await strapi.db.query(uid).findOne({
        select: select(uid),
        where: { documentId, locale, publishedAt: version === 'draft' ? null : { $notNull: true } },
        ...(relations ? { populate: { [FIELDS.assignee]: { select: ['id'] }, createdBy: { select: ['id'] } } } : {}),
      });
      return raw ? toRow(uid, raw) : null;
    },

    async hasPublishedVersion(uid: string, documentId: string, locale: string): Promise<boolean> {
      return (await strapi.db.query(uid).count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;
    },

    /** Locales a Document Service call touches: the list given, every locale with that version (`'*'`), or the default. */
    async localesOf(uid: string, documentId: string, request: LocaleRequest, version: 'draft' | 'published'): Promise<string[]> {
      if (Array.isArray(request)) return request;
      if (request === '*') {
        const rows = await strapi.db
          .query(uid)
          .findMany({ select: ['locale'], where: { documentId, publishedAt: version === 'draft' ? null : { $notNull: true } } });
        return [...new Set(rows.map((r: { locale: string }) => r.locale))].sort();
      }
      return [await strapi.plugin('i18n').service('locales').getDefaultLocale()];
    },

    /** Sets scalar workflow fields on every version of the entry in this locale; the stage moves only through the stage service's `moveStage`. */
    async writeFields(
      uid: string,
      documentId: string,
      locale: string,
      data: Partial<Record<'publishAt' | 'unpublishAt' | 'timezone' | 'embargoUntil', unknown>>,
    ): Promise<void> {
      await strapi.db.query(uid).updateMany({ where: { documentId, locale }, data });
    },

    /** The assignee is a relation, which `updateMany` does not write: each version is updated on its own. */
    async writeAssignee(uid: string, documentId: string, locale: string, assigneeId: number | null): Promise<void> {
      const rows = await strapi.db.query(uid).findMany({ select: ['id'], where: { documentId, locale } });
      for (const row of rows) {
        await strapi.db.query(uid).update({ where: { id: row.id }, data: { [FIELDS.assignee]: assigneeId } });
      }
    },

    /**
     * Serialises every change to this entry's publication or stage across instances (PostgreSQL):
     * a transaction-level advisory lock, released when the caller's transaction ends.
     * Taken through the stage service's `withLockedDraft`, which opens or joins that transaction.
     * A no-op on SQLite, which has one writer anyway.
     */
    async lockEntries(uid: string, documentId: string, locales: string[]): Promise<void> {
      if (!isPostgres()) return;
      if (!strapi.db.inTransaction()) throw new Error('editorial-workflow: lockEntries needs a transaction');
      // Sorted, so two callers locking several locales cannot deadlock each other.
      for (const locale of [...locales].sort()) {
        await strapi.db.transaction(({ trx }) =>
          trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [LOCK_NAMESPACE.entry, lockKey(uid, documentId, locale)]),
        );
      }
    },

    async record(input: HistoryInput): Promise<void> {
      await strapi.db.query(HISTORY_UID).create({
        data: {
          subjectType: input.uid,
          subjectDocumentId: input.documentId,
          subjectLocale: input.locale,
          kind: input.kind,
          fromStage: input.from,
          toStage: input.to,
          actorType: input.actor.type,
          actor: actorName(input.actor),
          actorId: input.actor.id ?? null,
          comment: input.comment ?? input.note?.en ?? null,
          note: input.note ?? null,
          findings: input.findings ?? [],
          scheduledFor: input.scheduledFor ?? null,
          at: new Date(),
        },
      });
    },

    /**
     * The latest `limit` entries, newest first, and every correction however old: a story's
     * corrections are its public record and the history never hides one behind later moves.
     */
    async history(uid: string, documentId: string, locale: string, limit = 50): Promise<HistoryEntry[]> {
      const subject = { subjectType: uid, subjectDocumentId: documentId, subjectLocale: locale };
      const orderBy = [{ at: 'desc' }, { id: 'desc' }];
      const [latest, corrections] = await Promise.all([
        strapi.db.query(HISTORY_UID).findMany({ where: subject, orderBy, limit }),
        strapi.db.query(HISTORY_UID).findMany({ where: { ...subject, kind: 'corrected' }, orderBy }),
      ]);
      const seen = new Set(latest.map((row: { id: number }) => row.id));
      const older = corrections.filter((row: { id: number }) => !seen.has(row.id));
      return [...latest, ...older].map(service.toHistoryEntry);
    },

    toHistoryEntry(row: Row): HistoryEntry {
      const at = toDate(row.at);
      const scheduledFor = toDate(row.scheduledFor);
      return {
        id: row.id,
        contentType: row.subjectType,
        documentId: row.subjectDocumentId,
        locale: row.subjectLocale,
        kind: row.kind,
        fromStage: isStage(row.fromStage) ? row.fromStage : null,
        toStage: isStage(row.toStage) ? row.toStage : null,
        actorType: row.actorType,
        actor: row.actor ?? null,
        actorId: row.actorId ?? null,
        comment: row.comment ?? null,
        note: isLocalizedMessage(row.note) ? row.note : null,
        findings: Array.isArray(row.findings) ? row.findings : [],
        scheduledFor: scheduledFor ? scheduledFor.toISOString() : null,
        at: at ? at.toISOString() : new Date(0).toISOString(),
      };
    },

    /**
     * Announces a change. With an event sink (the app's outbox) the event is written in the caller's
     * transaction: it commits with the change or not at all, and is delivered from the database by
     * whichever instance claims it. Without one, it goes to Strapi's webhook runner once the
     * transaction commits (at once outside one), so a rolled-back change never announces itself; a
     * failure there is logged, never thrown, and an event queued in memory dies with its process.
     */
    async emit(event: string, payload: Record<string, unknown>, onCommit?: OnCommit): Promise<void> {
      if (sink) {
        await sink(event, payload);
        return;
      }
      const send = () => {
        strapi.eventHub.emit(event, payload).catch((error: unknown) => {
          strapi.log.error(
            `editorial-workflow: could not emit ${event} for ${String(payload.documentId)} (${String(payload.locale)}): ${String(error)}`,
          );
        });
      };
      if (!strapi.db.inTransaction()) send();
      else if (onCommit) onCommit(send);
      // The caller's transaction, joined: its commit callbacks are the caller's.
      else await strapi.db.transaction(async ({ onCommit: afterCommit }) => afterCommit(send));
    },
  };

  return service;
};
