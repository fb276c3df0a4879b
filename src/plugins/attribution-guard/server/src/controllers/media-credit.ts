import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { ACTIONS, SOURCE_UID } from '../constants';
import { placeholderInCredit } from '../../../shared/text/placeholders';
import { stripCreditPrefix } from '../../../shared/text/credit';
import { containsMarkup } from '../../../shared/text/markup';
import { assertFileAccess, UPLOAD_ACTIONS } from '../utils/file-access';
import { getService } from '../utils/get-service';
import { creditView, describeCreditChange } from '../text/credit-change';
import { typedCreditUpdate } from '../utils/credit-origins';
import { documentId, parseInput } from './validate';

const LICENSES = ['owned', 'agency', 'editorial-only', 'cc-by', 'cc-by-sa', 'public-domain', 'handout'] as const;

const fileIdParam = z.coerce.number().int().positive();
const PLAIN_NAME = 'a name only, without < > or HTML';

const creditBody = z
  .object({
    credit: z
      .string()
      .trim()
      .min(1, 'a credit is required')
      .max(255)
      .refine((v) => !containsMarkup(v), PLAIN_NAME),
    agency: documentId.nullable().optional(),
    photographer: z
      .string()
      .trim()
      .max(120)
      .refine((v) => !containsMarkup(v), PLAIN_NAME)
      .nullable()
      .optional(),
    license: z.enum(LICENSES).nullable().optional(),
  })
  .strict();

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: Context) {
    const fileId = parseInput(fileIdParam, ctx.params.fileId);
    // The credit is read from the file as the Media Library would show it: only to who may see the file.
    await assertFileAccess(strapi, ctx, UPLOAD_ACTIONS.read, fileId);
    const row = await getService(strapi, 'media-credits').get(fileId);
    ctx.body = { data: creditView(fileId, row) };
  },

  /**
   * Credits a media file once for every article that shows it. Whoever may edit media files may
   * credit them; a credit that names no one (網路, unknown …) is refused here rather than stored for reuse.
   * The user must be allowed to edit this very file in the Media Library, and a file that a published story
   * shows is re-credited only with the live-credit permission; that change goes into each story's history.
   */
  async update(ctx: Context) {
    const fileId = parseInput(fileIdParam, ctx.params.fileId);
    const body = parseInput(creditBody, ctx.request.body);
    const file = await assertFileAccess(strapi, ctx, UPLOAD_ACTIONS.update, fileId);

    const config = getService(strapi, 'guard').config();
    if (stripCreditPrefix(body.credit) === '') throw invalid('credit', 'The credit names no one: give the photographer or agency.');
    const placeholder = placeholderInCredit(body.credit, config.placeholderCredits);
    if (placeholder) throw invalid('credit', `“${placeholder}” is a placeholder, not a credit: name the photographer or agency.`);

    if (body.agency) {
      const agency = await strapi.db.query(SOURCE_UID).findOne({ where: { documentId: body.agency }, select: ['kind', 'name'] });
      if (!agency) throw invalid('agency', `Agency ${body.agency} does not exist.`);
      if (agency.kind !== 'agency' && agency.kind !== 'wire') throw invalid('agency', `${agency.name} is not an agency or wire.`);
    }

    const live = await getService(strapi, 'file-usage').liveUsages(fileId);
    if (live.length > 0 && !ctx.state.userAbility?.can(ACTIONS.creditLive)) {
      // A PolicyError, not a ForbiddenError: Strapi replaces a controller's ForbiddenError by a bare
      // "Forbidden", and the admin needs the code and the stories to explain the refusal.
      throw new errors.PolicyError(
        `This photo is shown on ${live.length} published ${live.length === 1 ? 'story' : 'stories'}: ask an editor to change its credit.`,
        {
          code: 'credit.live',
          stories: live.map((usage) => ({ documentId: usage.documentId, locale: usage.locale, title: usage.title })),
        },
      );
    }
    const stored = await getService(strapi, 'media-credits').get(fileId);
    const before = creditView(fileId, stored);

    await getService(strapi, 'media-credits').set(fileId, typedCreditUpdate(stored, body));
    const after = creditView(fileId, await getService(strapi, 'media-credits').get(fileId));
    if (live.length > 0) {
      const user = ctx.state.user as { id: number; email: string };
      const change = { fileId, fileName: (file.name as string | undefined) ?? null, before, after };
      for (const usage of live) {
        await getService(strapi, 'records').write({
          contentType: usage.contentType,
          documentId: usage.documentId,
          locale: usage.locale ?? '',
          outcome: 'credit-changed',
          actor: { type: 'admin', id: user.id, name: user.email },
          findings: [],
          reason: describeCreditChange(change),
          change,
        });
      }
    }
    ctx.body = { data: after };
  },
});
