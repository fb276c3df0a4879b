import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FILE_UID, MEDIA_CREDIT_UID, SOURCE_UID } from '../constants';

export interface MediaCreditInput {
  credit?: string | null;
  /** documentId of a source (kind agency/wire). */
  agency?: string | null;
  photographer?: string | null;
  license?: string | null;
  origin?: 'typed' | 'file-metadata';
}

/** The credit that belongs to a media file: typed once, reused by every article that shows the file. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(fileId: number) {
    return strapi.db.query(MEDIA_CREDIT_UID as any).findOne({ where: { fileId }, populate: { agency: { select: ['documentId', 'name', 'kind'] } } });
  },

  async set(fileId: number, input: MediaCreditInput) {
    const file = await strapi.db.query(FILE_UID as any).findOne({ where: { id: fileId }, select: ['id'] });
    if (!file) throw new errors.NotFoundError(`Media file ${fileId} does not exist.`);

    let agencyId: number | null | undefined;
    if (input.agency !== undefined) {
      if (input.agency === null) agencyId = null;
      else {
        const agency = await strapi.db.query(SOURCE_UID as any).findOne({ where: { documentId: input.agency }, select: ['id'] });
        if (!agency) throw new errors.ValidationError(`Agency ${input.agency} does not exist.`, { errors: [{ path: ['agency'], message: 'Unknown agency', name: 'ValidationError' }] });
        agencyId = agency.id;
      }
    }
    const data: Record<string, unknown> = { origin: input.origin ?? 'typed' };
    for (const key of ['credit', 'photographer', 'license'] as const) if (input[key] !== undefined) data[key] = input[key];
    if (agencyId !== undefined) data.agency = agencyId;

    const existing = await strapi.db.query(MEDIA_CREDIT_UID as any).findOne({ where: { fileId }, select: ['id'] });
    return existing
      ? strapi.db.query(MEDIA_CREDIT_UID as any).update({ where: { id: existing.id }, data })
      : strapi.db.query(MEDIA_CREDIT_UID as any).create({ data: { ...data, fileId } });
  },
});
