import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { entryAccess } from '../utils/entry-access';
import { getService } from '../utils/get-service';
import { assertCanRead } from './check';
import { contentTypeUid, documentId, locale, parseInput } from './validate';

const listQuery = z
  .object({
    contentType: contentTypeUid,
    documentId: documentId,
    locale: locale.optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const query = parseInput(listQuery, ctx.query);
    assertCanRead(ctx, query.contentType);
    const access = entryAccess(strapi, ctx, query.contentType);
    if (query.locale) {
      await access.assert('read', query.documentId, query.locale);
      ctx.body = { data: await getService(strapi, 'records').list(query, query.limit) };
      return;
    }
    // Every locale: only the history of the locales the user may read.
    const locales = await access.locales('read', query.documentId);
    if (locales.size === 0) {
      // No draft the user may read: only a role without conditions sees the history of a deleted entry.
      await access.assert('read', query.documentId);
      ctx.body = { data: await getService(strapi, 'records').list(query, query.limit) };
      return;
    }
    ctx.body = { data: await getService(strapi, 'records').list({ ...query, locales: [...locales] }, query.limit) };
  },
});
