import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { StatusResponse } from '../../../shared/contracts/admin-api';
import { entryAccess } from '../utils/entry-access';
import { getService } from '../utils/get-service';
import { assertCanRead } from './check';
import { contentTypeUid, documentId, locale, parseInput } from './validate';

const statusBody = z
  .object({
    contentType: contentTypeUid,
    locale: locale.optional(),
    // One list page at most: the Content Manager shows up to 100 rows.
    documentIds: z.array(documentId).min(1).max(100),
  })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The check state of each listed draft, for the list view's column. Unguarded types answer null for each. */
  async status(ctx: Context) {
    const body = parseInput(statusBody, ctx.request.body);
    assertCanRead(ctx, body.contentType);
    const guard = getService(strapi, 'guard');
    await guard.refresh();
    const data: StatusResponse = {};
    if (!guard.guards(body.contentType)) {
      for (const id of body.documentIds) data[id] = null;
      ctx.body = { data };
      return;
    }
    const loc = body.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    // Entries the user may not read answer null, exactly like ids that do not exist.
    const readable = await entryAccess(strapi, ctx, body.contentType).filter('read', body.documentIds, loc);
    for (const id of new Set(body.documentIds)) {
      if (!readable.has(id)) {
        data[id] = null;
        continue;
      }
      const result = await guard.checkDraft(body.contentType, id, loc);
      data[id] = result ? { ok: result.ok, errors: result.errors, warnings: result.warnings } : null;
    }
    ctx.body = { data };
  },
});
