import { publishIntent } from '../../../../../attribution-guard/shared/contracts/publish-intent';
import { afterPublish, readStates, requireApproved, requireNoEmbargo, services, type GateStep, type States } from './call';

/**
 * `create`/`update` with `status: 'published'`, which publish without a `publish` action: the same
 * rules as a publish, checked once the save is made, and the same move to `published`.
 */
export const gateSaveAndPublish: GateStep = async (call, next) => {
  const intent = publishIntent(call.action, call.params);
  if (intent?.via !== 'save') return next();
  const { stage } = services(call);
  const locale = intent.locale ?? (await call.strapi.plugin('i18n').service('locales').getDefaultLocale());
  const documentId = intent.documentId ?? undefined;
  return stage.withLockedDraft({ uid: call.uid, documentId, locales: [locale] }, async (draft) => {
    // A new document, or a new locale of one, starts as a draft: not approved.
    const before: States = documentId ? await readStates(call, documentId, [locale], 'draft') : new Map([[locale, null]]);
    // Saved first, so bad input is reported as such; a refusal then rolls the save back too.
    const result = await next();
    requireNoEmbargo(call, before);
    requireApproved(call, before);
    const saved = result as { documentId?: string; locale?: string } | null;
    if (saved?.documentId) await afterPublish(call, draft, saved.documentId, [saved.locale ?? locale], before);
    return result;
  });
};
