import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PUBLISHABLE_STAGES, WEBHOOK_EVENTS, type Actor, type Stage } from '../../../shared/contracts/workflow';
import { FIELDS, WORKFLOW_FIELD_NAMES } from '../constants';
import { StaleEntryError } from '../services/context';
import { assertDocumentId } from './document-id';
import { approvalMessage } from '../domain/publish-condition';
import { EMBARGO_RULE, embargoLiftsAt, embargoMessage } from '../domain/embargo';
import type { EntryRow } from '../services/entries';
import { getService } from '../utils/get-service';

/** A copy starts over: an unscheduled, unassigned draft with no embargo. */
const CLONE_RESET = { [FIELDS.stage]: 'draft', [FIELDS.publishAt]: null, [FIELDS.unpublishAt]: null, [FIELDS.timezone]: null, [FIELDS.assignee]: null, [FIELDS.embargoUntil]: null };

type Params = { documentId?: string; locale?: unknown; status?: string; data?: Record<string, unknown> };

const approvalError = (blocked: Array<{ locale: string; stage: Stage }>, title: string | null) => {
  const details = blocked.map(({ locale, stage }) => ({
    rule: 'workflow.approval-required',
    path: [FIELDS.stage],
    message: `The ${locale} version is "${stage}": it must be approved before it is published.`,
    messages: approvalMessage(stage),
    locale,
    name: 'ValidationError',
  }));
  return new errors.ValidationError(
    `Cannot publish${title ? ` "${title}"` : ''} (${blocked.map((b) => b.locale).join(', ')}): it has not been approved. Send it to review and have an editor approve it first.`,
    { errors: details }
  );
};

/** Refuses a publish of any locale under an embargo still in force. Not overridable: no route, no permission, lets it out early. */
const embargoError = (blocked: Array<{ locale: string; when: string }>, title: string | null) => {
  const details = blocked.map(({ locale, when }) => ({
    rule: EMBARGO_RULE,
    path: [FIELDS.embargoUntil],
    message: embargoMessage(when).en,
    messages: embargoMessage(when),
    locale,
    overridable: false,
    name: 'ValidationError',
  }));
  return new errors.ValidationError(
    `Cannot publish${title ? ` "${title}"` : ''} (${blocked.map((b) => b.locale).join(', ')}): it is under embargo until ${blocked[0]?.when ?? ''}.`,
    { errors: details }
  );
};

/** The locales a publish or unpublish actually touched (Strapi returns the versions it made or removed). */
const localesIn = (result: unknown): string[] => {
  const list = (result as { entries?: Array<{ locale?: unknown }> } | null)?.entries ?? [];
  return [...new Set(list.map((e) => e.locale).filter((l): l is string => typeof l === 'string'))];
};

/**
 * The workflow's Document Service middleware, for the configured content types:
 * - the workflow fields are written only by the workflow itself: any value a create, update or
 *   clone brings for them (from the Content Manager, REST or code) is dropped, and a clone starts
 *   over as a draft;
 * - with `requireApproval`, every publish — `publish`, and `create`/`update` with
 *   `status: 'published'` (which publish without a `publish` action) — is refused unless the
 *   entry is approved, scheduled or already published; and, whatever the settings, while an embargo
 *   is in force;
 * - a publish or unpublish moves the stage (→ published, published → draft) and is recorded, in
 *   the same transaction as the publication itself, so the two can never disagree.
 */
