import type { Core } from '@strapi/strapi';
import { z } from 'zod';
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
  async list(ctx: any) {
    const query = parseInput(listQuery, ctx.query);
    assertCanRead(ctx, query.contentType);
    const records = await getService(strapi, 'records').list(query, query.limit);
    ctx.body = { data: records };
  },
});
