import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import {
  WEBHOOK_EVENTS,
  type Actor,
  type Outcome,
  type StoredFinding,
  type SweepItemResult,
  type SweepReport,
  type WorkflowLocalizedMessage,
} from '../../../shared/contracts/workflow';
import { FIELDS, LOCK_NAMESPACE } from '../constants';
import { decideExpiry, decidePublish, minutesLate } from '../domain/lateness';
import { formatInZone } from '../domain/schedule-time';
import { scheduleErrorNote, scheduleHeldNote, scheduleRefusedNote } from '../domain/notes';
import { lockKey } from './entries';
import { StaleEntryError } from './context';
import { getService } from '../utils/get-service';
import type { Row } from '../utils/row';

const SCHEDULER: Actor = { type: 'scheduler', name: 'scheduler' };

export type { Outcome, SweepItemResult, SweepReport };

interface Candidate {
  id: number;
  documentId: string;
  locale: string;
}

type Phase = 'publish' | 'unpublish';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The findings of a refused publish: the guard's (or the approval check's) error details. */
export function findingsOf(error: unknown): StoredFinding[] {
  const details = (error as { details?: { errors?: unknown } })?.details?.errors;
  if (!Array.isArray(details)) return [];
  return details.map((d: Row) => ({
    rule: String(d.rule ?? 'validation'),
    path: Array.isArray(d.path) ? d.path.map(String) : [],
    message: String(d.message ?? ''),
    ...(d.messages ? { messages: d.messages } : {}),
    ...(d.locale ? { locale: String(d.locale) } : {}),
    ...(d.severity ? { severity: String(d.severity) } : {}),
  }));
}

const isValidationError = (error: unknown) =>
  error instanceof errors.ValidationError || (error as { name?: string })?.name === 'ValidationError';

