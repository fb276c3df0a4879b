import type { Core } from '@strapi/strapi';
import { demoData } from './demo';

export const ARTICLE = 'api::article.article';
export const PULL_QUOTE = 'api::pull-quote.pull-quote';

/** documentIds of the seeded demo records, looked up by name. */
export async function demoIds(strapi: Core.Strapi) {
  const one = async (uid: string, where: Record<string, unknown>) => {
    const row = await strapi.db.query(uid as any).findOne({ where: { ...where, publishedAt: null } });
    if (!row) throw new Error(`demo record missing: ${uid} ${JSON.stringify(where)}`);
    return row;
  };
  const story = await one(ARTICLE, { title: demoData.title });
  const draft = await one(ARTICLE, { title: demoData.draft.title });
  const storyRow = await strapi.db.query(ARTICLE as any).findOne({ where: { id: story.id }, populate: { cover: { populate: ['image'] } } });
  const draftRow = await strapi.db.query(ARTICLE as any).findOne({ where: { id: draft.id }, populate: { cover: { populate: ['image'] } } });
  return {
    story: story.documentId as string,
    draft: draft.documentId as string,
    author: (await one('api::author.author', { name: 'koorvoa' })).documentId as string,
    editor: (await one('api::author.author', { name: 'TV.' })).documentId as string,
    outlet: (await one('api::source.source', { name: '正見 TrueView' })).documentId as string,
    republisher: (await one('api::source.source', { name: '钛媒體 TMTPost' })).documentId as string,
    agency: (await one('api::source.source', { name: '視覺中國' })).documentId as string,
    /** Credited 視覺中國 on the file itself. */
    leadPhotoId: storyRow.cover.image.id as number,
    /** No credit anywhere. */
    draftPhotoId: draftRow.cover.image.id as number,
  };
}

export type DemoIds = Awaited<ReturnType<typeof demoIds>>;

/** Article data that passes every rule: the demo byline, a credited cover, a body with the given paragraphs. */
export function validArticle(ids: DemoIds, title: string, paragraphs: string[] = ['A paragraph of the story.']) {
  return {
    title,
    body: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
    author: ids.author,
    editor: ids.editor,
    source: ids.outlet,
    republisher: ids.republisher,
    originalUrl: demoData.originalUrl,
    cover: { image: ids.leadPhotoId, credit: '視覺中國', agency: ids.agency, license: 'agency' },
  };
}
