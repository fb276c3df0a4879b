import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { RULE_IDS, type SourceKind } from '../../../shared/contracts/findings';
import type { AgencyView, SettingsView } from '../../../shared/contracts/admin-api';
import { SOURCE_UID } from '../constants';
import { getService } from '../utils/get-service';
import { documentId, parseInput } from './validate';
import type { Row } from '../utils/row';

const AGENCY_KINDS: SourceKind[] = ['agency', 'wire'];

const aliasesBody = z
  .object({
    aliases: z
      .array(z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'))
      .max(50, 'at most 50 aliases'),
  })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Agencies and wires as their draft (current) rows say, which is what the guard reads. */
  async function agencies(): Promise<AgencyView[]> {
    const rows = await strapi.db.query(SOURCE_UID).findMany({
      where: { kind: { $in: AGENCY_KINDS }, publishedAt: null },
      orderBy: { name: 'asc' },
    });
    return rows.map((row: Row) => ({
      documentId: row.documentId,
      name: row.name,
      shortName: row.shortName ?? null,
      kind: row.kind,
      aliases: Array.isArray(row.aliases) ? row.aliases : [],
    }));
  }

  async function view(): Promise<SettingsView> {
    const settings = getService(strapi, 'settings');
    await settings.load();
    const config = settings.config();
    const origins = settings.origins();
    return {
      rules: RULE_IDS.map((id) => ({ id, ...config.rules[id], origin: origins.rules[id] })),
      placeholderCredits: config.placeholderCredits,
      placeholderCreditsOrigin: origins.placeholderCredits,
      agencies: await agencies(),
    };
  }

  return {
    async find(ctx: Context) {
      ctx.body = { data: await view() };
    },

    /** Saves rule severities, on/off and the placeholder list; a bad value is a 400 naming the field. */
    async update(ctx: Context) {
      await getService(strapi, 'settings').update(ctx.request.body);
      ctx.body = { data: await view() };
    },

    /**
     * An agency's aliases live on its source entry (the guard resolves credits through them), so they
     * are saved there; a source that was published is published again so readers see the same list.
     */
    async updateAgency(ctx: Context) {
      const id = parseInput(documentId, ctx.params.documentId);
      const body = parseInput(aliasesBody, ctx.request.body);
      const sources = strapi.documents(SOURCE_UID);
      // The source type is the app's (configured, not known to this package's types): read as a row.
      const draft: Row | null = await sources.findOne({ documentId: id, status: 'draft' });
      if (!draft) throw new errors.NotFoundError(`No source ${id}.`);
      if (!AGENCY_KINDS.includes(draft.kind)) {
        throw new errors.ValidationError(`${draft.name} is not an agency or wire.`, {
          errors: [{ path: ['documentId'], message: 'Not an agency or wire', name: 'ValidationError' }],
        });
      }
      const wasPublished = await sources.findOne({ documentId: id, status: 'published' });
      const aliases = [...new Set(body.aliases)];
      await sources.update({ documentId: id, data: { aliases } as Row });
      if (wasPublished) await sources.publish({ documentId: id });
      ctx.body = { data: await view() };
    },
  };
};
