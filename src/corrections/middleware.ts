import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, CORRECTION_UID } from '../lib/content-types';
import type { DocumentMiddleware } from '../lib/document-middleware';
import {
  effectiveList,
  historyComment,
  isoInstant,
  missingPublic,
  newCorrectionProblem,
  publicCorrectionMessage,
  stampNewItems,
  without,
  type CorrectionLike,
} from './rules';
import { localesOf, publicCorrections, readVersions, type StoredCorrection } from './versions';

type Params = { documentId?: string; locale?: unknown; status?: string; data?: Record<string, unknown> };
type Problem = { path: string[]; message: string; name: 'ValidationError' };

const refuse = (problems: Problem[]) => new errors.ValidationError(problems.map((p) => p.message).join(' '), { errors: problems });

const notPublished = (title: string | null, locale: string) =>
  `Only a published story can get a correction: ${title ? `"${title}"` : 'this story'} is not published in ${locale}. Publish it first; corrections are added to what readers have seen.`;

const hasItems = (value: unknown) => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null);

/** Stories' corrections in the workflow's history, when the workflow is installed. */
function noteCorrections(strapi: Core.Strapi, documentId: string, locale: string, added: CorrectionLike[]): Promise<void> {
  const workflow = strapi.plugin('editorial-workflow')?.service('workflow') as
    { note: (ref: { uid: string; documentId: string; locale: string }, kind: 'corrected', comment: string) => Promise<void> } | undefined;
  if (!workflow) return Promise.resolve();
  return added.reduce<Promise<void>>(
    (chain, c) => chain.then(() => workflow.note({ uid: ARTICLE_UID, documentId, locale }, 'corrected', historyComment(c))),
    Promise.resolve(),
  );
}

/**
 * Corrections are the story's public record. On every write path of the Document Service (REST,
 * GraphQL, the Content Manager, the Add correction route, code):
 * - an update or publish that would delete or change a public correction is refused (400, naming
 *   it): a correction is only ever superseded by a newer one;
 * - a correction can be added only to a story published in that locale, dated now or given a time
 *   between its first publication and now (a new item without a time is stamped now);
 * - a copy starts with none (Strapi's clone copies them), and a new story or locale cannot bring any;
 * - each correction that goes public is recorded in the workflow's history, with who made it public,
 *   in the publish's own transaction.
 */
