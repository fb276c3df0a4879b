import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, AUTHOR_UID, DEFAULT_LOCALE, PULL_QUOTE_UID, SOURCE_UID } from '../lib/content-types';
import { convertBlocks, convertOptional, createConverter, type TextConverter, type TraditionalVariant } from './convert';
import { machineConvertedNote } from './notes';
import type { Row } from '../lib/row';
import { documentData } from '../lib/document-data';

export const ZH_HANS = 'zh-Hans';

export interface EditionResult {
  documentId: string;
  locale: typeof ZH_HANS;
  /** False when an existing zh-Hans draft was refreshed. */
  created: boolean;
  machineConverted: true;
  needsReview: true;
  from: TraditionalVariant;
  convertedAt: string;
  pullQuotes: number;
  /** What the editor must settle by hand. */
  notes: string[];
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Names never converted: every author's and source's name, short name and aliases, and the configured list. */
export async function protectedNames(strapi: Core.Strapi): Promise<string[]> {
  const sources: Row[] = await strapi.db.query(SOURCE_UID).findMany({ select: ['name', 'shortName', 'aliases'] });
  const authors: Row[] = await strapi.db.query(AUTHOR_UID).findMany({ select: ['name', 'displayName', 'aliases'] });
  const configured = list(strapi.config.get('editions.zhHans.protectedNames', []));
  const names = [...sources.flatMap((s) => [s.name, s.shortName, ...list(s.aliases)]), ...authors.flatMap((a) => [a.name, a.displayName, ...list(a.aliases)]), ...configured];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim() !== ''))];
}

function convertImage(image: Row | null | undefined, convert: TextConverter): Row | null {
  if (!image) return null;
  return {
    image: image.image?.id ?? null,
    credit: image.credit ?? null,
    agency: image.agency?.documentId ?? null,
    photographer: image.photographer ?? null,
    license: image.license ?? null,
    caption: convertOptional(image.caption, convert),
    alt: convertOptional(image.alt, convert),
  };
}

/**
 * Creates or refreshes the zh-Hans localisation of a zh-Hant article as a draft: title, dek, body,
 * captions and pull-quotes converted with OpenCC (Traditional → mainland Simplified, phrases
 * included), names of people and outlets kept, byline and outlet relations carried over. The result
 * is marked machine-converted and is sent to review when the editorial workflow is installed.
 */
export async function createZhHansEdition(strapi: Core.Strapi, documentId: string, options: { from?: TraditionalVariant; actor?: { id: number } | null } = {}): Promise<EditionResult> {
  const from: TraditionalVariant = options.from ?? (String(strapi.config.get('editions.zhHans.from', 'tw')) === 'hk' ? 'hk' : 'tw');
  const articles = strapi.documents(ARTICLE_UID);
  const source: Row | null = await articles.findOne({
    documentId, locale: DEFAULT_LOCALE, status: 'draft',
    populate: { cover: { populate: { image: true, agency: true } }, gallery: { populate: { image: true, agency: true } }, author: true, coAuthors: true, editor: true, source: true, republisher: true, pullQuotes: true },
  });
  if (!source) throw new errors.NotFoundError(`No ${DEFAULT_LOCALE} article ${documentId} to convert.`);

  const convert = createConverter(from, await protectedNames(strapi));
  const notes: string[] = [];
  const authorIn = async (person: Row | null | undefined, role: string): Promise<string | null> => {
    if (!person) return null;
    const localised = await strapi.db.query(AUTHOR_UID).findOne({ where: { documentId: person.documentId, locale: ZH_HANS }, select: ['id'] });
    if (localised) return person.documentId as string;
    notes.push(`The ${role} ${person.name} has no ${ZH_HANS} profile yet; set the ${role} after creating it.`);
    return null;
  };
  const coAuthorsIn = async (people: Row[] | null | undefined): Promise<string[]> => {
    const ids: string[] = [];
    for (const person of people ?? []) {
      const id = await authorIn(person, 'co-author');
      if (id) ids.push(id);
    }
    return ids;
  };
  const existing = await strapi.db.query(ARTICLE_UID).findOne({ where: { documentId, locale: ZH_HANS }, select: ['id'] });

  const data = {
    title: convert(source.title),
    dek: convertOptional(source.dek, convert),
    body: convertBlocks(source.body ?? [], convert),
    cover: convertImage(source.cover, convert),
    gallery: (source.gallery ?? []).map((image: Row) => convertImage(image, convert)),
    author: await authorIn(source.author, 'author'),
    coAuthors: await coAuthorsIn(source.coAuthors),
    editor: await authorIn(source.editor, 'editor'),
    source: source.source?.documentId ?? null,
    republisher: source.republisher?.documentId ?? null,
    originalUrl: source.originalUrl ?? null,
  };
  const quotes: Row[] = [...(source.pullQuotes ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));

  await strapi.db.transaction(async () => {
    // As the Content Manager does: whoever creates the edition is its creator (so "own entries" roles
    // may refresh it later), whoever refreshes it its last editor.
    const actor = options.actor ? (existing ? { updatedBy: options.actor.id } : { createdBy: options.actor.id, updatedBy: options.actor.id }) : {};
    await articles.update({ documentId, locale: ZH_HANS, data: documentData(ARTICLE_UID, { ...data, ...actor }) });
    for (const quote of quotes) {
      await strapi.documents(PULL_QUOTE_UID).update({
        documentId: quote.documentId,
        locale: ZH_HANS,
        data: documentData(PULL_QUOTE_UID, { text: convert(quote.text), speaker: quote.speaker, speakerTitle: convertOptional(quote.speakerTitle, convert), speakerOrg: quote.speakerOrg, position: quote.position, article: documentId }),
      });
    }
  });

  const result: EditionResult = {
    documentId, locale: ZH_HANS, created: !existing, machineConverted: true, needsReview: true, from,
    convertedAt: new Date().toISOString(), pullQuotes: quotes.length, notes,
  };
  await strapi.store({ type: 'core', name: 'newsroom' }).set({ key: `zh-hans-edition:${documentId}`, value: result });
  const workflow = strapi.plugin('editorial-workflow');
  if (workflow) {
    await workflow.service('workflow').setStage({ uid: ARTICLE_UID, documentId, locale: ZH_HANS }, 'in-review', machineConvertedNote(DEFAULT_LOCALE, from));
  }
  return result;
}

/** The machine-conversion mark of an article's zh-Hans edition, or null if it was never converted. */
export async function editionMark(strapi: Core.Strapi, documentId: string): Promise<EditionResult | null> {
  return ((await strapi.store({ type: 'core', name: 'newsroom' }).get({ key: `zh-hans-edition:${documentId}` })) as EditionResult | null) ?? null;
}
