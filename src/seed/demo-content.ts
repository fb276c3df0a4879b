import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, PULL_QUOTE_UID, SOURCE_UID } from '../lib/content-types';
import { splitStoryText, toBlocks } from './story-text';
import { documentData } from '../lib/document-data';

interface QuoteSeed {
  speaker: string;
  speakerOrg: string;
  speakerTitle: string;
  text: string;
}
interface CoverSeed {
  file: string;
  caption: string;
  alt: string;
  license: string | null;
}
interface DemoData {
  title: string;
  dek: string;
  originalUrl: string;
  locale: string;
  cover: CoverSeed;
  pullQuotes: QuoteSeed[];
  sources: Array<Record<string, unknown> & { key: string; name: string }>;
  authors: Array<Record<string, unknown> & { key: string; name: string; outlet: string }>;
  draft: { title: string; dek: string; paragraphs: string[]; cover: CoverSeed; pullQuotes: QuoteSeed[] };
}

/** The demo data ships inside the project (`database/seed/`); nothing outside it is read. */
export const seedDir = (strapi: Core.Strapi) => path.join(strapi.dirs.app.root, 'database', 'seed');

async function uploadImage(strapi: Core.Strapi, dir: string, cover: CoverSeed): Promise<number> {
  const filepath = path.join(dir, cover.file);
  const [file] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: cover.file, caption: cover.caption, alternativeText: cover.alt } },
      files: { filepath, originalFilename: cover.file, mimetype: 'image/jpeg', size: fs.statSync(filepath).size },
    });
  return file.id as number;
}

async function createQuotes(strapi: Core.Strapi, quotes: QuoteSeed[], article: string, locale: string, publish: boolean) {
  const pullQuotes = strapi.documents(PULL_QUOTE_UID);
  for (const [position, quote] of quotes.entries()) {
    const created = await pullQuotes.create({ locale, data: { ...quote, position, article } });
    if (publish) await pullQuotes.publish({ documentId: created.documentId, locale });
  }
}

/**
 * Loads the demo story into an empty database: sources, authors, the published story with its
 * credited cover and six pull-quotes, and a draft with deliberate problems for the guard to catch.
 * Skipped when any article or source already exists, so a restart never duplicates it.
 */
export async function loadDemoContent(strapi: Core.Strapi): Promise<boolean> {
  const existing = (await strapi.db.query(ARTICLE_UID).count()) + (await strapi.db.query(SOURCE_UID).count());
  if (existing > 0) return false;

  const dir = seedDir(strapi);
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'demo-story.json'), 'utf8')) as DemoData;
  const story = splitStoryText(fs.readFileSync(path.join(dir, 'seed-article.zh-Hant.txt'), 'utf8'));
  const locale = data.locale;

  const sourceIds: Record<string, string> = {};
  for (const { key, ...source } of data.sources) {
    const created = await strapi.documents(SOURCE_UID).create({ data: documentData(SOURCE_UID, source), status: 'published' });
    sourceIds[key] = created.documentId;
  }
  const authorIds: Record<string, string> = {};
  for (const { key, outlet, ...author } of data.authors) {
    const created = await strapi
      .documents(AUTHOR_UID)
      .create({ locale, data: { ...author, outlet: sourceIds[outlet] }, status: 'published' });
    authorIds[key] = created.documentId;
  }

  const attribution = {
    author: authorIds.author,
    editor: authorIds.editor,
    source: sourceIds.outlet,
    republisher: sourceIds.republisher,
    originalUrl: data.originalUrl,
  };
  const articles = strapi.documents(ARTICLE_UID);

  // The story: created as a draft, its pull-quotes published, then the story itself is published
  // (publishing before the quotes would drop their links).
  const coverId = await uploadImage(strapi, dir, data.cover);
  // The credit belongs to the photo itself, so any later article that reuses it is credited too.
  await strapi
    .plugin('attribution-guard')
    .service('media-credits')
    .set(coverId, { credit: story.photoCredit, agency: sourceIds.agency, license: data.cover.license });
  const article = await articles.create({
    locale,
    data: documentData(ARTICLE_UID, {
      title: data.title,
      dek: data.dek,
      body: toBlocks(story.paragraphs),
      cover: {
        image: coverId,
        credit: story.photoCredit,
        agency: sourceIds.agency,
        license: data.cover.license,
        caption: data.cover.caption,
        alt: data.cover.alt,
      },
      ...attribution,
    }),
  });
  await createQuotes(strapi, data.pullQuotes, article.documentId, locale, true);
  // The editorial workflow publishes only approved stories; the demo story arrives approved.
  const workflow = strapi.plugin('editorial-workflow');
  if (workflow)
    await workflow
      .service('workflow')
      .setStage(
        { uid: ARTICLE_UID, documentId: article.documentId, locale },
        'approved',
        'Demo story, approved when the demo content was loaded.',
      );
  await articles.publish({ documentId: article.documentId, locale });

  // The draft with deliberate problems: an uncredited photo and a misquoted pull-quote.
  const draftCoverId = await uploadImage(strapi, dir, data.draft.cover);
  const draft = await articles.create({
    locale,
    data: {
      title: data.draft.title,
      dek: data.draft.dek,
      body: toBlocks(data.draft.paragraphs),
      cover: { image: draftCoverId, caption: data.draft.cover.caption, alt: data.draft.cover.alt },
      ...attribution,
    },
  });
  await createQuotes(strapi, data.draft.pullQuotes, draft.documentId, locale, false);

  strapi.log.info(`Demo content loaded: "${data.title}" (published) and "${data.draft.title}" (draft).`);
  return true;
}
