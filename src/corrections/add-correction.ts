import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertAdminCanEntry } from '../lib/admin-can';
import { ARTICLE_UID } from '../lib/content-types';
import type { CorrectionKind } from './rules';
import { readVersions } from './versions';
import { documentData } from '../lib/document-data';

export interface AddCorrectionInput {
  documentId: string;
  locale: string;
  kind: CorrectionKind;
  text: string;
}

export interface AddCorrectionResult {
  documentId: string;
  locale: string;
  correction: { at: string; kind: CorrectionKind; text: string };
  /** The new publication time: the story went out again with the correction. */
  publishedAt: string | null;
  /** The draft held edits readers had not seen; they went out with the correction. */
  publishedPendingEdits: boolean;
}

interface AdminCtx {
  state?: { userAbility?: unknown; user?: { id: number; roles?: unknown[] } };
}

const refuse = (message: string, path: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
const time = (value: unknown) =>
  value instanceof Date ? value.getTime() : typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : 0;

interface WorkflowPlugin {
  entries: { lockEntries: (uid: string, documentId: string, locales: string[]) => Promise<void> };
  context: { run: <T>(extra: { comment?: string | null }, fn: () => Promise<T>) => Promise<T> };
}

function workflowOf(strapi: Core.Strapi): WorkflowPlugin | null {
  const plugin = strapi.plugin('editorial-workflow');
  return plugin
    ? { entries: plugin.service('entries') as WorkflowPlugin['entries'], context: plugin.service('context') as WorkflowPlugin['context'] }
    : null;
}

/**
 * Adds a correction to a published story and publishes it again, through the same gates as every
 * other publish (the attribution guard, the workflow's approval, the corrections middleware): a
 * refusal there leaves the story as it was and the correction unsaved. Correcting is editing and
 * publishing the story, so the caller needs both on this very entry (the role's conditions included).
 * Who made it public and what it says go into the story's history (the corrections middleware).
 */
export async function addCorrection(strapi: Core.Strapi, ctx: AdminCtx, input: AddCorrectionInput): Promise<AddCorrectionResult> {
  const { documentId, locale } = input;
  await assertAdminCanEntry(strapi, ctx, 'update', ARTICLE_UID, { documentId, locale });
  await assertAdminCanEntry(strapi, ctx, 'publish', ARTICLE_UID, { documentId, locale });
  const workflow = workflowOf(strapi);
  const articles = strapi.documents(ARTICLE_UID);

  return strapi.db.transaction(async () => {
    // One correction at a time per story and locale (PostgreSQL; SQLite has one writer anyway).
    await workflow?.entries.lockEntries(ARTICLE_UID, documentId, [locale]);
    const versions = await readVersions(strapi, documentId, locale);
    if (!versions.draft && !versions.published) throw new errors.NotFoundError(`No ${locale} version of story ${documentId}.`);
    if (!versions.published) {
      throw refuse(
        `Only a published story can get a correction: "${versions.draft?.title ?? documentId}" is not published in ${locale}. Publish it first; corrections are added to what readers have seen.`,
        'documentId',
      );
    }
    const draft = versions.draft ?? versions.published;
    const pendingEdits = versions.draft !== null && time(versions.draft.updatedAt) > time(versions.published.updatedAt);
    const correction = { at: new Date().toISOString(), kind: input.kind, text: input.text };

    await articles.update({
      documentId,
      locale,
      // The draft's own corrections stay as they are (named by id); the new one is added last.
      data: documentData(ARTICLE_UID, {
        corrections: [...draft.corrections.map((c) => ({ id: c.id })), correction],
        ...(ctx.state?.user ? { updatedBy: ctx.state.user.id } : {}),
      }),
    });
    const publish = () => articles.publish({ documentId, locale });
    await (workflow ? workflow.context.run({ comment: `Published again with a ${input.kind}.` }, publish) : publish());

    const after = await readVersions(strapi, documentId, locale);
    const publishedAt = after.published?.publishedAt;
    return {
      documentId,
      locale,
      correction,
      publishedAt:
        publishedAt instanceof Date
          ? publishedAt.toISOString()
          : typeof publishedAt === 'string'
            ? new Date(publishedAt).toISOString()
            : null,
      publishedPendingEdits: pendingEdits,
    };
  });
}
