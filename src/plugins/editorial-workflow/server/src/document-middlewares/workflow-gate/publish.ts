import { publishIntent } from '../../../../../attribution-guard/shared/contracts/publish-intent';
import { afterPublish, checkExpectation, localesIn, readStates, requireApproved, requireNoEmbargo, services, type GateStep } from './call';

/**
 * `publish`: refused while an embargo is in force or (with `requireApproval`) before approval; once
 * published, each locale moves to `published`, in the publication's own transaction.
 */
export const gatePublish: GateStep = (call, next) => {
  const intent = publishIntent(call.action, call.params);
  if (intent?.via !== 'publish') return next();
  const { entries, stage } = services(call);
  const { documentId } = intent;
  const locales = () => entries.localesOf(call.uid, documentId, intent.locales, 'draft');
  return stage.withLockedDraft({ uid: call.uid, documentId, locales }, async (draft) => {
    const before = await readStates(call, documentId, draft.locales, 'draft');
    checkExpectation(call, before, 'draft');
    requireNoEmbargo(call, before);
    requireApproved(call, before);
    const result = await next();
    await afterPublish(call, draft, documentId, localesIn(result), before);
    return result;
  });
};
