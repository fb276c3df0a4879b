import type { Context } from 'koa';
import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertAdminCan } from '../lib/admin-can';
import { ARTICLE_UID } from '../lib/content-types';
import { importStory } from './create-draft';
import { parseImportFields } from './import-request';
import { registerNewsroomRoutes } from '../lib/newsroom-routes';

type UploadedFile = { filepath?: string; path?: string };

/**
 * Admin route: `POST /newsroom/import` imports a story as a draft article, from an uploaded .txt file
 * (multipart field `file`) or pasted text (`text`), with `locale`, `title` and `dryRun` as in the CLI.
 * For admin users who may create articles in the Content Manager.
 */
export function registerImportRoutes(strapi: Core.Strapi): void {
  registerNewsroomRoutes(strapi, [
    {
      method: 'POST',
      path: '/import',
      handler: async (ctx: Context) => {
        assertAdminCan(ctx, 'plugin::content-manager.explorer.create', ARTICLE_UID);
        // Every field is checked before anything is read or created.
        const fields = parseImportFields(ctx.request.body, { multipart: Boolean(ctx.is('multipart')) });
        const files = (ctx.request.files ?? {}) as Record<string, UploadedFile | UploadedFile[]>;
        const other = Object.keys(files).filter((name) => name !== 'file');
        if (other.length > 0)
          throw new errors.ValidationError(`Unknown file field "${other[0]}"; send the story as "file".`, {
            errors: [{ path: [other[0]!], message: 'unknown file field', name: 'ValidationError' }],
          });
        const upload = files.file;
        if (Array.isArray(upload) && upload.length > 1)
          throw new errors.ValidationError('Send one story file at a time.', {
            errors: [{ path: ['file'], message: 'one file at a time', name: 'ValidationError' }],
          });
        const file = Array.isArray(upload) ? upload[0] : upload;
        const filepath = file?.filepath ?? file?.path;
        if (filepath && fields.text !== undefined)
          throw new errors.ValidationError('Give the story as a file or as text, not both.', {
            errors: [{ path: ['text'], message: 'file and text both given', name: 'ValidationError' }],
          });
        let input: Buffer | string;
        if (filepath) input = await fs.promises.readFile(filepath);
        else if (fields.text !== undefined) input = fields.text;
        else
          throw new errors.ValidationError('Give the story as a .txt file (field "file") or as text (field "text").', {
            errors: [{ path: ['text'], message: 'no story given', name: 'ValidationError' }],
          });
        ctx.body = { data: await importStory(strapi, input, { locale: fields.locale, title: fields.title, dryRun: fields.dryRun }) };
      },
    },
  ]);
}
