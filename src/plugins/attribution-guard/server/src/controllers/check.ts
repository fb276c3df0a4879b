import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { entryAccess } from '../utils/entry-access';
import { getService } from '../utils/get-service';
import { contentTypeUid, documentId, locale, parseInput } from './validate';
import { forbidden } from '../utils/forbidden';

const checkBody = z
  .object({
    contentType: contentTypeUid,
    documentId: documentId.optional(),
    locale: locale.optional(),
    /** The form as it is now, unsaved edits included; relations by documentId, media by file id. */
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((body) => body.documentId || body.data, { message: 'give a documentId, form data, or both', path: ['documentId'] });

/** The admin user may read this content type in the Content Manager. */
export function assertCanRead(ctx: Context, uid: string): void {
  if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', uid)) {
    throw forbidden(`You may not read ${uid}.`);
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: Context) {
    const body = parseInput(checkBody, ctx.request.body);
    const guard = getService(strapi, 'guard');
    if (!guard.guards(body.contentType))
      throw new errors.ValidationError(`${body.contentType} is not checked by the attribution guard.`, {
        errors: [{ path: ['contentType'], message: 'Not a guarded content type', name: 'ValidationError' }],
      });
    assertCanRead(ctx, body.contentType);

    const loc = body.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    // A saved article is checked only by someone who may read that entry; a form for a locale not yet
    // saved, only by someone who may create it.
    if (body.documentId)
      await entryAccess(strapi, ctx, body.contentType).assert('read', body.documentId, loc, { whenMissing: body.data ? 'create' : 'deny' });
    // The findings, plus what the side panel shows beside them (byline, images, pull-quotes).
    const result = await getService(strapi, 'preview').check(body.contentType, {
      documentId: body.documentId,
      locale: loc,
      data: body.data,
    });
    if (!result) throw new errors.NotFoundError(`No draft of ${body.documentId} in ${loc}.`);
    ctx.body = { data: result };
  },
});
