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
  if (await store.get('editorialRolesSet')) return;
  const locales = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((l) => l.code);
  const permissions = strapi.service('admin::permission');
  const { actionProvider } = permissions;
  const fieldsOf = (uid: string): string[] =>
    (strapi.service('admin::content-type').getNestedFields(strapi.contentTypes[uid as keyof typeof strapi.contentTypes], { components: strapi.components }) as string[]) ?? [];

  for (const [code, grant] of Object.entries(ROLE_ACTIONS)) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) continue;
    const existing = (await strapi.db.query('admin::permission').findMany({ where: { role: role.id, action: { $startsWith: `${CM}.` } } })) as PermissionRow[];

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
 * Plugin actions Editors hold beyond what the plugins grant on a new database: unpublishing or deleting
 * a record live stories show, with a reason. Each action is granted once per database (databases made
 * before the action existed included), so an administrator's later removal in the role editor stands.
 */
const EDITOR_PLUGIN_ACTIONS = ['plugin::attribution-guard.dependents.override'];

export async function ensureEditorPluginActions(strapi: Core.Strapi, store: Store): Promise<void> {
  const granted = ((await store.get('editorPluginActionsGranted')) ?? []) as string[];
  const todo = EDITOR_PLUGIN_ACTIONS.filter((action) => !granted.includes(action));
  if (todo.length === 0) return;
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  if (!role) return;
  const have = new Set(((await strapi.db.query('admin::permission').findMany({ where: { role: role.id, action: { $in: todo } } })) as PermissionRow[]).map((p) => p.action));
  const missing = todo.filter((action) => !have.has(action));
  if (missing.length > 0) await strapi.service('admin::permission').createMany(missing.map((action) => ({ action, subject: null, properties: {}, conditions: [], role: role.id })));
  await store.set('editorPluginActionsGranted', [...granted, ...todo]);
}
