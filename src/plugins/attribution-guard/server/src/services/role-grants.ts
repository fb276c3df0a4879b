import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { DEFAULT_ROLE_GRANTS } from '../permissions';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Grants Strapi's default roles this plugin's actions, once. Called from the app's bootstrap:
   * the admin creates its default roles after the plugins have bootstrapped on a first start.
   * Later edits in the role editor are respected.
   */
  async grantDefaults(): Promise<void> {
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
  },
});
