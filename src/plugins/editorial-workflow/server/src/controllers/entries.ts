import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getService } from '../utils/get-service';
import type { AdminCaller, EntryRef } from '../services/workflow';
import { comment, contentTypeUid, documentId, locale, parseInput, stage, timezone, when } from './validate';

// Not strict: the router adds keys of its own to ctx.params.
const refParams = z.object({ contentType: contentTypeUid, documentId });
const localeQuery = z.object({ locale: locale.optional() }).strict();

const transitionBody = z
  .object({ locale: locale.optional(), to: stage, comment, publishAt: when.optional(), timezone: timezone.optional() })
  .strict();
const scheduleBody = z
  .object({
    locale: locale.optional(),
    publishAt: when.nullable().optional(),
    unpublishAt: when.nullable().optional(),
    timezone: timezone.optional(),
    comment,
  })
  .strict()
  .refine((b) => b.publishAt !== undefined || b.unpublishAt !== undefined, {
    message: 'give publishAt, unpublishAt or both',
    path: ['publishAt'],
  });
/** `until: null` lifts the embargo. */
const embargoBody = z.object({ locale: locale.optional(), until: when.nullable(), timezone: timezone.optional(), comment }).strict();
const assigneeBody = z.object({ locale: locale.optional(), assignee: z.number().int().positive().nullable() }).strict();

export const callerOf = (ctx: Context): AdminCaller => ({ user: ctx.state.user, ability: ctx.state.userAbility });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const refOf = async (ctx: Context, bodyLocale?: string): Promise<EntryRef> => {
    const params = parseInput(refParams, ctx.params);
    const loc = bodyLocale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    return { uid: params.contentType, documentId: params.documentId, locale: loc };
  };
  const workflow = () => getService(strapi, 'workflow');

  return {
    async state(ctx: Context) {
      const query = parseInput(localeQuery, ctx.query);
      ctx.body = { data: await workflow().state(callerOf(ctx), await refOf(ctx, query.locale)) };
    },

    async transition(ctx: Context) {
      const body = parseInput(transitionBody, ctx.request.body);
      const { locale: loc, ...input } = body;
      ctx.body = { data: await workflow().transition(callerOf(ctx), await refOf(ctx, loc), input) };
    },

    async schedule(ctx: Context) {
      const body = parseInput(scheduleBody, ctx.request.body);
      const { locale: loc, ...input } = body;
      ctx.body = { data: await workflow().schedule(callerOf(ctx), await refOf(ctx, loc), input) };
    },

    async embargo(ctx: Context) {
      const body = parseInput(embargoBody, ctx.request.body);
      const { locale: loc, ...input } = body;
      ctx.body = { data: await workflow().setEmbargo(callerOf(ctx), await refOf(ctx, loc), input) };
    },

    async assign(ctx: Context) {
      const body = parseInput(assigneeBody, ctx.request.body);
      ctx.body = { data: await workflow().assign(callerOf(ctx), await refOf(ctx, body.locale), body.assignee) };
    },
  };
};
