import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertAdminCan } from '../lib/admin-can';
import { ARTICLE_UID } from '../lib/content-types';
import { createZhHansEdition, editionMark } from './edition';

/**
 * Admin routes: `POST /newsroom/zh-hans-edition` `{ documentId, from? }` creates or refreshes the zh-Hans
 * draft of a zh-Hant article; `GET /newsroom/zh-hans-edition/:documentId` tells whether it is machine-converted.
 * For admin users who may update articles in the Content Manager.
 */
export function registerZhHansRoutes(strapi: Core.Strapi): void {
  const policies = ['admin::isAuthenticatedAdmin'];
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: [
      {
        method: 'POST',
        path: '/zh-hans-edition',
        handler: async (ctx: any) => {
          assertAdminCan(ctx, 'plugin::content-manager.explorer.update', ARTICLE_UID);
          const body = (ctx.request.body ?? {}) as { documentId?: unknown; from?: unknown };
          if (typeof body.documentId !== 'string' || body.documentId === '') throw new errors.ValidationError('documentId is required.');
          if (body.from !== undefined && body.from !== 'tw' && body.from !== 'hk') throw new errors.ValidationError('from must be "tw" or "hk".');
          ctx.body = { data: await createZhHansEdition(strapi, body.documentId, { from: body.from as 'tw' | 'hk' | undefined }) };
        },
        config: { policies },
      },
      {
        method: 'GET',
        path: '/zh-hans-edition/:documentId',
        handler: async (ctx: any) => {
          assertAdminCan(ctx, 'plugin::content-manager.explorer.read', ARTICLE_UID);
          ctx.body = { data: await editionMark(strapi, String(ctx.params.documentId)) };
        },
        config: { policies },
      },
    ],
  } as any);
}
