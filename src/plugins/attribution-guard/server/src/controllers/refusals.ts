import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { RecordedFinding } from '../../../shared/contracts/gates';
import { entryAccess } from '../utils/entry-access';
import { getService } from '../utils/get-service';
import { assertCanRead } from './check';
import { contentTypeUid, documentId, locale, parseInput } from './validate';

const refusalBody = z
  .object({
    contentType: contentTypeUid,
    documentId: documentId,
    locale: locale.optional(),
    /** The form as it was when Publish was pressed. */
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/**
 * A Publish the admin's pre-check stopped never reaches the publish gate, so it would leave no trace.
 * The admin reports it here; the server checks the same form again and records its own findings and
 * every other gate's reasons, never what the browser says they were.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const body = parseInput(refusalBody, ctx.request.body);
    const guard = getService(strapi, 'guard');
    if (!guard.guards(body.contentType)) {
      throw new errors.ValidationError(`${body.contentType} is not checked by the attribution guard.`, {
        errors: [{ path: ['contentType'], message: 'Not a guarded content type', name: 'ValidationError' }],
      });
    }
    assertCanRead(ctx, body.contentType);
    const loc = body.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    // Reporting a refused Publish writes to the story's history: only someone who may edit the story may.
    await entryAccess(strapi, ctx, body.contentType).assert('update', body.documentId, loc);

    const result = await getService(strapi, 'preview').check(body.contentType, {
      documentId: body.documentId,
      locale: loc,
      data: body.data,
    });
    if (!result) throw new errors.NotFoundError(`No draft of ${body.documentId} in ${loc}.`);
    const findings: RecordedFinding[] = [...result.gates.reasons, ...result.findings];
    if (result.errors === 0 && result.gates.reasons.length === 0) {
      throw new errors.ValidationError('Nothing stops this publish now: publish it instead.', {
        errors: [{ path: ['documentId'], message: 'Nothing stops this publish now', name: 'ValidationError' }],
      });
    }
    const user = ctx.state.user as { id: number; email: string };
    const records = getService(strapi, 'records');
    await records.write({
      contentType: body.contentType,
      documentId: body.documentId,
      locale: loc,
      outcome: 'blocked',
      actor: { type: 'admin', id: user.id, name: user.email },
      findings,
    });
    ctx.status = 201;
    ctx.body = { data: { findings } };
  },
});
