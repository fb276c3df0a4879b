import type { Core } from '@strapi/strapi';
import { CONTENT_LOCALES } from '../lib/content-types';

const EXPLORER = 'plugin::content-manager.explorer.';
/** Strapi's default roles as it describes them: editors manage and publish all content, authors their own. */
const ROLE_ACTIONS: Record<string, { actions: string[]; conditions: string[] }> = {
  'strapi-editor': { actions: ['create', 'read', 'update', 'delete', 'publish'], conditions: [] },
  'strapi-author': { actions: ['create', 'read', 'update', 'delete'], conditions: ['admin::is-creator'] },
};

/**
 * Strapi creates its Editor and Author roles before the newsroom's content locales exist, so their
 * Content Manager permissions on localized types name no locale (which i18n reads as "no locale at
 * all") and lack delete and publish: an editor could open no article. Once, on the first start,
 * those permissions get every content locale and the missing actions; an administrator who narrows
 * them later is not overruled.
 */
export async function grantRoleLocales(strapi: Core.Strapi, store: { get: (k: string) => Promise<unknown>; set: (k: string, v: unknown) => Promise<void> }): Promise<void> {
  if (await store.get('roleLocalesGranted')) return;
  const localized = Object.values(strapi.contentTypes)
    .filter((ct: any) => ct?.uid?.startsWith('api::') && ct?.pluginOptions?.i18n?.localized === true)
    .map((ct: any) => ({ uid: ct.uid as string, draftAndPublish: ct.options?.draftAndPublish === true }));
  const locales = CONTENT_LOCALES.map((l) => l.code);
  const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: Object.keys(ROLE_ACTIONS) } } });
  for (const role of roles) {
    const { actions, conditions } = ROLE_ACTIONS[role.code]!;
    const existing = await strapi.db.query('admin::permission').findMany({ where: { role: role.id, action: { $startsWith: EXPLORER } } });
    for (const { uid, draftAndPublish } of localized) {
      for (const verb of actions) {
        if (verb === 'publish' && !draftAndPublish) continue;
        const action = `${EXPLORER}${verb}`;
        const permission = existing.find((p: { action: string; subject: string }) => p.action === action && p.subject === uid);
        if (!permission) {
          await strapi.service('admin::permission').createMany([{ action, subject: uid, properties: { locales }, conditions, role: role.id }]);
          continue;
        }
        const properties = (permission.properties ?? {}) as Record<string, unknown>;
        if (properties.locales !== undefined) continue;
        await strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { properties: { ...properties, locales } } });
      }
    }
  }
  if (roles.length > 0) await store.set('roleLocalesGranted', true);
}
