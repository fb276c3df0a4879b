import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  allowedTargets,
  judgeTransition,
  TRANSITION_ACTIONS,
  WEBHOOK_EVENTS,
  type Actor,
  type AssigneeInfo,
  type EntryState,
  type HistoryEntry,
  type Stage,
  type StoredFinding,
  type WorkflowLocalizedMessage,
} from '../../../shared/contracts/workflow';
import { ACTIONS, FIELDS, GUARD_PLUGIN_ID, PLUGIN_ID } from '../constants';
import { PERMISSION_LABELS } from '../permissions';
import { formatInZone } from '../domain/schedule-time';
import { checkWhen, validateSchedule, type Issue } from '../domain/schedule-input';
import { isSelfApproval } from '../domain/self-approval';
import { workflowGateReport } from '../domain/publish-condition';
import { assignedNote } from '../domain/notes';
import {
  embargoActive,
  embargoAfterSchedule,
  embargoLiftedNote,
  embargoLiftsAt,
  embargoSetNote,
  scheduleBeforeEmbargo,
} from '../domain/embargo';
import { actorPayload, type EntryRow } from './entries';
import type { LockedDraft, StageFields } from './stage';
import { getService } from '../utils/get-service';

/** The admin user making a request, and what Strapi's RBAC lets them do. */
export interface AdminCaller {
  user: { id: number; email: string; firstname?: string | null; lastname?: string | null };
  ability: { can: (action: string, subject?: unknown, field?: string) => boolean };
}

export interface EntryRef {
  uid: string;
  documentId: string;
  locale: string;
}

// PolicyError is Strapi's 403 that keeps its message (a plain ForbiddenError reaches the client as "Forbidden").
const forbidden = (message: string) => new errors.PolicyError(message);

const FAILURE_KINDS = new Set(['schedule-failed', 'schedule-held', 'schedule-error']);
const INCIDENTAL_KINDS = new Set(['assigned', 'expiry-set']);

const badRequest = (message: string, path: string[]) =>
  new errors.ValidationError(message, { errors: [{ path, message, name: 'ValidationError' }] });

