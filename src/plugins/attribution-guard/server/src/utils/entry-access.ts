import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isLocalized } from './localized';
import type { Row } from './row';
import { forbidden } from './forbidden';

/** The Content Manager's populate builder: a factory per content type, not a plain service object. */
type PopulateBuilder = (uid: string) => { populateFromQuery: (query: unknown) => { build: () => Promise<Row> } };
export type EntryAction = 'read' | 'create' | 'update' | 'publish';

const CM_ACTION: Record<EntryAction, string> = {
  read: 'plugin::content-manager.explorer.read',
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
  publish: 'plugin::content-manager.explorer.publish',
};

/**
 * Entry-level permissions, decided the way the Content Manager decides them: with the role's conditions
 * ("own entries only", same role as creator, locales …) evaluated on the entry itself, not only on its
 * type. Whatever the roles say today is what applies, so no role is named here.
 */
export function entryAccess(strapi: Core.Strapi, ctx: Context, uid: string) {
  const userAbility = ctx.state?.userAbility;
  if (!userAbility) throw forbidden('Not signed in to the admin.');
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid });
  const localized = isLocalized(strapi, uid);

  /** Loads drafts with whatever the conditions read (createdBy, its roles …), as the Content Manager does. */
  async function drafts(action: EntryAction, documentIds: string[], locale?: string): Promise<Row[]> {
    if (documentIds.length === 0) return [];
    const permissionQuery = await checker.sanitizedQuery({}, CM_ACTION[action]);
    const populate = await (strapi.plugin('content-manager').service('populate-builder') as unknown as PopulateBuilder)(uid)
      .populateFromQuery(permissionQuery)
      .build();
    const where: Row = { documentId: { $in: [...new Set(documentIds)] }, publishedAt: null };
    if (localized && locale) where.locale = locale;
    return strapi.db.query(uid).findMany({ where, populate: toDbPopulate(populate) });
  }

  const allowed = (action: EntryAction, entry: Row): boolean => !checker.cannot(CM_ACTION[action], entry);

  return {
    /** The type-level check: may this user do `action` on any entry of the type at all. */
    canAny: (action: EntryAction): boolean => !checker.cannot(CM_ACTION[action]),

    /**
     * Refuses unless the user may `action` the draft of `documentId` in `locale` (every locale when none
     * is given). With no such draft, `whenMissing` decides: `deny` judges it as an entry nobody created
     * (a role limited to its own entries is refused, one without conditions is not); `create` asks whether
     * the user may create it, as the entry this user would then have created.
     * Returns the drafts found.
     */
    async assert(
      action: EntryAction,
      documentId: string,
      locale?: string,
      options: { whenMissing?: 'deny' | 'create' } = {},
    ): Promise<Row[]> {
      if (!checker.can(CM_ACTION[action])) throw refusal(action, uid);
      const rows = await drafts(action, [documentId], locale);
      if (rows.length > 0) {
        if (!rows.every((row) => allowed(action, row))) throw refusal(action, uid);
        return rows;
      }
      const bare = { documentId, ...(locale ? { locale } : {}) };
      if (options.whenMissing === 'create') {
        const user = ctx.state?.user as { id: number; roles?: unknown[] } | undefined;
        if (!user || !allowed('create', { ...bare, createdBy: { id: user.id, roles: user.roles ?? [] } })) throw refusal('create', uid);
      } else if (!allowed(action, bare)) {
        throw refusal(action, uid);
      }
      return rows;
    },

    /** The locales of `documentId` whose drafts the user may `action`. */
    async locales(action: EntryAction, documentId: string): Promise<Set<string>> {
      if (!checker.can(CM_ACTION[action])) return new Set();
      const rows = await drafts(action, [documentId]);
      return new Set(rows.filter((row) => allowed(action, row)).map((row) => String(row.locale ?? '')));
    },

    /** The documentIds among `documentIds` the user may `action` in `locale`; the others are left out. */
    async filter(action: EntryAction, documentIds: string[], locale?: string): Promise<Set<string>> {
      if (!checker.can(CM_ACTION[action])) return new Set();
      const rows = await drafts(action, documentIds, locale);
      const denied = new Set(rows.filter((row) => !allowed(action, row)).map((row) => row.documentId as string));
      const found = new Set(rows.map((row) => row.documentId as string));
      // Ids with no draft are judged like `assert` does: only roles without conditions see them.
      return new Set(
        documentIds.filter((id) => (found.has(id) ? !denied.has(id) : allowed(action, { documentId: id, ...(locale ? { locale } : {}) }))),
      );
    },
  };
}

/** The Content Manager's populate (`{ createdBy: { populate: { roles: {} } } }`) in the query engine's form. */
function toDbPopulate(populate: unknown): Row | undefined {
  if (!populate || typeof populate !== 'object') return undefined;
  const out: Row = {};
  for (const [key, value] of Object.entries(populate as Row)) {
    if (key === 'count') continue;
    const nested = value && typeof value === 'object' ? toDbPopulate((value as Row).populate) : undefined;
    out[key] = nested && Object.keys(nested).length > 0 ? { populate: nested } : true;
  }
  return out;
}

function refusal(action: EntryAction, uid: string): errors.PolicyError {
  return forbidden(`You may not ${action} this ${uid.split('.').pop()}.`);
}
