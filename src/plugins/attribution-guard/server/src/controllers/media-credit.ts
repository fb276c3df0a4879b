import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { MediaCreditView } from '../../../shared/contracts/admin-api';
import type { License } from '../../../shared/contracts/findings';
import { SOURCE_UID } from '../constants';
import { placeholderInCredit } from '../text/placeholders';
import { stripCreditPrefix } from '../text/credit';
import { getService } from '../utils/get-service';
import { documentId, parseInput } from './validate';

const LICENSES = ['owned', 'agency', 'editorial-only', 'cc-by', 'cc-by-sa', 'public-domain', 'handout'] as const;

const fileIdParam = z.coerce.number().int().positive();

const creditBody = z
  .object({
    credit: z.string().trim().min(1, 'a credit is required').max(255),
    agency: documentId.nullable().optional(),
    photographer: z.string().trim().max(120).nullable().optional(),
    license: z.enum(LICENSES).nullable().optional(),
  })
  .strict();

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: any) {
    const fileId = parseInput(fileIdParam, ctx.params.fileId);
    const row = await getService(strapi, 'media-credits').get(fileId);
    const view: MediaCreditView = {
      fileId,
      credit: row?.credit ?? null,
      agency: row?.agency ? { documentId: row.agency.documentId, name: row.agency.name } : null,
      photographer: row?.photographer ?? null,
      license: (row?.license as License | undefined) ?? null,
    };
    ctx.body = { data: view };
  },

  /**
   * Credits a media file once for every article that shows it. Whoever may edit media files may
   * credit them; a credit that names no one (網路, unknown …) is refused here rather than stored for reuse.
   */
  async update(ctx: any) {
    if (!ctx.state.userAbility?.can('plugin::upload.assets.update')) {
      throw new errors.ForbiddenError('You may not edit media files.');
    }
    const fileId = parseInput(fileIdParam, ctx.params.fileId);
    const body = parseInput(creditBody, ctx.request.body);

    const config = getService(strapi, 'guard').config();
    if (stripCreditPrefix(body.credit) === '') throw invalid('credit', 'The credit names no one: give the photographer or agency.');
    const placeholder = placeholderInCredit(body.credit, config.placeholderCredits);
    if (placeholder) throw invalid('credit', `“${placeholder}” is a placeholder, not a credit: name the photographer or agency.`);

    if (body.agency) {
      const agency = await strapi.db.query(SOURCE_UID as any).findOne({ where: { documentId: body.agency }, select: ['kind', 'name'] });
      if (!agency) throw invalid('agency', `Agency ${body.agency} does not exist.`);
      if (agency.kind !== 'agency' && agency.kind !== 'wire') throw invalid('agency', `${agency.name} is not an agency or wire.`);
    }

    await getService(strapi, 'media-credits').set(fileId, {
      credit: body.credit,
      ...(body.agency !== undefined ? { agency: body.agency } : {}),
      ...(body.photographer !== undefined ? { photographer: body.photographer || null } : {}),
      ...(body.license !== undefined ? { license: body.license } : {}),
      origin: 'typed',
    });
    const row = await getService(strapi, 'media-credits').get(fileId);
    ctx.body = {
      data: {
        fileId,
        credit: row?.credit ?? null,
        agency: row?.agency ? { documentId: row.agency.documentId, name: row.agency.name } : null,
        photographer: row?.photographer ?? null,
        license: row?.license ?? null,
      } satisfies MediaCreditView,
    };
  },
});
