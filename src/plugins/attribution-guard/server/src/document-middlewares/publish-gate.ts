import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';

type Params = { documentId?: string; locale?: unknown; status?: string };

/**
 * The one gate every publish passes: the admin Publish button and bulk publish (both call
 * `publish`), REST/Document Service `create`/`update` with `status: 'published'` (which publish
 * internally without a `publish` action), `strapi.documents().publish` and the scheduler.
 * The check runs inside a transaction, so a refusal leaves nothing published and the draft as it was.
 */
export const createPublishGate =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const guard = getService(strapi, 'guard');
    if (!guard.guards(ctx.uid)) return next();
    const params = ctx.params as Params;

    if (ctx.action === 'publish' && params.documentId) {
      return strapi.db.transaction(async ({ onCommit, onRollback }) => {
        const locales = await guard.localesToPublish(ctx.uid, params.documentId!, params.locale);
        await guard.enforce(ctx.uid, params.documentId!, locales, { onCommit, onRollback });
        return next();
      });
    }

    if ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published') {
      // The data is saved and published by Strapi in one call; check the saved draft before the
      // transaction commits, and roll both back if it fails.
      return strapi.db.transaction(async ({ onCommit, onRollback }) => {
        let result: Awaited<ReturnType<typeof next>>;
        try {
          result = await next();
        } catch (error) {
          // Strapi's own publish validation (a required credit left empty, say) can fail first; an
          // update's attribution findings are the more useful answer, so they take precedence.
          if (error instanceof errors.ValidationError && ctx.action === 'update' && params.documentId) {
            const locales = await guard.localesToPublish(ctx.uid, params.documentId, params.locale);
            await guard.enforce(ctx.uid, params.documentId, locales, { onCommit, onRollback });
          }
          throw error;
        }
        const saved = result as { documentId?: string; locale?: string } | null;
        if (saved?.documentId) {
          const locale = saved.locale ?? (typeof params.locale === 'string' ? params.locale : undefined);
          const locales = await guard.localesToPublish(ctx.uid, saved.documentId, locale);
          await guard.enforce(ctx.uid, saved.documentId, locales, { onCommit, onRollback });
        }
        return result;
      });
    }

    return next();
  };
