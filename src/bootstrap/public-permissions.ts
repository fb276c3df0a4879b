import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES } from '../lib/content-types';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/**
 * Lets the Public role read the four newsroom types (find, findOne). Granted once, on the first
 * start: an administrator who later withdraws a permission is not overruled at the next restart.
 */
export async function grantPublicRead(
  strapi: Core.Strapi,
  store: { get: (k: string) => Promise<unknown>; set: (k: string, v: unknown) => Promise<void> },
): Promise<void> {
  if (await store.get('publicReadGranted')) return;
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  if (!role) return;

  for (const uid of PUBLIC_CONTENT_TYPES) {
    for (const verb of ['find', 'findOne']) {
      const action = `${uid}.${verb}`;
      const exists = await strapi.db.query(PERMISSION_UID).findOne({ where: { action, role: role.id } });
      if (!exists) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
  await store.set('publicReadGranted', true);
}
