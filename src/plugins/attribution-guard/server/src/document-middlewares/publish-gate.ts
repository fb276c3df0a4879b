import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { LocaleVerdict, TransactionHooks } from '../services/guard';
import { getService } from '../utils/get-service';
import { refusalReasons } from './refusal-reasons';
import { publishIntent } from '../../../shared/contracts/publish-intent';
import { documentIdProblem } from '../../../shared/contracts/document-id';

type Params = { locale?: unknown };

/**
 * A save with `status: 'published'` is published by Strapi inside the save, before this gate sees it,
 * so it cannot take draft pull-quotes along: they must be published already.
 */
const SAVE_AND_PUBLISH = { quotesPublishWithStory: false } as const;

/**
 * The guard's rules passed, but a gate inside this one (the workflow's approval, Strapi's validation)
 * refused: record that attempt too, with the guard's findings and the other gate's reasons, once the
 * transaction has rolled back.
 */
function recordInnerRefusal(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  verdicts: LocaleVerdict[],
  error: unknown,
  hooks: Pick<TransactionHooks, 'onRollback'>,
): void {
  const records = getService(strapi, 'records');
  const actor = getService(strapi, 'publish-context').actor();
  const refused = verdicts.map((v) => ({ v, reasons: refusalReasons(error, v.locale) })).filter((r) => r.reasons !== null);
  if (refused.length === 0) return;
  hooks.onRollback(() => {
    for (const { v, reasons } of refused) {
      void records.write({
        contentType: uid,
        documentId,
        locale: v.locale,
        outcome: 'blocked',
        actor,
        findings: [...(reasons ?? []), ...v.findings],
      });
    }
  });
}

/**
 * The one gate every publish passes: the admin Publish button and bulk publish (both call
 * `publish`), REST/Document Service `create`/`update` with `status: 'published'` (which publish
 * internally without a `publish` action), `strapi.documents().publish` and the scheduler.
 * The check runs inside a transaction, so a refusal leaves nothing published and the draft as it was.
 */
export const createPublishGate =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const problem = documentIdProblem(ctx.action, ctx.params);
    if (problem)
      throw new errors.ValidationError(problem, { errors: [{ path: ['documentId'], message: problem, name: 'ValidationError' }] });
    const guard = getService(strapi, 'guard');
    if (!guard.guards(ctx.uid)) return next();
    const params = ctx.params as Params;
    // The same reading of "is this a publish" as the workflow's gate (shared/contracts/publish-intent).
    const intent = publishIntent(ctx.action, ctx.params);

    if (intent?.via === 'publish') {
      const { documentId } = intent;
      return strapi.db.transaction(async ({ onCommit, onRollback }) => {
        const locales = await guard.localesToPublish(ctx.uid, documentId, params.locale);
        // The "published" records wait until the inner gates have let the publish through: a commit
        // callback left behind by a refused publish would fire with the next transaction in this context.
        const afterCommit: Array<() => void> = [];
        const verdicts = await guard.enforce(ctx.uid, documentId, locales, { onCommit: (cb) => afterCommit.push(cb), onRollback });
        try {
          // Quotes go out with their story, once the checks let it: a later refusal rolls them back with it.
          const quotes = getService(strapi, 'linked-quotes');
          for (const locale of locales) await quotes.publishWithStory(ctx.uid, documentId, locale);
          const result = await next();
          afterCommit.forEach((cb) => onCommit(cb));
          return result;
        } catch (error) {
          recordInnerRefusal(strapi, ctx.uid, documentId, verdicts, error, { onRollback });
          throw error;
        }
      });
    }

    if (intent?.via === 'save') {
      // The data is saved and published by Strapi in one call; check the saved draft before the
      // transaction commits, and roll both back if it fails.
      return strapi.db.transaction(async ({ onCommit, onRollback }) => {
        let result: Awaited<ReturnType<typeof next>>;
        try {
          result = await next();
        } catch (error) {
          // Strapi's own publish validation (a required credit left empty, say) can fail first; an
          // update's attribution findings are the more useful answer, so they take precedence.
          if (error instanceof errors.ValidationError && intent.documentId) {
            const locales = await guard.localesToPublish(ctx.uid, intent.documentId, params.locale);
            // The publish is refused either way: nothing is recorded as published.
            const verdicts = await guard.enforce(
              ctx.uid,
              intent.documentId,
              locales,
              { onCommit: () => undefined, onRollback },
              SAVE_AND_PUBLISH,
            );
            recordInnerRefusal(strapi, ctx.uid, intent.documentId, verdicts, error, { onRollback });
          }
          throw error;
        }
        const saved = result as { documentId?: string; locale?: string } | null;
        if (saved?.documentId) {
          const locale = saved.locale ?? (typeof params.locale === 'string' ? params.locale : undefined);
          const locales = await guard.localesToPublish(ctx.uid, saved.documentId, locale);
          await guard.enforce(ctx.uid, saved.documentId, locales, { onCommit, onRollback }, SAVE_AND_PUBLISH);
        }
        return result;
      });
    }

    return next();
  };