export const createWorkflowGate =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    // Before anything reads one row for the checks below: a filter in place of an id selects many.
    assertDocumentId(ctx.action, ctx.params);
    const settings = getService(strapi, 'settings');
    if (!settings.covers(ctx.uid)) return next();
    const entries = getService(strapi, 'entries');
    const context = getService(strapi, 'context');
    const params = ctx.params as Params;
    const uid = ctx.uid as string;

    const requireApproved = (states: Map<string, EntryRow | null>) => {
      if (!settings.config().requireApproval) return;
      const blocked = [...states.entries()]
        .map(([locale, row]) => ({ locale, stage: row?.stage ?? ('draft' as Stage), title: row?.title ?? null }))
        .filter((s) => !PUBLISHABLE_STAGES.includes(s.stage));
      if (blocked.length > 0) throw approvalError(blocked, blocked[0]?.title ?? null);
    };

    const requireNoEmbargo = (states: Map<string, EntryRow | null>) => {
      const now = new Date();
      const zone = settings.config().defaultTimezone;
      const blocked = [...states.entries()].flatMap(([locale, row]) => {
        const when = embargoLiftsAt(row?.embargoUntil ?? null, row?.timezone ?? zone, now);
        return when ? [{ locale, when, title: row?.title ?? null }] : [];
      });
      if (blocked.length > 0) throw embargoError(blocked, blocked[0]?.title ?? null);
    };

    const checkExpectation = (states: Map<string, EntryRow | null>, version: 'draft' | 'published') => {
      const expected = context.expectation();
      if (!expected) return;
      for (const [locale, row] of states) {
        const stale =
          !row ||
          (version === 'draft' && row.stage !== expected.stage) ||
          (expected.publishAt !== undefined && row.publishAt?.toISOString() !== expected.publishAt) ||
          (expected.unpublishAt !== undefined && row.unpublishAt?.toISOString() !== expected.unpublishAt);
        if (stale) throw new StaleEntryError(`${uid} ${params.documentId} (${locale}) changed since the sweep read it`);
      }
    };

    const readStates = async (documentId: string, locales: string[], version: 'draft' | 'published') => {
      const states = new Map<string, EntryRow | null>();
      for (const locale of locales) states.set(locale, await entries.findVersion(uid, documentId, locale, version, { relations: false }));
      return states;
    };

    /** `workflow.published` / `workflow.unpublished`: every publication change of a locale, stage moved or not. */
    const announce = (event: string, documentId: string, locale: string, actor: Actor, onCommit: (cb: () => void) => void) =>
      entries.emit(
        event,
        { uid, model: strapi.contentType(ctx.uid)?.modelName, documentId, locale, actor: { type: actor.type, id: actor.id ?? null, name: actor.name ?? actor.type }, comment: context.comment() ?? null },
        onCommit
      );

    /** After a successful publish: stage → published, the schedule consumed, the move recorded. */
    const afterPublish = async (documentId: string, published: string[], before: Map<string, EntryRow | null>, onCommit: (cb: () => void) => void) => {
      const actor = context.actor();
      for (const locale of published) {
        const row = before.get(locale) ?? null;
        const from: Stage = row?.stage ?? 'draft';
        await entries.writeFields(uid, documentId, locale, { [FIELDS.stage]: 'published', [FIELDS.publishAt]: null });
        await entries.changeStage(
          { uid, documentId, locale, kind: 'published', from, to: 'published', actor, comment: context.comment(), scheduledFor: from === 'scheduled' ? row?.publishAt ?? null : null },
          onCommit
        );
        await announce(WEBHOOK_EVENTS.WORKFLOW_PUBLISHED, documentId, locale, actor, onCommit);
      }
    };

    if (ctx.action === 'create' || ctx.action === 'update' || ctx.action === 'clone') {
      if (params.data && typeof params.data === 'object') {
        const data = { ...params.data };
        for (const field of WORKFLOW_FIELD_NAMES) delete data[field];
        // A copy is a new piece: it starts over as an unscheduled draft, whatever the original was.
        if (ctx.action === 'clone') Object.assign(data, CLONE_RESET);
        params.data = data;
      } else if (ctx.action === 'clone') {
        params.data = { ...CLONE_RESET };
      }
    }

    if (ctx.action === 'publish' && params.documentId) {
      const documentId = params.documentId;
      return strapi.db.transaction(async ({ onCommit }) => {
        const locales = await entries.localesOf(uid, documentId, params.locale, 'draft');
        await entries.lockEntries(uid, documentId, locales);
        const before = await readStates(documentId, locales, 'draft');
        checkExpectation(before, 'draft');
        requireNoEmbargo(before);
        requireApproved(before);
        const result = await next();
        const published = localesIn(result);
        await afterPublish(documentId, published, before, onCommit);
        return result;
      });
    }

    if ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published') {
      // A new document, or a new locale of one, starts as a draft: not approved.
      const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await strapi.plugin('i18n').service('locales').getDefaultLocale();
      return strapi.db.transaction(async ({ onCommit }) => {
        let before = new Map<string, EntryRow | null>([[locale, null]]);
        if (ctx.action === 'update' && params.documentId) {
          await entries.lockEntries(uid, params.documentId, [locale]);
          before = await readStates(params.documentId, [locale], 'draft');
        }
        // Saved first, so bad input is reported as such; a refusal then rolls the save back too.
        const result = await next();
        requireNoEmbargo(before);
        requireApproved(before);
        const saved = result as { documentId?: string; locale?: string } | null;
        if (saved?.documentId) await afterPublish(saved.documentId, [saved.locale ?? locale], before, onCommit);
        return result;
      });
    }

    if (ctx.action === 'unpublish' && params.documentId) {
      const documentId = params.documentId;
      return strapi.db.transaction(async ({ onCommit }) => {
        const locales = await entries.localesOf(uid, documentId, params.locale, 'published');
        await entries.lockEntries(uid, documentId, locales);
        const before = await readStates(documentId, locales, 'published');
        checkExpectation(before, 'published');
        const result = await next();
        const actor = context.actor();
        for (const locale of localesIn(result)) {
          const row = before.get(locale) ?? null;
          const from: Stage = row?.stage ?? 'published';
          // A revision under review keeps its stage; a plain published piece goes back to draft.
          const to: Stage = from === 'published' ? 'draft' : from;
          await entries.writeFields(uid, documentId, locale, { [FIELDS.stage]: to, [FIELDS.unpublishAt]: null, ...(to === 'draft' ? { [FIELDS.publishAt]: null } : {}) });
          await entries.changeStage(
            { uid, documentId, locale, kind: 'unpublished', from, to, actor, comment: context.comment(), scheduledFor: context.expectation()?.unpublishAt ? row?.unpublishAt ?? null : null },
            onCommit
          );
          await announce(WEBHOOK_EVENTS.WORKFLOW_UNPUBLISHED, documentId, locale, actor, onCommit);
        }
        return result;
      });
    }

    return next();
  };
