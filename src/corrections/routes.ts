import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { toPlainText } from '../lib/plain-text';
import { addCorrection } from './add-correction';
import { CORRECTION_KINDS, MAX_CORRECTION_TEXT } from './rules';
import { registerNewsroomRoutes } from '../lib/newsroom-routes';

const body = z
  .object({
    documentId: z.string({ required_error: 'documentId is required: which story to correct.' }).min(1).max(64),
    locale: z.string({ required_error: 'locale is required: corrections are added to one language version at a time.' }).min(2).max(16),
    kind: z.enum(CORRECTION_KINDS, { errorMap: () => ({ message: `kind must be one of ${CORRECTION_KINDS.join(', ')}.` }) }),
    text: z
      .string({ required_error: 'text is required: say what was wrong and what is right.' })
      // Stored as plain text, like every text readers see outside the body.
      .transform((value) => toPlainText(value))
      .refine((value) => value !== '', 'text is required: say what was wrong and what is right.')
      .refine((value) => value.length <= MAX_CORRECTION_TEXT, `text is at most ${MAX_CORRECTION_TEXT} characters.`),
  })
  .strict();

function parse(input: unknown): z.infer<typeof body> {
  const result = body.safeParse(input ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    // An unknown field is named in the path too, so the admin can point at it.
    path: issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : issue.path.map(String),
    message:
      issue.code === 'unrecognized_keys' ? `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.` : issue.message,
    name: 'ValidationError',
  }));
  throw new errors.ValidationError(details.map((d) => d.message).join(' '), { errors: details });
}

/**
 * Admin route `POST /newsroom/corrections` `{ documentId, locale, kind, text }`: adds a correction to
 * a published story and publishes it again (see ./add-correction.ts). The entry-level permission
 * checks (update and publish, with the role's conditions) are made there.
 */
export function registerCorrectionRoutes(strapi: Core.Strapi): void {
  registerNewsroomRoutes(strapi, [
    {
      method: 'POST',
      path: '/corrections',
      handler: async (ctx: Context) => {
        const input = parse(ctx.request.body);
        ctx.body = { data: await addCorrection(strapi, ctx, input) };
      },
    },
  ]);
}
