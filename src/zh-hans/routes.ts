import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertAdminCanEntry } from '../lib/admin-can';
import { ARTICLE_UID, DEFAULT_LOCALE } from '../lib/content-types';
import { createZhHansEdition, editionMark, ZH_HANS } from './edition';
import { registerNewsroomRoutes } from '../lib/newsroom-routes';

/**
 * Admin routes: `POST /newsroom/zh-hans-edition` `{ documentId, from?, confirm?, overwrite? }` creates or
 * refreshes the zh-Hans edition of a zh-Hant article and its linked records (a refresh with changes
 * answers them first and applies with `confirm: true`; `overwrite` names hand-edited fields to replace); `GET /newsroom/zh-hans-edition/:documentId` tells whether it is machine-converted.
 * Both check the entries themselves, with the role's conditions: reading the zh-Hant source, and updating
 * the zh-Hans draft (or creating it, when there is none yet).
 */
export function registerZhHansRoutes(strapi: Core.Strapi): void {
  registerNewsroomRoutes(strapi, [
    {
      method: 'POST',
      path: '/zh-hans-edition',
      handler: async (ctx: Context) => {
        const body = (ctx.request.body ?? {}) as { documentId?: unknown; from?: unknown; confirm?: unknown; overwrite?: unknown };
        if (typeof body.documentId !== 'string' || body.documentId === '') throw new errors.ValidationError('documentId is required.');
        if (body.from !== undefined && body.from !== 'tw' && body.from !== 'hk')
          throw new errors.ValidationError('from must be "tw" or "hk".');
        if (body.confirm !== undefined && typeof body.confirm !== 'boolean')
          throw new errors.ValidationError('confirm must be true or false.');
        const overwrite = body.overwrite;
        if (
          overwrite !== undefined &&
          overwrite !== 'all' &&
          !(Array.isArray(overwrite) && overwrite.every((key) => typeof key === 'string'))
        ) {
          throw new errors.ValidationError('overwrite must be "all" or a list of field keys from the preview\'s changes.');
        }
        await assertZhHansEditionAccess(strapi, ctx, body.documentId, 'write');
        ctx.body = {
          data: await createZhHansEdition(strapi, body.documentId, {
            from: body.from as 'tw' | 'hk' | undefined,
            actor: ctx.state.user,
            access: ctx,
            confirm: body.confirm === true,
            overwrite: overwrite as string[] | 'all' | undefined,
          }),
        };
      },
    },
    {
      method: 'GET',
      path: '/zh-hans-edition/:documentId',
      handler: async (ctx: Context) => {
        const documentId = String(ctx.params.documentId);
        await assertZhHansEditionAccess(strapi, ctx, documentId, 'read');
        ctx.body = { data: await editionMark(strapi, documentId) };
      },
    },
  ]);
}

/**
 * Reading the mark needs read on the zh-Hant source and on the zh-Hans draft where there is one.
 * Writing the edition is editing the story: it needs update on the zh-Hant source (a writer who may
 * read every story still converts only the ones they may edit), and update on the zh-Hans draft, or
 * create when there is none.
 */
export async function assertZhHansEditionAccess(
  strapi: Core.Strapi,
  ctx: Context,
  documentId: string,
  mode: 'read' | 'write',
): Promise<void> {
  await assertAdminCanEntry(strapi, ctx, mode === 'write' ? 'update' : 'read', ARTICLE_UID, { documentId, locale: DEFAULT_LOCALE });
  if (mode === 'write')
    await assertAdminCanEntry(strapi, ctx, 'update', ARTICLE_UID, { documentId, locale: ZH_HANS, whenMissing: 'create' });
  else await assertAdminCanEntry(strapi, ctx, 'read', ARTICLE_UID, { documentId, locale: ZH_HANS, whenMissing: 'allow' });
}
