import { localeRequest } from '../../../../../attribution-guard/shared/contracts/publish-intent';
import { WEBHOOK_EVENTS, type Stage } from '../../../../shared/contracts/workflow';
import { FIELDS } from '../../constants';
import { announce, checkExpectation, localesIn, readStates, services, type GateStep } from './call';

/**
 * `unpublish`: each locale taken down moves back a stage (a plain published piece to `draft`), its
 * expiry consumed, in the same transaction as the unpublish.
 */
export const gateUnpublish: GateStep = (call, next) => {
  const { documentId } = call.params;
  if (call.action !== 'unpublish' || !documentId) return next();
  const { entries, context, stage } = services(call);
  const locales = () => entries.localesOf(call.uid, documentId, localeRequest(call.params.locale), 'published');
  return stage.withLockedDraft({ uid: call.uid, documentId, locales }, async (draft) => {
    const before = await readStates(call, documentId, draft.locales, 'published');
    checkExpectation(call, before, 'published');
    const result = await next();
    const actor = context.actor();
    for (const locale of localesIn(result)) {
      const row = before.get(locale) ?? null;
      const from: Stage = row?.stage ?? 'published';
      // A revision under review keeps its stage; a plain published piece goes back to draft.
      const to: Stage = from === 'published' ? 'draft' : from;
      await draft.moveStage({
        uid: call.uid,
        documentId,
        locale,
        kind: 'unpublished',
        from,
        to,
        actor,
        comment: context.comment(),
        scheduledFor: context.expectation()?.unpublishAt ? (row?.unpublishAt ?? null) : null,
        fields: { [FIELDS.unpublishAt]: null, ...(to === 'draft' ? { [FIELDS.publishAt]: null } : {}) },
      });
      await announce(call, WEBHOOK_EVENTS.WORKFLOW_UNPUBLISHED, documentId, locale, actor, draft);
    }
    return result;
  });
};
