import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { DEFAULT_ROLE_GRANTS, PERMISSION_ACTIONS } from './permissions';

/** Grants the default roles their actions once; later edits in the role editor are respected. */
async function grantDefaultRoles(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  if (await store.get({ key: 'rolesGranted' })) return;
  for (const [code, actions] of Object.entries(DEFAULT_ROLE_GRANTS)) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) continue;
    const existing = await strapi.db.query('admin::permission').findMany({ where: { role: role.id, action: { $startsWith: `plugin::${PLUGIN_ID}.` } } });
    const have = new Set(existing.map((p: { action: string }) => p.action));
    const missing = actions.map((a) => `plugin::${PLUGIN_ID}.${a}`).filter((a) => !have.has(a));
    if (missing.length) {
      await strapi.service('admin::permission').createMany(missing.map((action) => ({ action, subject: null, properties: {}, conditions: [], role: role.id })));
    }
  }
  await store.set({ key: 'rolesGranted', value: true });
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  await grantDefaultRoles(strapi);
};

export default bootstrap;
