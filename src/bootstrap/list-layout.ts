import type { Core } from '@strapi/strapi';

const ARTICLE_UID = 'api::article.article';
/** Title first; the plugins put Stage and Attribution right after it; then who wrote it and when it changed. */
export const ARTICLE_LIST = ['title', 'author', 'updatedAt'];

type Store = { get: (key: string) => Promise<unknown>; set: (key: string, value: unknown) => Promise<void> };

/**
 * The article list's default columns. Strapi's default (the first attributes) puts the long `dek`
 * before the Stage and Attribution columns, which then fall off a 1440 px screen. Set once: a layout
 * an editor changes later under "Configure the view" stays theirs.
 */
export async function ensureArticleListLayout(strapi: Core.Strapi, store: Store): Promise<void> {
  if (await store.get('articleListLayout')) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = strapi.contentType(ARTICLE_UID);
  if (!contentType) return;
  const configuration = await contentTypes.findConfiguration(contentType);
  await contentTypes.updateConfiguration(contentType, { ...configuration, layouts: { ...configuration.layouts, list: ARTICLE_LIST } });
  await store.set('articleListLayout', true);
}
