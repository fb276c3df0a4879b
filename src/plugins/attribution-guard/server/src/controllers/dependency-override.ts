import type { Context } from 'koa';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { withDependencyOverride, removalScope } from '../document-middlewares/dependency-gate';
import type { FoundDependent } from '../services/dependents';
import { getService } from '../utils/get-service';
import { contentTypeUid, documentId, locale, parseInput } from './validate';
import { isLocalized } from '../utils/localized';
import type { Row } from '../utils/row';
import { forbidden } from '../utils/forbidden';

const body = z
  .object({
    uid: contentTypeUid,
    documentId,
    locale: z.union([locale, z.literal('*')]).optional(),
    action: z.enum(['unpublish', 'delete']),
    reason: z.string().trim().min(10, 'write a reason of at least 10 characters').max(2000),
  })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Unpublishes or deletes a record that published stories show, on purpose and with a reason. The route
   * requires the override permission; the user must also be allowed to unpublish or delete this very
   * entry in the Content Manager. Each story that showed the record is then checked as it is live now,
   * and the result recorded in its history, so the damage shows where editors look.
   */
  async remove(ctx: Context) {
    const input = parseInput(body, ctx.request.body);
    const model = strapi.contentTypes[input.uid as keyof typeof strapi.contentTypes] as
      { options?: { draftAndPublish?: boolean } } | undefined;
    if (!model)
      throw new errors.ValidationError(`${input.uid} is not a content type.`, {
        errors: [{ path: ['uid'], message: 'Unknown content type', name: 'ValidationError' }],
      });
    if (input.action === 'unpublish' && !model.options?.draftAndPublish) {
      throw new errors.ValidationError(`${input.uid} has no draft and publish: there is nothing to unpublish.`, {
        errors: [{ path: ['action'], message: 'Cannot unpublish this type', name: 'ValidationError' }],
      });
    }

    const localized = isLocalized(strapi, input.uid);
    const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const scope = removalScope(input.locale, localized, defaultLocale);
    const entries: Row[] = await strapi.db.query(input.uid).findMany({
      where: {
        documentId: input.documentId,
        ...(scope === '*' ? {} : { locale: { $in: scope } }),
        ...(input.action === 'unpublish' ? { publishedAt: { $notNull: true } } : {}),
      },
      populate: { createdBy: { select: ['id'] } },
    });
    if (entries.length === 0)
      throw new errors.NotFoundError(
        `Nothing to ${input.action}: no ${input.action === 'unpublish' ? 'published ' : ''}entry ${input.documentId} in ${scope === '*' ? 'any locale' : scope.join(', ')}.`,
      );

    // The entry-level check Strapi's Content Manager makes, conditions ("own entries only") included.
    const checker = strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ctx.state.userAbility, model: input.uid });
    if (entries.some((entry) => checker.cannot[input.action](entry))) throw forbidden(`You may not ${input.action} this entry.`);

    const dependentsService = getService(strapi, 'dependents');
    const found = await dependentsService.find(input.uid, input.documentId, scope, input.action);
    const label = await dependentsService.label(input.uid, input.documentId);
    const user = ctx.state.user as { id: number; email: string };
    const locales = scope === '*' ? undefined : scope;
    const params = { documentId: input.documentId, ...(input.locale === '*' ? { locale: '*' } : locales ? { locale: locales[0] } : {}) };

    await withDependencyOverride(input.reason, async () => {
      const documents = strapi.documents(input.uid as UID.ContentType);
      const run = (p: { documentId: string; locale?: string }) =>
        input.action === 'unpublish' ? documents.unpublish(p) : documents.delete(p);
      if (locales && locales.length > 1) {
        for (const loc of locales) await run({ ...params, locale: loc });
      } else {
        await run(params);
      }
    });

    const rechecked = await recheck(strapi, found, {
      actor: { type: 'admin', id: user.id, name: user.email },
      reason: `${input.action === 'unpublish' ? 'Unpublished' : 'Deleted'} “${label}” (${input.uid}, ${input.documentId}${scope === '*' ? '' : `, ${scope.join(', ')}`}) on override: ${input.reason}`,
    });
    ctx.body = {
      data: { action: input.action, uid: input.uid, documentId: input.documentId, locales: scope, dependents: found, rechecked },
    };
  },
});

/** Checks each story as readers have it now and records the outcome in its history. */
async function recheck(
  strapi: Core.Strapi,
  found: FoundDependent[],
  entry: { actor: { type: 'admin'; id: number; name: string }; reason: string },
) {
  const guard = getService(strapi, 'guard');
  const records = getService(strapi, 'records');
  const stories = new Map<string, FoundDependent>();
  for (const d of found) stories.set(`${d.contentType}|${d.documentId}|${d.locale ?? ''}`, d);
  const results = [];
  for (const story of stories.values()) {
    const locale = story.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const result = await guard.checkPublished(story.contentType, story.documentId, locale);
    if (!result) continue;
    await records.write({
      contentType: story.contentType,
      documentId: story.documentId,
      locale,
      outcome: 'dependency-removed',
      actor: entry.actor,
      findings: result.findings,
      reason: entry.reason,
    });
    results.push({
      contentType: story.contentType,
      documentId: story.documentId,
      locale,
      title: result.title,
      ok: result.ok,
      errors: result.errors,
      warnings: result.warnings,
    });
  }
  return results;
}