export const createCorrectionsMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID) return next();
    const params = ctx.params as Params;

    if (ctx.action === 'clone') {
      // A copy is a new piece: nothing in it has been corrected. Strapi merges the given data into
      // the copied entry (an empty list would leave the copied one), so they are taken out after.
      return strapi.db.transaction(async () => {
        const result = await next();
        const copies = (result as { entries?: Array<{ id?: unknown }> } | null)?.entries ?? [];
        for (const copy of copies) if (typeof copy.id === 'number') await dropCorrections(strapi, copy.id);
        return result;
      });
    }

    if (ctx.action === 'create') {
      if (params.data && hasItems(params.data.corrections)) {
        const locale = typeof params.locale === 'string' ? params.locale : 'the default locale';
        throw refuse([
          {
            path: ['corrections'],
            message: notPublished(typeof params.data.title === 'string' ? params.data.title : null, locale),
            name: 'ValidationError',
          },
        ]);
      }
      return next();
    }

    if (ctx.action === 'update' && typeof params.documentId === 'string') {
      // Most saves neither touch the corrections nor publish: nothing to read for them.
      const touchesCorrections = !!params.data && typeof params.data === 'object' && params.data.corrections !== undefined;
      if (!touchesCorrections && params.status !== 'published') return next();
      const documentId = params.documentId;
      const [locale] = await localesOf(strapi, documentId, params.locale);
      if (!locale) return next();
      const versions = await readVersions(strapi, documentId, locale);
      const kept = publicCorrections(versions);
      const data = params.data;
      const now = new Date();

      if (data && typeof data === 'object' && data.corrections !== undefined) {
        stampNewItems(data.corrections, now);
        const draftOnes = versions.draft?.corrections ?? [];
        const after = effectiveList(data.corrections, new Map(draftOnes.map((c) => [String(c.id), c])));
        const lost = missingPublic(kept, after);
        if (lost.length > 0)
          throw refuse(lost.map((c) => ({ path: ['corrections'], message: publicCorrectionMessage(c), name: 'ValidationError' as const })));
        const added = without(without(after, kept), draftOnes);
        if (added.length > 0 && !versions.published)
          throw refuse([{ path: ['corrections'], message: notPublished(versions.draft?.title ?? null, locale), name: 'ValidationError' }]);
        const firstPublishedAt =
          isoInstant(versions.published?.firstPublishedAt ?? versions.draft?.firstPublishedAt) ??
          isoInstant(versions.published?.publishedAt);
        const problems = added.flatMap((c) => {
          const problem = newCorrectionProblem(c, { now, firstPublishedAt });
          return problem ? [{ path: ['corrections', String(after.indexOf(c))], message: problem, name: 'ValidationError' as const }] : [];
        });
        if (problems.length > 0) throw refuse(problems);
      } else if (params.status === 'published') {
        // Publishing the draft as it stands: it must still hold every public correction.
        const lost = missingPublic(kept, versions.draft?.corrections ?? []);
        if (lost.length > 0)
          throw refuse(lost.map((c) => ({ path: ['corrections'], message: publicCorrectionMessage(c), name: 'ValidationError' as const })));
      }

      if (params.status !== 'published') return next();
      return publishing(strapi, documentId, new Map([[locale, versions.published?.corrections ?? []]]), next);
    }

    if (ctx.action === 'publish' && typeof params.documentId === 'string') {
      const documentId = params.documentId;
      const before = new Map<string, StoredCorrection[]>();
      const problems: Problem[] = [];
      for (const locale of await localesOf(strapi, documentId, params.locale)) {
        const versions = await readVersions(strapi, documentId, locale);
        // Only a draft written past the Document Service can lack one; it must not reach readers.
        for (const lost of missingPublic(publicCorrections(versions), versions.draft?.corrections ?? [])) {
          problems.push({ path: ['corrections'], message: `${locale}: ${publicCorrectionMessage(lost)}`, name: 'ValidationError' });
        }
        before.set(locale, versions.published?.corrections ?? []);
      }
      if (problems.length > 0) throw refuse(problems);
      return publishing(strapi, params.documentId, before, next);
    }

    return next();
  };

/** Deletes an entry's correction components and their links (a new copy's, which nobody has seen). */
async function dropCorrections(strapi: Core.Strapi, entryId: number): Promise<void> {
  const row = (await strapi.db
    .query(ARTICLE_UID)
    .findOne({ where: { id: entryId }, select: ['id'], populate: { corrections: { select: ['id'] } } })) as {
    corrections?: Array<{ id: number }>;
  } | null;
  const ids = (row?.corrections ?? []).map((c) => c.id);
  if (ids.length === 0) return;
  await strapi.db.query(ARTICLE_UID).update({ where: { id: entryId }, data: { corrections: [] } });
  await strapi.db.query(CORRECTION_UID).deleteMany({ where: { id: { $in: ids } } });
}

/** Runs the publish, then records each correction it made public, in the same transaction. */
async function publishing<R>(
  strapi: Core.Strapi,
  documentId: string,
  before: Map<string, StoredCorrection[]>,
  next: () => R,
): Promise<Awaited<R>> {
  // Strapi's transaction() types its result as the callback's promise; awaiting it gives the value.
  return await strapi.db.transaction(async (): Promise<Awaited<R>> => {
    const result: Awaited<R> = await next();
    for (const [locale, was] of before) {
      const now = await readVersions(strapi, documentId, locale);
      const added = without(now.published?.corrections ?? [], was);
      if (added.length > 0) await noteCorrections(strapi, documentId, locale, added);
    }
    return result;
  });
}