/**
 * Publishes what is due and unpublishes what has expired, exactly once across instances.
 *
 * On PostgreSQL each batch of due entries is claimed with `pg_try_advisory_xact_lock` inside a
 * transaction on a connection of its own (the "holder"), held until every claimed entry has been
 * handled; another instance's sweep skips claimed entries. The publish itself runs in its own
 * Document Service transaction, and moves the stage to `published` in that same transaction, so an
 * instance killed at any point leaves each entry either published and marked, or untouched: the
 * holder's connection dies with it, the claim is released, and the next sweep (on any instance)
 * finds only what is still undone. Every entry is re-read after it is claimed, and the publish
 * checks under a per-entry lock that the entry is still as read (see the workflow gate), so a
 * second attempt never publishes twice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let queue: Promise<unknown> = Promise.resolve();

  const settings = () => getService(strapi, 'settings');
  const entries = () => getService(strapi, 'entries');
  const stages = () => getService(strapi, 'stage');
  const context = () => getService(strapi, 'context');

  async function findDue(uid: string, phase: Phase, now: Date, exclude: Set<number>, limit: number): Promise<Candidate[]> {
    const where =
      phase === 'publish'
        ? { publishedAt: null, [FIELDS.stage]: 'scheduled', [FIELDS.publishAt]: { $notNull: true, $lte: now } }
        : { publishedAt: { $notNull: true }, [FIELDS.unpublishAt]: { $notNull: true, $lte: now } };
    const rows = await strapi.db.query(uid).findMany({
      select: ['id', 'documentId', 'locale'],
      where: exclude.size > 0 ? { ...where, id: { $notIn: [...exclude] } } : where,
      orderBy: [{ [phase === 'publish' ? FIELDS.publishAt : FIELDS.unpublishAt]: 'asc' }, { id: 'asc' }],
      limit,
    });
    return rows as Candidate[];
  }

  /** Claims up to `limit` of the candidates for this instance; the rest are another instance's. */
  async function claim(holder: Knex.Transaction, uid: string, candidates: Candidate[], limit: number): Promise<Candidate[]> {
    const keys = candidates.map((c) => lockKey(uid, c.documentId, c.locale));
    // LIMIT stops the scan after `limit` successful locks, so no entry is claimed and left idle.
    const result = await holder.raw(
      'SELECT t.i AS i FROM unnest(?::int[]) WITH ORDINALITY AS t(k, i) WHERE pg_try_advisory_xact_lock(?, t.k) LIMIT ?',
      [keys, LOCK_NAMESPACE.claim, limit],
    );
    return (result.rows as Array<{ i: string | number }>)
      .map((row) => candidates[Number(row.i) - 1])
      .filter((c): c is Candidate => Boolean(c));
  }

  async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await fn(item);
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  }

  /** Moves a scheduled entry that could not go out, if it is still as the sweep found it. */
  async function divert(
    uid: string,
    documentId: string,
    locale: string,
    publishAt: Date,
    kind: 'schedule-failed' | 'schedule-held',
    note: WorkflowLocalizedMessage,
    findings: StoredFinding[],
  ): Promise<boolean> {
    const comment = note.en;
    const to = kind === 'schedule-failed' ? 'changes-requested' : 'approved';
    return stages().withLockedDraft({ uid, documentId, locales: [locale] }, async ({ onCommit, moveStage }) => {
      const row = await entries().findVersion(uid, documentId, locale, 'draft', { relations: false });
      if (!row || row.stage !== 'scheduled' || row.publishAt?.getTime() !== publishAt.getTime()) return false;
      const payload = { title: row.title, publishAt: publishAt.toISOString(), timezone: row.timezone, findings, message: comment };
      await moveStage({
        uid,
        documentId,
        locale,
        kind,
        from: 'scheduled',
        to,
        actor: SCHEDULER,
        note,
        findings,
        scheduledFor: publishAt,
        fields: { [FIELDS.publishAt]: null },
        extra: { title: row.title },
      });
      await entries().emit(
        kind === 'schedule-failed' ? WEBHOOK_EVENTS.WORKFLOW_SCHEDULE_FAILED : WEBHOOK_EVENTS.WORKFLOW_SCHEDULE_HELD,
        { uid, documentId, locale, ...payload },
        onCommit,
      );
      return true;
    });
  }

  async function handlePublish(uid: string, candidate: Candidate, now: Date): Promise<SweepItemResult> {
    const { documentId, locale } = candidate;
    const base = { uid, documentId, locale };
    // Re-read after the claim: the candidate list may predate another instance finishing it.
    const row = await entries().findVersion(uid, documentId, locale, 'draft', { relations: false });
    if (!row || row.stage !== 'scheduled' || !row.publishAt || decidePublish(row.publishAt, now, Infinity) === 'wait')
      return { ...base, outcome: 'skipped' };
    const publishAt = row.publishAt;
    const zone = row.timezone ?? settings().config().defaultTimezone;
    const maxLateness = settings().config().maxLatenessMinutes * 60_000;

    if (decidePublish(publishAt, now, maxLateness) === 'hold') {
      const note = scheduleHeldNote(
        formatInZone(publishAt, zone) ?? publishAt.toISOString(),
        minutesLate(publishAt, now),
        settings().config().maxLatenessMinutes,
      );
      return (await divert(uid, documentId, locale, publishAt, 'schedule-held', note, []))
        ? { ...base, outcome: 'held', message: note.en }
        : { ...base, outcome: 'skipped' };
    }

    try {
      await context().run({ expect: { stage: 'scheduled', publishAt: publishAt.toISOString() } }, () =>
        context().runAs(SCHEDULER, () => strapi.documents(uid as UID.ContentType).publish({ documentId, locale })),
      );
      return { ...base, outcome: 'published' };
    } catch (error) {
      if (error instanceof StaleEntryError) return { ...base, outcome: 'skipped' };
      if (isValidationError(error)) {
        // The publish transaction has rolled back (and the guard recorded its refusal); the entry
        // goes back to the newsroom with the findings, where the edit view and the schedules page show them.
        // The findings carry the detail (in every language); the comment only says what happened.
        const findings = findingsOf(error);
        const note = scheduleRefusedNote(formatInZone(publishAt, zone) ?? publishAt.toISOString(), findings.length);
        const moved = await divert(uid, documentId, locale, publishAt, 'schedule-failed', note, findings);
        return { ...base, outcome: moved ? 'failed' : 'skipped', message: note.en };
      }
      throw error;
    }
  }

  async function handleUnpublish(uid: string, candidate: Candidate, now: Date): Promise<SweepItemResult> {
    const { documentId, locale } = candidate;
    const base = { uid, documentId, locale };
    const row = await entries().findVersion(uid, documentId, locale, 'published', { relations: false });
    if (!row || !row.unpublishAt || decideExpiry(row.unpublishAt, now) === 'wait') return { ...base, outcome: 'skipped' };
    const unpublishAt = row.unpublishAt.toISOString();
    try {
      await context().run({ expect: { stage: 'published', unpublishAt } }, () =>
        context().runAs(SCHEDULER, () => strapi.documents(uid as UID.ContentType).unpublish({ documentId, locale })),
      );
      return { ...base, outcome: 'unpublished' };
    } catch (error) {
      if (error instanceof StaleEntryError) return { ...base, outcome: 'skipped' };
      throw error;
    }
  }

  /** An unexpected failure (not a refusal): logged with context, kept in the history, retried next sweep. */
  async function recordError(uid: string, candidate: Candidate, phase: Phase, error: unknown): Promise<SweepItemResult> {
    const note = scheduleErrorNote(phase, error instanceof Error ? error.message : String(error));
    const message = note.en;
    strapi.log.error(
      `editorial-workflow: ${phase} of ${uid} ${candidate.documentId} (${candidate.locale}) failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    try {
      await entries().record({
        uid,
        documentId: candidate.documentId,
        locale: candidate.locale,
        kind: 'schedule-error',
        from: null,
        to: null,
        actor: SCHEDULER,
        note,
      });
    } catch (recordFailure) {
      strapi.log.error(`editorial-workflow: could not record that failure either: ${String(recordFailure)}`);
    }
    return { uid, documentId: candidate.documentId, locale: candidate.locale, outcome: 'error', message };
  }

  async function runPhase(uid: string, phase: Phase, now: Date, deadline: number, results: SweepItemResult[]): Promise<boolean> {
    const { batchSize, concurrency } = settings().config().sweep;
    const postgres = entries().isPostgres();
    const exclude = new Set<number>();
    const handle = async (candidate: Candidate) => {
      let result: SweepItemResult;
      try {
        result = phase === 'publish' ? await handlePublish(uid, candidate, now) : await handleUnpublish(uid, candidate, now);
      } catch (error) {
        result = await recordError(uid, candidate, phase, error);
      }
      if (result.outcome === 'error' || result.outcome === 'skipped') exclude.add(candidate.id);
      results.push(result);
    };

    while (Date.now() < deadline) {
      const candidates = await findDue(uid, phase, now, exclude, postgres ? batchSize * 4 : batchSize);
      if (candidates.length === 0) return true;
      if (!postgres) {
        // SQLite: one instance and one writer; entries are handled one after another.
        for (const candidate of candidates) {
          if (Date.now() >= deadline) return false;
          await handle(candidate);
        }
        continue;
      }
      const holder = await strapi.db.connection.transaction();
      try {
        const claimed = await claim(holder, uid, candidates, batchSize);
        if (claimed.length === 0) {
          // Everything due is being handled by other instances. Wait and look again: if one of them
          // dies, its claims are released and this instance finishes its work.
          await holder.commit();
          await sleep(100 + Math.floor(Math.random() * 100));
          continue;
        }
        await mapLimit(claimed, concurrency, handle);
        await holder.commit();
      } catch (error) {
        await holder.rollback().catch(() => undefined);
        throw error;
      }
    }
    return false;
  }

  async function run(now: Date): Promise<SweepReport> {
    const startedAt = new Date();
    const deadline = startedAt.getTime() + settings().config().sweep.maxDurationSeconds * 1000;
    const results: SweepItemResult[] = [];
    let complete = true;
    for (const uid of settings().config().contentTypes) {
      // Publishing first: an entry due to go up and come down in the same window does both.
      complete = (await runPhase(uid, 'publish', now, deadline, results)) && complete;
      complete = (await runPhase(uid, 'unpublish', now, deadline, results)) && complete;
    }
    const counts: Record<Outcome, number> = { published: 0, unpublished: 0, held: 0, failed: 0, error: 0, skipped: 0 };
    for (const r of results) counts[r.outcome] += 1;
    return {
      now: now.toISOString(),
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      results,
      counts,
      incomplete: !complete,
    };
  }

  return {
    /**
     * One sweep at `now` (injectable for tests; the cron task passes the real time). Sweeps in one
     * process run one after another, never side by side.
     */
    sweep({ now = new Date() }: { now?: Date } = {}): Promise<SweepReport> {
      const next = queue.then(() => run(now));
      queue = next.catch(() => undefined);
      return next;
    },

    /** Resolves once no sweep is running in this process. */
    idle(): Promise<void> {
      return queue.then(() => undefined);
    },
  };
};
