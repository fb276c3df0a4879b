import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertAdminCan } from '../lib/admin-can';
import { ARTICLE_UID } from '../lib/content-types';
import { importStory } from './create-draft';

type UploadedFile = { filepath?: string; path?: string };

/**
 * Admin route: `POST /newsroom/import` imports a story as a draft article, from an uploaded .txt file
 * (multipart field `file`) or pasted text (`text`), with `locale`, `title` and `dryRun` as in the CLI.
 * For admin users who may create articles in the Content Manager.
 */
export function registerImportRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: [
      {
        method: 'POST',
        path: '/import',
        handler: async (ctx: any) => {
          assertAdminCan(ctx, 'plugin::content-manager.explorer.create', ARTICLE_UID);
          const body = (ctx.request.body ?? {}) as Record<string, unknown>;
          const upload = ctx.request.files?.file as UploadedFile | UploadedFile[] | undefined;
          const file = Array.isArray(upload) ? upload[0] : upload;
          const filepath = file?.filepath ?? file?.path;
          let input: Buffer | string;
          if (filepath) input = await fs.promises.readFile(filepath);
          else if (typeof body.text === 'string') input = body.text;
          else throw new errors.ValidationError('Give the story as a .txt file (field "file") or as text (field "text").');
          const flag = (value: unknown) => value === true || value === 'true';
          const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
          ctx.body = { data: await importStory(strapi, input, { locale: text(body.locale), title: text(body.title), dryRun: flag(body.dryRun) }) };
        },
        config: {
          policies: ['admin::isAuthenticatedAdmin'],
        },
      },
    ],
  } as any);
}
