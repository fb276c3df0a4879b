import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { getService } from '../utils/get-service';
import { contentTypeUid, locale, parseInput } from './validate';
import type { CanRead } from '../services/schedules';

/**
 * What the person asking may read, entry by entry, as the Content Manager decides it (with the
 * role's conditions, such as an Author's "own entries only"). One checker per content type.
 */
export function readerOf(strapi: Core.Strapi, ctx: Context): CanRead {
  const checkers = new Map<string, { cannot: { read: (entity?: unknown) => boolean } }>();
  return (uid, entity) => {
    let checker = checkers.get(uid);
    if (!checker) {
      checker = strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility: ctx.state.userAbility, model: uid }) as { cannot: { read: (entity?: unknown) => boolean } };
      checkers.set(uid, checker);
    }
    return !checker.cannot.read(entity);
  };
}

const listQuery = z
  .object({ view: z.enum(['upcoming', 'embargoed', 'failed', 'recent']), limit: z.coerce.number().int().min(1).max(200).optional() })
  .strict();
const stagesQuery = z
  .object({ contentType: contentTypeUid, locale: locale.optional(), documentIds: z.union([z.string(), z.array(z.string())]) })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const query = parseInput(listQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'schedules').list(query.view, query.limit, readerOf(strapi, ctx)) };
  },

  async stages(ctx: Context) {
    const query = parseInput(stagesQuery, ctx.query);
    if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', query.contentType)) {
      throw new errors.PolicyError(`You may not read ${query.contentType}.`);
    }
    const ids = (Array.isArray(query.documentIds) ? query.documentIds : query.documentIds.split(','))
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 200);
    const loc = query.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    ctx.body = { data: await getService(strapi, 'schedules').stages(query.contentType, ids, loc, readerOf(strapi, ctx)) };
  },

  /** What the admin panel needs to know: which content types the workflow covers, and its defaults. */
  async config(ctx: Context) {
    const { contentTypes, defaultTimezone, maxLatenessMinutes, requireApproval } = getService(strapi, 'settings').config();
    ctx.body = { data: { contentTypes, defaultTimezone, maxLatenessMinutes, requireApproval } };
  },

  /** Active admin users an entry may be assigned to (the admin's own user list needs more rights). */
  async assignees(ctx: Context) {
    const users = await strapi.db.query('admin::user').findMany({
      select: ['id', 'firstname', 'lastname', 'email'],
      where: { isActive: true },
      orderBy: [{ firstname: 'asc' }, { id: 'asc' }],
      limit: 500,
    });
    ctx.body = {
      data: users.map((u: { id: number; firstname?: string | null; lastname?: string | null; email: string }) => ({
        id: u.id,
        name: [u.firstname, u.lastname].filter(Boolean).join(' ') || u.email,
        email: u.email,
      })),
    };
  },
});
