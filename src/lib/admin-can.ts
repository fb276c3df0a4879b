import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Row } from './row';

// PolicyError is Strapi's 403 that keeps its message; a plain ForbiddenError reaches the client as "Forbidden".
const forbidden = (message: string) => new errors.PolicyError(message);

/** Refuses an admin request whose user may not perform a Content Manager action on a content type. */
export function assertAdminCan(
  ctx: { state?: { userAbility?: { can: (action: string, subject?: string) => boolean } } },
  action: string,
  uid: string,
): void {
  const ability = ctx.state?.userAbility;
  if (!ability || !ability.can(action, uid)) throw forbidden(`You may not ${action.split('.').pop()} ${uid.split('.').pop()}s.`);
}

/** The Content Manager's populate builder: a factory per content type, not a plain service object. */
type PopulateBuilder = (uid: string) => { populateFromQuery: (query: unknown) => { build: () => Promise<Row> } };
interface EntryCtx {
  state?: { userAbility?: unknown; user?: { id: number; roles?: unknown[] } };
}

/**
 * Refuses an admin request whose user may not perform a Content Manager action on one entry: the draft
 * of `documentId` in `locale`. The role's conditions ("own entries only" and the like) are evaluated on
 * that entry with the Content Manager's own permission checker, after loading what they read (the
 * creator and the creator's roles), so the rule is whatever the role editor says.
 * With no such draft, `whenMissing: 'create'` asks whether the user may create it (as its creator);
 * `allow` lets it pass (the caller checked another entry); otherwise it is judged as an entry nobody
 * created, which only a role without conditions may touch.
 * Returns the draft, or null when there is none.
 */
export async function assertAdminCanEntry(
  strapi: Core.Strapi,
  ctx: EntryCtx,
  action: 'read' | 'create' | 'update' | 'delete' | 'publish',
  uid: string,
  target: { documentId: string; locale: string; whenMissing?: 'deny' | 'create' | 'allow' },
): Promise<Row | null> {
  const userAbility = ctx.state?.userAbility;
  if (!userAbility) throw forbidden('Not signed in to the admin.');
  const fullAction = `plugin::content-manager.explorer.${action}`;
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid });
  const refuse = (verb: string) => forbidden(`You may not ${verb} this ${uid.split('.').pop()} (${target.locale}).`);
  if (checker.cannot(fullAction)) throw refuse(action);

  const permissionQuery = await checker.sanitizedQuery({}, fullAction);
  const populate = await (strapi.plugin('content-manager').service('populate-builder') as unknown as PopulateBuilder)(uid)
    .populateFromQuery(permissionQuery)
    .build();
  const draft: Row | null = await strapi
    .documents(uid as UID.ContentType)
    .findOne({ documentId: target.documentId, locale: target.locale, status: 'draft', populate });
  if (draft) {
    if (checker.cannot(fullAction, draft)) throw refuse(action);
    return draft;
  }
  const bare = { documentId: target.documentId, locale: target.locale };
  if (target.whenMissing === 'allow') return null;
  if (target.whenMissing === 'create') {
    const user = ctx.state?.user;
    if (
      !user ||
      checker.cannot('plugin::content-manager.explorer.create', { ...bare, createdBy: { id: user.id, roles: user.roles ?? [] } })
    )
      throw refuse('create');
  } else if (checker.cannot(fullAction, bare)) {
    throw refuse(action);
  }
  return null;
}
