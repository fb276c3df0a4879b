import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { DEFAULT_ROLE_GRANTS, PERMISSION_ACTIONS } from './permissions';
import { getService } from './utils/get-service';

const GRANTED_KEY = 'defaultRoleGrants';

/**
 * Grants one default role its actions, once per database; later edits in the role editor are respected.
 * Roles granted are remembered by code, so a role created later still gets its grant.
 */
async function grantRole(strapi: Core.Strapi, role: { id: number; code: string }): Promise<void> {
  const actions = DEFAULT_ROLE_GRANTS[role.code];
  if (!actions) return;
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const granted = ((await store.get({ key: GRANTED_KEY })) ?? []) as string[];
  if (granted.includes(role.code)) return;

  const existing = await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: role.id, action: { $startsWith: `plugin::${PLUGIN_ID}.` } } });
  const have = new Set(existing.map((p: { action: string }) => p.action));
  const missing = actions.map((a) => `plugin::${PLUGIN_ID}.${a}`).filter((a) => !have.has(a));
  if (missing.length) {
    await strapi
      .service('admin::permission')
      .createMany(missing.map((action) => ({ action, subject: null, properties: {}, conditions: [], role: role.id })));
  }
  await store.set({ key: GRANTED_KEY, value: [...granted, role.code] });
}

/**
 * Strapi creates its default roles in the admin's own bootstrap, which runs after the plugins' on a new
 * database. Roles that exist now are granted at once; the others when Strapi creates them.
 */
async function grantDefaultRoles(strapi: Core.Strapi): Promise<void> {
  strapi.db.lifecycles.subscribe({
    models: ['admin::role'],
    async afterCreate(event: { result?: { id: number; code: string } }) {
      if (event.result?.code && DEFAULT_ROLE_GRANTS[event.result.code]) await grantRole(strapi, event.result);
    },
  });
  const roles = await strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $in: Object.keys(DEFAULT_ROLE_GRANTS) } }, select: ['id', 'code'] });
  for (const role of roles) await grantRole(strapi, role);
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  await grantDefaultRoles(strapi);
  await getService(strapi, 'settings').load();
};

export default bootstrap;
