import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';
const AUTHOR = 'api::author.author';
const SOURCE = 'api::source.source';
const PULL_QUOTE = 'api::pull-quote.pull-quote';
const FILE = 'plugin::upload.file';

type Row = Record<string, any>;

/** The demo story's people, outlets and photo, as the seed made them: what a valid story links to. */
export interface DemoCast {
  author: string;
  editor: string;
  outlet: string;
  republisher: string;
  agency: string;
  photo: Row;
}

export async function demoCast(strapi: Core.Strapi): Promise<DemoCast> {
  const source = (name: string) => strapi.db.query(SOURCE as any).findOne({ where: { name } }) as Promise<Row>;
  const author = (name: string) => strapi.db.query(AUTHOR as any).findOne({ where: { name } }) as Promise<Row>;
  const [outlet, republisher, agency, koorvoa, tv, photo] = await Promise.all([
    source('正見 TrueView'),
    source('钛媒體 TMTPost'),
    source('視覺中國'),
    author('koorvoa'),
    author('TV.'),
    strapi.db.query(FILE as any).findOne({ where: { name: 'lead-photo.jpg' } }) as Promise<Row>,
  ]);
  return {
    author: koorvoa.documentId,
    editor: tv.documentId,
    outlet: outlet.documentId,
    republisher: republisher.documentId,
    agency: agency.documentId,
    photo,
  };
}

/** Publishes the demo authors in another locale (relations to localized authors are per locale). */
export async function publishAuthorsIn(strapi: Core.Strapi, cast: DemoCast, locale: string): Promise<void> {
  for (const [documentId, name] of [
    [cast.author, 'koorvoa'],
    [cast.editor, 'TV.'],
  ] as const) {
    await strapi
      .documents(AUTHOR as any)
      .update({ documentId, locale, data: { name, displayName: name, outlet: cast.outlet } as any, status: 'published' });
  }
}

/** A Blocks image node for a media-library file, with every field Strapi's Blocks validator asks for. */
export function imageNodeOf(file: Row): Row {
  const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
  return {
    id: file.id,
    name: file.name,
    alternativeText: file.alternativeText ?? null,
    caption: file.caption ?? null,
    url: file.url,
    width: file.width,
    height: file.height,
    formats: file.formats ?? null,
    hash: file.hash,
    ext: file.ext,
    mime: file.mime,
    size: Number(file.size),
    previewUrl: file.previewUrl ?? null,
    provider: file.provider,
    provider_metadata: file.provider_metadata ?? null,
    createdAt: iso(file.createdAt),
    updatedAt: iso(file.updatedAt),
  };
}

export interface StoryOptions {
  title: string;
  locale?: string;
  /** An existing document to add this locale to. */
  documentId?: string;
  quotes?: number;
  gallery?: number;
  bodyImages?: number;
  /** Extra Blocks nodes appended to the body. */
  extraBody?: unknown[];
  publish?: boolean;
}

/**
 * Creates a story the attribution guard accepts — the demo story's byline, outlet, republisher and
 * credited photo, pull-quotes that appear word for word in the body — and publishes it.
 */
export async function createStory(
  strapi: Core.Strapi,
  cast: DemoCast,
  options: StoryOptions,
): Promise<{ documentId: string; slug: string; locale: string }> {
  const locale = options.locale ?? 'zh-Hant';
  const quotes = Array.from({ length: options.quotes ?? 0 }, (_, i) => `第${i + 1}位受訪者說,垂直模型的第${i + 1}個機會在數據。`);
  const photoNode = { type: 'image', image: imageNodeOf(cast.photo), children: [{ type: 'text', text: '' }] };
  const body = [
    { type: 'paragraph', children: [{ type: 'text', text: `${options.title}的正文。` }] },
    ...quotes.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text: `「${text}」` }] })),
    ...Array.from({ length: options.bodyImages ?? 0 }, () => photoNode),
    ...(options.extraBody ?? []),
  ];
  const credited = { image: cast.photo.id, credit: '視覺中國', agency: cast.agency, license: 'agency', caption: '說明', alt: '圖' };
  const data = {
    title: options.title,
    dek: `${options.title}的摘要`,
    body,
    cover: credited,
    gallery: Array.from({ length: options.gallery ?? 0 }, () => credited),
    author: cast.author,
    editor: cast.editor,
    source: cast.outlet,
    republisher: cast.republisher,
    originalUrl: 'https://www.tmtpost.com/6561234.html',
  };
  const articles = strapi.documents(ARTICLE as any);
  const draft: Row = options.documentId
    ? (await articles.update({ documentId: options.documentId, locale, data: data as any }))!
    : await articles.create({ locale, data: data as any });
  for (const [position, text] of quotes.entries()) {
    const quote: Row = await strapi.documents(PULL_QUOTE as any).create({
      locale,
      data: {
        text,
        speaker: `受訪者${position + 1}`,
        speakerTitle: '總監',
        speakerOrg: '某公司',
        position,
        article: draft.documentId,
      } as any,
    });
    await strapi.documents(PULL_QUOTE as any).publish({ documentId: quote.documentId, locale });
  }
  if (options.publish !== false) await articles.publish({ documentId: draft.documentId, locale });
  return { documentId: draft.documentId, slug: draft.slug, locale };
}
