import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertAdminCanEntry } from '../lib/admin-can';
import { ARTICLE_UID } from '../lib/content-types';
import { readReaderConfig } from './config';
import { newsPath } from '../delivery/story-url';
import { signPreviewToken } from './token';

export interface PreviewParams {
  documentId?: string;
  locale?: string | null;
  status?: string;
}

/** The path of the draft preview page for one story and locale, with its token. */
export function previewPath(documentId: string, locale: string, token: string): string {
  return `/preview/articles/${encodeURIComponent(documentId)}?locale=${encodeURIComponent(locale)}&token=${encodeURIComponent(token)}`;
}

/**
 * Strapi's preview handler (config/admin.ts `preview.config.handler`). Strapi calls it inside the admin's
 * `GET /content-manager/preview/url/:uid` request, after the admin login was checked but without checking
 * the user may read the entry, and without handing over the user: both are taken from the request itself
 * (`strapi.requestContext`). A user who may not read this draft gets no link (the admin then shows no
 * Preview button). The link is a path on the CMS's own origin, the one the admin was opened on.
 */
export async function previewUrl(strapi: Core.Strapi, uid: string, params: PreviewParams): Promise<string | null> {
  if (uid !== ARTICLE_UID || typeof params.documentId !== 'string' || params.documentId === '') return null;
  const ctx = strapi.requestContext.get() as
    { state?: { user?: { id: number; roles?: unknown[] }; userAbility?: unknown; session?: { id?: unknown } } } | undefined;
  const user = ctx?.state?.user;
  if (!ctx || !user || typeof user.id !== 'number') return null;
  const locale =
    typeof params.locale === 'string' && params.locale !== ''
      ? params.locale
      : ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);

  if (params.status === 'published') {
    const row = await strapi.db
      .query(ARTICLE_UID)
      .findOne({ select: ['slug'], where: { documentId: params.documentId, locale, publishedAt: { $notNull: true } } });
    if (!row?.slug) return null;
    return (await mayRead(strapi, ctx, params.documentId, locale)) ? newsPath(locale, row.slug as string) : null;
  }

  // Nothing to preview without a draft in this locale; and nothing for whoever may not read it.
  const draft = await strapi.db
    .query(ARTICLE_UID)
    .findOne({ select: ['id'], where: { documentId: params.documentId, locale, publishedAt: null } });
  if (!draft || !(await mayRead(strapi, ctx, params.documentId, locale))) return null;
  const { secret, tokenMinutes } = readReaderConfig(strapi).preview;
  const token = signPreviewToken(
    {
      documentId: params.documentId,
      locale,
      userId: user.id,
      sessionId: typeof ctx.state?.session?.id === 'string' ? ctx.state.session.id : null,
      expiresAt: Math.floor(Date.now() / 1000) + tokenMinutes * 60,
    },
    secret,
  );
  return previewPath(params.documentId, locale, token);
}

async function mayRead(
  strapi: Core.Strapi,
  ctx: Parameters<typeof assertAdminCanEntry>[1],
  documentId: string,
  locale: string,
): Promise<boolean> {
  try {
    await assertAdminCanEntry(strapi, ctx, 'read', ARTICLE_UID, { documentId, locale });
    return true;
  } catch (error) {
    if (error instanceof errors.ForbiddenError) return false;
    throw error;
  }
}

/** The handler as config/admin.ts gives it to Strapi: it runs at request time, when the app is `global.strapi`. */
export const previewUrlHandler = (uid: string, params: PreviewParams): Promise<string | null> => previewUrl(strapi, uid, params);
