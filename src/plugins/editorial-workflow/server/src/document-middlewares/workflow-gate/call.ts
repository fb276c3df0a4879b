import type { Core, UID } from '@strapi/strapi';
import { PUBLISHABLE_STAGES, WEBHOOK_EVENTS, type Actor, type Stage } from '../../../../shared/contracts/workflow';
import { FIELDS } from '../../constants';
import { StaleEntryError } from '../../services/context';
import { embargoLiftsAt } from '../../domain/embargo';
import { actorPayload, type EntryRow } from '../../services/entries';
import type { LockedDraft } from '../../services/stage';
import { getService } from '../../utils/get-service';
import { approvalError, embargoError } from './refusals';

export type Params = { documentId?: string; locale?: unknown; status?: string; data?: Record<string, unknown> };

/** One Document Service call of a covered content type, as each step of the gate sees it. */
export interface GateCall {
  strapi: Core.Strapi;
  action: string;
  uid: string;
  params: Params;
}

/** The gate's steps, one per document action, each passing on what is not its own. */
export type GateStep = (call: GateCall, next: () => Promise<unknown>) => Promise<unknown>;

/** Each locale's version as the call found it (null: none yet). */
export type States = Map<string, EntryRow | null>;

export const services = (call: GateCall) => ({
  settings: getService(call.strapi, 'settings'),
  entries: getService(call.strapi, 'entries'),
  context: getService(call.strapi, 'context'),
  stage: getService(call.strapi, 'stage'),
});

export async function readStates(call: GateCall, documentId: string, locales: string[], version: 'draft' | 'published'): Promise<States> {
  const { entries } = services(call);
  const states: States = new Map();
  for (const locale of locales) states.set(locale, await entries.findVersion(call.uid, documentId, locale, version, { relations: false }));
  return states;
}

/** With `requireApproval`, a locale that is not approved, scheduled or published is not published. */
export function requireApproved(call: GateCall, states: States): void {
  if (!services(call).settings.config().requireApproval) return;
  const blocked = [...states.entries()]
    .map(([locale, row]) => ({ locale, stage: row?.stage ?? ('draft' as Stage), title: row?.title ?? null }))
    .filter((s) => !PUBLISHABLE_STAGES.includes(s.stage));
  if (blocked.length > 0) throw approvalError(blocked, blocked[0]?.title ?? null);
}

/** Whatever the settings, a locale under an embargo still in force is not published. */
export function requireNoEmbargo(call: GateCall, states: States): void {
  const now = new Date();
  const zone = services(call).settings.config().defaultTimezone;
  const blocked = [...states.entries()].flatMap(([locale, row]) => {
    const when = embargoLiftsAt(row?.embargoUntil ?? null, row?.timezone ?? zone, now);
    return when ? [{ locale, when, title: row?.title ?? null }] : [];
  });
  if (blocked.length > 0) throw embargoError(blocked, blocked[0]?.title ?? null);
}

/** The sweep's publish or unpublish finds each locale as the sweep read it, or does nothing (StaleEntryError). */
export function checkExpectation(call: GateCall, states: States, version: 'draft' | 'published'): void {
  const expected = services(call).context.expectation();
  if (!expected) return;
  for (const [locale, row] of states) {
    const stale =
      !row ||
      (version === 'draft' && row.stage !== expected.stage) ||
      (expected.publishAt !== undefined && row.publishAt?.toISOString() !== expected.publishAt) ||
      (expected.unpublishAt !== undefined && row.unpublishAt?.toISOString() !== expected.unpublishAt);
    if (stale) throw new StaleEntryError(`${call.uid} ${call.params.documentId} (${locale}) changed since the sweep read it`);
  }
}

/** The locales a publish or unpublish actually touched (Strapi returns the versions it made or removed). */
export const localesIn = (result: unknown): string[] => {
  const list = (result as { entries?: Array<{ locale?: unknown }> } | null)?.entries ?? [];
  return [...new Set(list.map((e) => e.locale).filter((l): l is string => typeof l === 'string'))];
};

/** `workflow.published` / `workflow.unpublished`: every publication change of a locale, stage moved or not. */
export function announce(call: GateCall, event: string, documentId: string, locale: string, actor: Actor, draft: LockedDraft) {
  const { entries, context } = services(call);
  return entries.emit(
    event,
    {
      uid: call.uid,
      model: call.strapi.contentType(call.uid as UID.ContentType)?.modelName,
      documentId,
      locale,
      actor: actorPayload(actor),
      comment: context.comment() ?? null,
    },
    draft.onCommit,
  );
}

/** After a successful publish: stage → published, the schedule consumed, the move recorded. */
export async function afterPublish(
  call: GateCall,
  draft: LockedDraft,
  documentId: string,
  published: string[],
  before: States,
): Promise<void> {
  const { context } = services(call);
  const actor = context.actor();
  for (const locale of published) {
    const row = before.get(locale) ?? null;
    const from: Stage = row?.stage ?? 'draft';
    await draft.moveStage({
      uid: call.uid,
      documentId,
      locale,
      kind: 'published',
      from,
      to: 'published',
      actor,
      comment: context.comment(),
      scheduledFor: from === 'scheduled' ? (row?.publishAt ?? null) : null,
      fields: { [FIELDS.publishAt]: null },
    });
    await announce(call, WEBHOOK_EVENTS.WORKFLOW_PUBLISHED, documentId, locale, actor, draft);
  }
}