/**
 * The workflow as editors drive it from the admin panel: stage moves, schedules, assignees, and the
 * state the edit view shows. Every change takes the entry's lock, re-reads it, and records itself.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = () => getService(strapi, 'entries');
  const settings = () => getService(strapi, 'settings');
  const context = () => getService(strapi, 'context');
  const stages = () => getService(strapi, 'stage');

  /** Runs `fn` under the entry's lock, with its draft re-read there: the sweep or another editor may have moved it meanwhile. */
  function underLock<T>(ref: EntryRef, fn: (row: EntryRow, draft: LockedDraft) => Promise<T>): Promise<T> {
    return stages().withLockedDraft({ uid: ref.uid, documentId: ref.documentId, locales: [ref.locale] }, async (draft) => {
      const row = await entries().findVersion(ref.uid, ref.documentId, ref.locale, 'draft');
      if (!row) throw new errors.NotFoundError(`No ${ref.locale} version of ${ref.documentId}.`);
      return fn(row, draft);
    });
  }

  const actorOf = (caller: AdminCaller): Actor => ({ type: 'admin', id: caller.user.id, name: caller.user.email });

  const granted = (caller: AdminCaller): Set<string> =>
    new Set(TRANSITION_ACTIONS.filter((action) => caller.ability.can(`plugin::${PLUGIN_ID}.${action}`)));

  const permissionChecker = (caller: AdminCaller, uid: string) =>
    strapi.plugin('content-manager').service('permission-checker').create({ userAbility: caller.ability, model: uid }) as {
      can: (action: string, entity?: unknown) => boolean;
    };

  const assertCovered = (uid: string) => {
    if (!settings().covers(uid)) throw badRequest(`${uid} is not covered by the editorial workflow.`, ['contentType']);
  };

  /** The draft of the entry, which the caller may at least read (and, for changes, update). */
  async function loadDraft(caller: AdminCaller, ref: EntryRef, need: 'read' | 'update'): Promise<EntryRow> {
    assertCovered(ref.uid);
    const row = await entries().findVersion(ref.uid, ref.documentId, ref.locale, 'draft');
    if (!row) throw new errors.NotFoundError(`No ${ref.locale} version of ${ref.documentId}.`);
    const checker = permissionChecker(caller, ref.uid);
    const action = need === 'read' ? 'plugin::content-manager.explorer.read' : 'plugin::content-manager.explorer.update';
    if (!checker.can(action, row)) throw forbidden(`You may not ${need} this ${ref.locale} entry.`);
    return row;
  }

  const invalid = (issues: Issue[]) =>
    new errors.ValidationError(issues.map((i) => i.message).join(' '), {
      errors: issues.map((i) => ({ path: [i.path], message: i.message, name: 'ValidationError' })),
    });

  /** The whole of a schedule change, checked before any write (a 400 naming every bad field). */
  function scheduleTimes(input: { publishAt?: string | null; unpublishAt?: string | null; timezone?: string }, zone: string) {
    const result = validateSchedule(input, { now: new Date(), zone });
    if (!result.ok) throw invalid(result.issues);
    return result.times;
  }

  async function guardVerdict(ref: EntryRef): Promise<EntryState['guard']> {
    const guard = strapi.plugin(GUARD_PLUGIN_ID);
    if (!guard) return null;
    const result = await guard.service('guard').checkDraft(ref.uid, ref.documentId, ref.locale);
    if (!result) return null;
    const findings: StoredFinding[] = result.findings.map(
      (f: { rule: string; path: string; message: Record<string, string>; severity: string }) => ({
        rule: f.rule,
        path: f.path.split('.'),
        message: f.message.en ?? '',
        messages: f.message,
        severity: f.severity,
        locale: ref.locale,
      }),
    );
    return { ok: result.ok, errors: result.errors, warnings: result.warnings, findings };
  }

  /** The lifting time of an embargo in force now, in the entry's zone; null when there is none. */
  const activeEmbargo = (row: EntryRow | null, zone: string): string | null => embargoLiftsAt(row?.embargoUntil ?? null, zone);

  /** A publish time before the embargo lifts is refused (400), whatever route sets it. */
  function assertAfterEmbargo(publishAt: Date | null | undefined, row: EntryRow, zone: string): void {
    if (!publishAt) return;
    const problem = scheduleBeforeEmbargo(publishAt, row.embargoUntil, (d) => formatInZone(d, zone) ?? d.toISOString());
    if (problem) throw badRequest(problem, ['publishAt']);
  }

  async function assigneeInfo(id: number | null): Promise<AssigneeInfo | null> {
    if (!id) return null;
    const user = await strapi.db.query('admin::user').findOne({ where: { id }, select: ['id', 'firstname', 'lastname', 'email'] });
    if (!user) return null;
    return { id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email, email: user.email };
  }

  function lastFailure(history: HistoryEntry[]): HistoryEntry | null {
    const latest = history.find((h) => !INCIDENTAL_KINDS.has(h.kind));
    return latest && FAILURE_KINDS.has(latest.kind) ? latest : null;
  }

  const service = {
    /** What the workflow says about publishing this entry now (for the guard's publish conditions). Null for types it does not cover. */
    async gateReport(ref: { uid: string; documentId: string | null; locale: string }) {
      if (!settings().covers(ref.uid)) return null;
      const row = ref.documentId ? await entries().findVersion(ref.uid, ref.documentId, ref.locale, 'draft', { relations: false }) : null;
      const stage = row?.stage ?? 'draft';
      const zone = row?.timezone ?? settings().config().defaultTimezone;
      return workflowGateReport({
        stage,
        requireApproval: settings().config().requireApproval,
        publishAtLocal: formatInZone(row?.publishAt ?? null, zone),
        embargoLocal: activeEmbargo(row, zone),
      });
    },

    async state(caller: AdminCaller, ref: EntryRef): Promise<EntryState> {
      const row = await loadDraft(caller, ref, 'read');
      const zone = row.timezone ?? settings().config().defaultTimezone;
      const history = await entries().history(ref.uid, ref.documentId, ref.locale);
      const mayUpdate = permissionChecker(caller, ref.uid).can('plugin::content-manager.explorer.update', row);
      const actions = mayUpdate ? granted(caller) : new Set<string>();
      const selfApprovalBlocked = isSelfApproval('approved', row.createdBy?.id, caller.user.id, settings().config().allowSelfApproval);
      const unpublishAt =
        row.unpublishAt ?? (await entries().findVersion(ref.uid, ref.documentId, ref.locale, 'published'))?.unpublishAt ?? null;
      return {
        contentType: ref.uid,
        documentId: ref.documentId,
        locale: ref.locale,
        title: row.title,
        stage: row.stage,
        assignee: await assigneeInfo(row.assigneeId),
        publishAt: row.publishAt?.toISOString() ?? null,
        unpublishAt: unpublishAt?.toISOString() ?? null,
        timezone: zone,
        publishAtLocal: formatInZone(row.publishAt, zone),
        unpublishAtLocal: formatInZone(unpublishAt, zone),
        embargoUntil: row.embargoUntil && embargoActive(row.embargoUntil, new Date()) ? row.embargoUntil.toISOString() : null,
        embargoUntilLocal: activeEmbargo(row, zone),
        hasPublishedVersion: await entries().hasPublishedVersion(ref.uid, ref.documentId, ref.locale),
        allowedTargets: allowedTargets(row.stage, actions).filter((to) => !(selfApprovalBlocked && to === 'approved')),
        selfApprovalBlocked: selfApprovalBlocked && row.stage === 'in-review' && actions.has('transition.approve'),
        canAssign: mayUpdate && caller.ability.can(ACTIONS.assign),
        canSchedule: actions.has('transition.schedule'),
        requireApproval: settings().config().requireApproval,
        gates: workflowGateReport({
          stage: row.stage,
          requireApproval: settings().config().requireApproval,
          publishAtLocal: formatInZone(row.publishAt, zone),
          embargoLocal: activeEmbargo(row, zone),
        }),
        // Re-run on every read, so the verdict shows at once whether an edit would still let it go out.
        guard: await guardVerdict(ref),
        lastFailure: lastFailure(history),
        history,
      };
    },

    /**
     * Moves the entry to `to`. 400 for an unknown stage or a jump the workflow does not allow,
     * 403 when the caller lacks the permission the move needs. `→ published` and
     * `published → draft` publish and unpublish through the Document Service, so the attribution
     * guard and every other publish rule apply.
     */
    async transition(
      caller: AdminCaller,
      ref: EntryRef,
      input: { to: Stage; comment?: string | null; publishAt?: string; timezone?: string },
    ): Promise<EntryState> {
      const comment = input.comment?.trim() || null;
      const actor = actorOf(caller);
      const judge = (row: EntryRow): void => {
        const verdict = judgeTransition(row.stage, input.to, granted(caller));
        if (verdict.ok) return;
        if (verdict.reason === 'forbidden') {
          throw forbidden(
            `You may not move this entry from "${row.stage}" to "${input.to}": that needs the "${PERMISSION_LABELS[verdict.action]}" permission.`,
          );
        }
        const why =
          verdict.reason === 'same-stage'
            ? `The entry is already "${row.stage}".`
            : `The workflow does not go from "${row.stage}" to "${input.to}".`;
        throw badRequest(why, ['to']);
      };
      const refuseSelfApproval = (row: EntryRow): void => {
        if (isSelfApproval(input.to, row.createdBy?.id, caller.user.id, settings().config().allowSelfApproval)) {
          throw forbidden('You created this story, so another editor must approve it.');
        }
      };

      const draft = await loadDraft(caller, ref, 'update');
      judge(draft);
      refuseSelfApproval(draft);

      if (input.to === 'published' || (draft.stage === 'published' && input.to === 'draft')) {
        const cm = permissionChecker(caller, ref.uid);
        if (!cm.can('plugin::content-manager.explorer.publish', draft))
          throw forbidden(`You may not ${input.to === 'published' ? 'publish' : 'unpublish'} ${ref.uid}.`);
        await context().run({ comment }, () =>
          input.to === 'published'
            ? strapi.documents(ref.uid as UID.ContentType).publish({ documentId: ref.documentId, locale: ref.locale })
            : strapi.documents(ref.uid as UID.ContentType).unpublish({ documentId: ref.documentId, locale: ref.locale }),
        );
        return service.state(caller, ref);
      }

      let zone = draft.timezone ?? settings().config().defaultTimezone;
      let publishAt: Date | null = null;
      if (input.timezone !== undefined || input.publishAt !== undefined) {
        const times = scheduleTimes({ publishAt: input.publishAt, timezone: input.timezone }, zone);
        zone = times.zone;
        publishAt = times.publishAt ?? null;
      }
      if (input.to === 'scheduled') {
        if (!publishAt) throw badRequest('Give a publishAt time to schedule.', ['publishAt']);
        const unpublishAt = draft.unpublishAt;
        if (unpublishAt && unpublishAt.getTime() <= publishAt.getTime())
          throw badRequest(`The entry is set to come down at ${formatInZone(unpublishAt, zone)}, before it would go up.`, ['publishAt']);
      }

      await underLock(ref, async (row, draft) => {
        judge(row);
        if (input.to === 'scheduled') assertAfterEmbargo(publishAt, row, zone);
        let fields: StageFields = {};
        let kind: 'transition' | 'scheduled' | 'unscheduled' = 'transition';
        if (input.to === 'scheduled') {
          fields = { [FIELDS.publishAt]: publishAt, [FIELDS.timezone]: zone };
          kind = 'scheduled';
        } else if (row.stage === 'scheduled') {
          fields = { [FIELDS.publishAt]: null };
          kind = 'unscheduled';
        }
        await draft.moveStage({
          uid: ref.uid,
          documentId: ref.documentId,
          locale: ref.locale,
          kind,
          from: row.stage,
          to: input.to,
          actor,
          comment,
          scheduledFor: kind === 'scheduled' ? publishAt : kind === 'unscheduled' ? row.publishAt : null,
          fields,
        });
      });
      return service.state(caller, ref);
    },

    /**
     * Changes the times of an entry: `publishAt` reschedules a scheduled entry (or schedules an
     * approved one; `null` unschedules), `unpublishAt` sets or clears when it comes down.
     */
    async schedule(
      caller: AdminCaller,
      ref: EntryRef,
      input: { publishAt?: string | null; unpublishAt?: string | null; timezone?: string; comment?: string | null },
    ): Promise<EntryState> {
      if (!caller.ability.can(ACTIONS.schedule))
        throw forbidden('You may not schedule entries: that needs the "Schedule and unschedule" permission.');
      const draft = await loadDraft(caller, ref, 'update');
      const { zone, publishAt, unpublishAt } = scheduleTimes(input, draft.timezone ?? settings().config().defaultTimezone);
      const actor = actorOf(caller);
      const comment = input.comment?.trim() || null;

      await underLock(ref, async (row, draft) => {
        const fields: StageFields = { [FIELDS.timezone]: zone };
        let stage: Stage = row.stage;
        let kind: 'scheduled' | 'rescheduled' | 'unscheduled' | null = null;
        if (publishAt !== undefined) {
          if (publishAt === null) {
            if (row.stage === 'scheduled') [stage, kind] = ['approved', 'unscheduled'];
            fields[FIELDS.publishAt] = null;
          } else {
            if (row.stage !== 'scheduled' && row.stage !== 'approved')
              throw badRequest(`Only an approved entry can be scheduled; this one is "${row.stage}".`, ['publishAt']);
            assertAfterEmbargo(publishAt, row, zone);
            [stage, kind] = ['scheduled', row.stage === 'scheduled' ? 'rescheduled' : 'scheduled'];
            fields[FIELDS.publishAt] = publishAt;
          }
        }
        const effectivePublishAt = publishAt === undefined ? row.publishAt : publishAt;
        if (unpublishAt !== undefined) {
          if (unpublishAt && effectivePublishAt && unpublishAt.getTime() <= effectivePublishAt.getTime()) {
            throw badRequest(
              `unpublishAt (${formatInZone(unpublishAt, zone)}) must come after publishAt (${formatInZone(effectivePublishAt, zone)}).`,
              ['unpublishAt'],
            );
          }
          fields[FIELDS.unpublishAt] = unpublishAt;
        }
        if (kind) {
          const scheduledFor = kind === 'unscheduled' ? row.publishAt : (publishAt ?? null);
          await draft.moveStage({
            uid: ref.uid,
            documentId: ref.documentId,
            locale: ref.locale,
            kind,
            from: row.stage,
            to: stage,
            actor,
            comment,
            scheduledFor,
            fields,
          });
        } else {
          // The stage stays as it is: only the times change.
          await entries().writeFields(ref.uid, ref.documentId, ref.locale, fields);
        }
        if (unpublishAt !== undefined) {
          await entries().record({
            uid: ref.uid,
            documentId: ref.documentId,
            locale: ref.locale,
            kind: 'expiry-set',
            from: stage,
            to: stage,
            actor,
            comment,
            scheduledFor: unpublishAt,
          });
        }
      });
      return service.state(caller, ref);
    },

    async assign(caller: AdminCaller, ref: EntryRef, assigneeId: number | null): Promise<EntryState> {
      await loadDraft(caller, ref, 'update');
      const assignee = await assigneeInfo(assigneeId);
      if (assigneeId !== null && !assignee) throw badRequest(`No admin user ${assigneeId}.`, ['assignee']);
      await underLock(ref, async (row, { onCommit }) => {
        await entries().writeAssignee(ref.uid, ref.documentId, ref.locale, assigneeId);
        await entries().record({
          uid: ref.uid,
          documentId: ref.documentId,
          locale: ref.locale,
          kind: 'assigned',
          from: row.stage,
          to: row.stage,
          actor: actorOf(caller),
          note: assignedNote(assignee?.name ?? null),
        });
        await entries().emit(
          WEBHOOK_EVENTS.WORKFLOW_ASSIGNEE_CHANGED,
          { uid: ref.uid, documentId: ref.documentId, locale: ref.locale, assignee, actor: actorPayload(actorOf(caller)) },
          onCommit,
        );
      });
      return service.state(caller, ref);
    },

    /**
     * Records an event that is not a stage move (a correction made public, say) in the entry's
     * history, in the caller's transaction, as whoever the request or the workflow context names.
     * The caller has checked the permissions; the entry's stage is left as it is.
     */
    async note(ref: EntryRef, kind: 'corrected', comment: string): Promise<void> {
      const row = await entries().findVersion(ref.uid, ref.documentId, ref.locale, 'draft', { relations: false });
      const stage = row?.stage ?? null;
      const actor = context().actor();
      await entries().record({
        uid: ref.uid,
        documentId: ref.documentId,
        locale: ref.locale,
        kind,
        from: stage,
        to: stage,
        actor,
        comment,
      });
      await entries().emit(WEBHOOK_EVENTS.WORKFLOW_CORRECTED, {
        uid: ref.uid,
        documentId: ref.documentId,
        locale: ref.locale,
        comment,
        actor: actorPayload(actor),
      });
    },

    /**
     * Sets (`until`, an ISO time or a wall-clock time in `timezone`) or lifts (`null`) the entry's
     * embargo in this locale, and records it. An embargo must lie in the future and may not outlast a
     * schedule already set: the schedule would only fail.
     */
    async setEmbargo(
      caller: AdminCaller,
      ref: EntryRef,
      input: { until: string | null; timezone?: string; comment?: string | null },
    ): Promise<EntryState> {
      if (!caller.ability.can(ACTIONS.schedule))
        throw forbidden('You may not set an embargo: that needs the "Schedule and unschedule" permission.');
      const draft = await loadDraft(caller, ref, 'update');
      const zoneOf = (row: EntryRow) => row.timezone ?? settings().config().defaultTimezone;
      let until: Date | null = null;
      let zone = zoneOf(draft);
      if (input.until !== null) {
        // The checks of a publish time (a real wall-clock time to come, in a known zone), said of `until`.
        const inZone = input.timezone ?? zone;
        const checked = checkWhen(input.until, inZone, 'until', new Date());
        if (!checked.ok) throw invalid([checked.issue]);
        zone = inZone;
        until = checked.instant;
      }
      const actor = actorOf(caller);
      const comment = input.comment?.trim() || null;
      const fmt = (d: Date) => formatInZone(d, zone) ?? d.toISOString();
      await underLock(ref, async (row, { onCommit }) => {
        if (until) {
          const clash = embargoAfterSchedule(until, row.stage === 'scheduled' ? row.publishAt : null, fmt);
          if (clash) throw badRequest(clash, ['until']);
        } else if (!row.embargoUntil) {
          return;
        }
        await entries().writeFields(ref.uid, ref.documentId, ref.locale, {
          [FIELDS.embargoUntil]: until,
          ...(until ? { [FIELDS.timezone]: zone } : {}),
        });
        const note = until ? embargoSetNote(fmt(until)) : embargoLiftedNote();
        await entries().record({
          uid: ref.uid,
          documentId: ref.documentId,
          locale: ref.locale,
          kind: until ? 'embargo-set' : 'embargo-lifted',
          from: row.stage,
          to: row.stage,
          actor,
          note,
          comment,
          scheduledFor: until,
        });
        await entries().emit(
          WEBHOOK_EVENTS.WORKFLOW_EMBARGO_CHANGED,
          {
            uid: ref.uid,
            documentId: ref.documentId,
            locale: ref.locale,
            embargoUntil: until?.toISOString() ?? null,
            actor: actorPayload(actorOf(caller)),
          },
          onCommit,
        );
      });
      return service.state(caller, ref);
    },

    /**
     * Sets the stage without a person's permissions, for start-up code and migrations (the demo
     * seed approves its story this way). Recorded as the system, with its reason (in the admin's
     * three languages when given as a note).
     */
    async setStage(ref: EntryRef, to: Stage, why: string | WorkflowLocalizedMessage): Promise<void> {
      const said = typeof why === 'string' ? { comment: why } : { note: why };
      await underLock(ref, (row, draft) =>
        draft.moveStage({
          uid: ref.uid,
          documentId: ref.documentId,
          locale: ref.locale,
          kind: 'transition',
          from: row.stage,
          to,
          actor: { type: 'system', name: 'system' },
          ...said,
        }),
      );
    },
  };
  return service;
};
