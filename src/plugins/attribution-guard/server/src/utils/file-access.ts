import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import type { Row } from './row';
import { errors } from '@strapi/utils';
import { FILE_UID } from '../constants';
import { forbidden } from './forbidden';

export const UPLOAD_ACTIONS = { read: 'plugin::upload.read', update: 'plugin::upload.assets.update' } as const;

/**
 * Whether the admin user may `action` one media file, decided as the Media Library decides it: the
 * role's conditions ("own files only" …) are evaluated on the file with its creator and the creator's
 * roles loaded. A file that does not exist is a 404.
 */
export async function assertFileAccess(strapi: Core.Strapi, ctx: Context, action: string, fileId: number): Promise<Row> {
  const ability = ctx.state?.userAbility;
  if (!ability) throw forbidden('Not signed in to the admin.');
  const pm = strapi.service('admin::permission').createPermissionsManager({ ability, action, model: FILE_UID });
  if (!pm.isAllowed) throw forbidden('You may not edit media files.');
  const file = await strapi.db.query(FILE_UID).findOne({ where: { id: fileId }, populate: { createdBy: { populate: { roles: true } } } });
  if (!file) throw new errors.NotFoundError(`Media file ${fileId} does not exist.`);
  if (pm.ability.cannot(action, pm.toSubject(file))) {
    throw forbidden(
      action === UPLOAD_ACTIONS.update ? 'You may not change this media file: it is not one of yours.' : 'You may not see this media file.',
    );
  }
  return file;
}
