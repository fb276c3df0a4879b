import type { Context } from 'koa';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { entryAccess } from '../utils/entry-access';
import { getService } from '../utils/get-service';
import { contentTypeUid, documentId, locale, parseInput } from './validate';
import { forbidden } from '../utils/forbidden';

const overrideBody = z
  .object({
    contentType: contentTypeUid,
    documentId,
    locale: locale.optional(),
    reason: z.string().trim().min(10, 'write a reason of at least 10 characters').max(2000),
  })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Publishes past overridable errors. The route already requires the override permission; the user
   * must also be allowed to publish this content type. Non-overridable errors still block.
   */
  async publish(ctx: Context) {
    const body = parseInput(overrideBody, ctx.request.body);
    if (!getService(strapi, 'guard').guards(body.contentType)) {
      throw new errors.ValidationError(`${body.contentType} is not checked by the attribution guard.`, {
        errors: [{ path: ['contentType'], message: 'Not a guarded content type', name: 'ValidationError' }],
      });
    }
    if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.publish', body.contentType)) {
      throw forbidden(`You may not publish ${body.contentType}.`);
    }
    const user = ctx.state.user as { id: number; email: string };
    const loc = body.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    // The Content Manager's own publish checks the entry; the override must not be a way around that.
    await entryAccess(strapi, ctx, body.contentType).assert('publish', body.documentId, loc);
    const result = await getService(strapi, 'publish-context').withOverride(
      { reason: body.reason, actor: { type: 'admin', id: user.id, name: user.email } },
      () => strapi.documents(body.contentType as UID.ContentType).publish({ documentId: body.documentId, locale: loc }),
    );
    if (!result?.entries?.length) throw new errors.NotFoundError(`No draft of ${body.documentId} in ${loc} to publish.`);
    ctx.body = { data: { documentId: body.documentId, locale: loc, publishedAt: result.entries[0]?.publishedAt } };
  },
});
