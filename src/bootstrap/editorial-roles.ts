import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES } from '../lib/content-types';

type Store = { get: (k: string) => Promise<unknown>; set: (k: string, v: unknown) => Promise<void> };
interface PermissionRow {
  id: number;
  action: string;
  subject: string | null;
  properties: { fields?: string[]; locales?: string[] | null } | null;
}

const CM = 'plugin::content-manager.explorer';
/** What Strapi means its default roles to do: Editors manage and publish everything, Authors manage their own. */
const ROLE_ACTIONS: Record<string, { actions: string[]; conditions: string[] }> = {
  'strapi-editor': { actions: ['create', 'read', 'update', 'delete', 'publish'], conditions: [] },
  'strapi-author': { actions: ['create', 'read', 'update', 'delete'], conditions: ['admin::is-creator'] },
};

/**
 * Strapi creates its Editor and Author roles before the newsroom's content locales exist, and their
 * permissions on localized types then name no locale: an Editor would see no article and could publish
 * nothing. Once per database, each such permission gets every content locale and missing ones are
 * added. Nothing is removed, so an administrator's later changes in the role editor stand.
 */
export async function ensureEditorialRoles(strapi: Core.Strapi, store: Store): Promise<void> {
  await ensurePluginGrants(strapi, store);
  await ensureEditorialBaseline(strapi, store);
  await ensureNewsroomAuthors(strapi, store);
}

async function ensureEditorialBaseline(strapi: Core.Strapi, store: Store): Promise<void> {
  if (await store.get('editorialRolesSet')) return;
  const locales = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((l) => l.code);
  const permissions = strapi.service('admin::permission');
  const { actionProvider } = permissions;
  const fieldsOf = (uid: string): string[] =>
    (strapi
      .service('admin::content-type')
      .getNestedFields(strapi.contentTypes[uid as keyof typeof strapi.contentTypes], { components: strapi.components }) as string[]) ?? [];

  for (const [code, grant] of Object.entries(ROLE_ACTIONS)) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) continue;
    const existing = (await strapi.db
      .query('admin::permission')
      .findMany({ where: { role: role.id, action: { $startsWith: `${CM}.` } } })) as PermissionRow[];

    const toCreate: Array<Record<string, unknown>> = [];
    for (const uid of PUBLIC_CONTENT_TYPES) {
      const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as { options?: { draftAndPublish?: boolean } };
      for (const verb of grant.actions) {
        if (verb === 'publish' && !model.options?.draftAndPublish) continue;
        const action = `${CM}.${verb}`;
        const withLocales = await actionProvider.appliesToProperty('locales', action, uid);
        const withFields = await actionProvider.appliesToProperty('fields', action, uid);
        const found = existing.find((p) => p.action === action && p.subject === uid);
        if (found) {
          const props = found.properties ?? {};
          if (withLocales && (!Array.isArray(props.locales) || props.locales.length === 0) && props.locales !== null) {
            await strapi.db.query('admin::permission').update({ where: { id: found.id }, data: { properties: { ...props, locales } } });
          }
          continue;
        }
        toCreate.push({
          action,
          subject: uid,
          properties: { ...(withFields ? { fields: fieldsOf(uid) } : {}), ...(withLocales ? { locales } : {}) },
          conditions: grant.conditions,
          role: role.id,
        });
      }
    }
    if (toCreate.length > 0) await permissions.createMany(toCreate);
  }
  await store.set('editorialRolesSet', true);
}

/**
 * Plugin actions added after a database was first set up. Each grant is applied once per database, new or
 * existing (remembered by its own key), so an administrator who later takes it away in the role editor
 * is not overruled at the next start.
 */
const PLUGIN_GRANTS: Array<{ key: string; action: string; roles: string[] }> = [
  // Changing the credit of a photo on a live story is an editor's decision, recorded in its history.
  { key: 'grant:attribution-guard.credit.live', action: 'plugin::attribution-guard.credit.live', roles: ['strapi-editor'] },
  // Unpublishing or deleting a record live stories show, with a reason; the stories are re-checked.
  { key: 'grant:attribution-guard.dependents.override', action: 'plugin::attribution-guard.dependents.override', roles: ['strapi-editor'] },
];

async function ensurePluginGrants(strapi: Core.Strapi, store: Store): Promise<void> {
  for (const grant of PLUGIN_GRANTS) {
    if (await store.get(grant.key)) continue;
    if (!strapi.service('admin::permission').actionProvider.get(grant.action)) continue;
    for (const code of grant.roles) {
      const role = await strapi.db.query('admin::role').findOne({ where: { code } });
      if (!role) continue;
      const has = await strapi.db.query('admin::permission').count({ where: { role: role.id, action: grant.action } });
      if (!has)
        await strapi
          .service('admin::permission')
          .createMany([{ action: grant.action, subject: null, properties: {}, conditions: [], role: role.id }]);
    }
    await store.set(grant.key, true);
  }
}

const RECORD_TYPES = ['api::author.author', 'api::source.source'];
const AUTHOR_READS_ALL = [...PUBLIC_CONTENT_TYPES];

/**
 * A writer in a newsroom reads every story and every byline, outlet and pull-quote record, and picks
 * any of them; they write and edit only their own drafts. Strapi's Author role reads only what its
 * user created, so an Author saw no story and no author or outlet to pick. Applied once per database,
 * new or existing (its own key): reads and the media library lose the "own entries" condition, and the
 * Author's create/update/delete on author and outlet records are withdrawn (those are the desk's).
 * Stories and pull-quotes keep "own entries only" for update and delete; publishing stays the Editor's.
 */
async function ensureNewsroomAuthors(strapi: Core.Strapi, store: Store): Promise<void> {
  const key = 'roles:newsroom-author-v1';
  if (await store.get(key)) return;
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
  if (role) {
    const rows = (await strapi.db.query('admin::permission').findMany({ where: { role: role.id } })) as Array<
      PermissionRow & { conditions: string[] }
    >;
    const readsAll = rows.filter(
      (p) => (p.action === `${CM}.read` && AUTHOR_READS_ALL.includes(p.subject as never)) || p.action === 'plugin::upload.read',
    );
    for (const row of readsAll) {
      if ((row.conditions ?? []).length > 0)
        await strapi.db.query('admin::permission').update({ where: { id: row.id }, data: { conditions: [] } });
    }
    const withdrawn = rows.filter(
      (p) => RECORD_TYPES.includes(p.subject ?? '') && [`${CM}.create`, `${CM}.update`, `${CM}.delete`, `${CM}.publish`].includes(p.action),
    );
    if (withdrawn.length > 0) await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: withdrawn.map((p) => p.id) } } });
  }
  await store.set(key, true);
}
