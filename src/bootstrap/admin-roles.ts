import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES } from '../lib/content-types';

const CM = 'plugin::content-manager.explorer';
type Permission = { action: string; subject: string | null; properties: Record<string, unknown>; conditions: string[] };

/**
 * Fits Strapi's default Editor and Author roles to the newsroom, once: their content permissions
 * cover every content locale (the roles are made on first start, before the newsroom's locales
 * exist, and a localized permission without locales allows none), and Editors may also publish
 * and delete. Authors never publish. Later edits in the role editor are respected.
 */
export async function configureNewsroomRoles(strapi: Core.Strapi, store: { get: (k: string) => Promise<unknown>; set: (k: string, v: unknown) => Promise<void> }): Promise<void> {
  if (await store.get('newsroomRolesConfigured')) return;
  const locales = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((l) => l.code);
  const localized = (uid: string) => (strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized === true;

  for (const [code, extraActions] of [
    ['strapi-editor', ['delete', 'publish']],
    ['strapi-author', []],
  ] as const) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) continue;
    const current = (await strapi.db.query('admin::permission').findMany({ where: { role: role.id } })) as Permission[];
    const next: Permission[] = current.map(({ action, subject, properties, conditions }) => ({
      action,
      subject,
      conditions: conditions ?? [],
      properties: subject && action.startsWith(CM) && localized(subject) ? { ...properties, locales } : properties ?? {},
    }));
    for (const uid of PUBLIC_CONTENT_TYPES) {
      for (const verb of extraActions) {
        const action = `${CM}.${verb}`;
        if (!next.some((p) => p.action === action && p.subject === uid)) {
          next.push({ action, subject: uid, conditions: [], properties: localized(uid) ? { locales } : {} });
        }
      }
    }
    await strapi.service('admin::role').assignPermissions(role.id, next);
  }
  await store.set('newsroomRolesConfigured', true);
}
