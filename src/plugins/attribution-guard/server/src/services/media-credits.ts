import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FILE_UID, MEDIA_CREDIT_UID, SOURCE_UID } from '../constants';
import { fileCreditUpdate, type FileCreditValues, type MediaCreditInput } from '../utils/credit-origins';

export type { MediaCreditInput } from '../utils/credit-origins';

const VALUES = ['credit', 'photographer', 'license', 'copyright', 'usageTerms', 'webStatement', 'licensor', 'licensorUrl'] as const;

/** The credit that belongs to a media file: typed once, reused by every article that shows the file. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    async get(fileId: number) {
      return strapi.db
        .query(MEDIA_CREDIT_UID)
        .findOne({ where: { fileId }, populate: { agency: { select: ['documentId', 'name', 'kind'] } } });
    },

    /**
     * Stores what an uploaded or replacing file says about itself (null: nothing), keeping what an
     * editor typed (see `fileCreditUpdate`).
     */
    async fromFile(fileId: number, file: FileCreditValues | null) {
      const input = fileCreditUpdate(await service.get(fileId), file);
      return input ? service.set(fileId, input) : null;
    },

    /** Writes the given fields; `origin` applies to the credit and agency, photographer and licence among them. */
    async set(fileId: number, input: MediaCreditInput) {
      const file = await strapi.db.query(FILE_UID).findOne({ where: { id: fileId }, select: ['id'] });
      if (!file) throw new errors.NotFoundError(`Media file ${fileId} does not exist.`);

      let agencyId: number | null | undefined;
      if (input.agency !== undefined) {
        if (input.agency === null) agencyId = null;
        else {
          const agency = await strapi.db.query(SOURCE_UID).findOne({ where: { documentId: input.agency }, select: ['id'] });
          if (!agency)
            throw new errors.ValidationError(`Agency ${input.agency} does not exist.`, {
              errors: [{ path: ['agency'], message: 'Unknown agency', name: 'ValidationError' }],
            });
          agencyId = agency.id;
        }
      }
      const origin = input.origin ?? 'typed';
      const data: Record<string, unknown> = {};
      for (const key of VALUES) if (input[key] !== undefined) data[key] = input[key];
      if (agencyId !== undefined) data.agency = agencyId;
      if (input.credit !== undefined || input.agency !== undefined) data.origin = origin;
      if (input.photographer !== undefined) data.photographerOrigin = origin;
      if (input.license !== undefined) data.licenseOrigin = origin;

      const existing = await strapi.db.query(MEDIA_CREDIT_UID).findOne({ where: { fileId }, select: ['id'] });
      return existing
        ? strapi.db.query(MEDIA_CREDIT_UID).update({ where: { id: existing.id }, data })
        : strapi.db.query(MEDIA_CREDIT_UID).create({ data: { ...data, fileId } });
    },
  };
  return service;
};
