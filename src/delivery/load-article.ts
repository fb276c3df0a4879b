import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE_UID, AUTHOR_UID, CORRECTION_UID, CREDITED_IMAGE_UID, PULL_QUOTE_UID, SOURCE_UID } from '../lib/content-types';
import { MEDIA_CREDIT_UID, FILE_UID } from '../plugins/attribution-guard/shared/constants';
import {
  ARTICLE_ID,
  DOCUMENT_ID,
  joinTableOf,
  LOCALE,
  model,
  pick,
  run,
  select,
  SLUG,
  statement,
  type Picked,
  type Statement,
} from './article-statements';
import type { LoadedArticle, Row } from './serialize';
import type { LoadedLocalization } from './types';

/*
 * Columns are named one by one, so a private column (a source's `agreementId`) or an admin field is
 * never even read. Every related entry is limited to published rows: Strapi links a published story
 * to published versions already, and this says so where it matters.
 */
export const ARTICLE = [
  'id',
  'documentId',
  'locale',
  'slug',
  'title',
  'dek',
  'body',
  'originalUrl',
  'publishedAt',
  'firstPublishedAt',
  'createdAt',
  'updatedAt',
];
export const PERSON = ['documentId', 'name', 'displayName', 'role', 'url', 'sameAs'];
export const ORGANIZATION = ['documentId', 'name', 'shortName', 'kind', 'website'];
export const FILE = ['id', 'documentId', 'name', 'alternativeText', 'caption', 'width', 'height', 'formats', 'mime', 'url'];
export const CREDITED_IMAGE = ['id', 'credit', 'photographer', 'license', 'caption', 'alt'];
export const PULL_QUOTE = ['id', 'documentId', 'text', 'speaker', 'speakerTitle', 'speakerOrg', 'position'];
export const CREDIT = ['fileId', 'credit', 'photographer', 'license'];
export const CORRECTION = ['id', 'at', 'kind', 'text'];

/** Strapi's own names for the columns of its component and media link tables. */
const COMPONENT_FIELD = 'field';
const COMPONENT_TYPE = 'component_type';
const COMPONENT_ORDER = 'order';
const MORPH_FIELD = 'field';

type JoinClause = Knex.JoinClause;

interface Statements {
  article: Statement;
  people: Statement;
  organizations: Statement;
  pullQuotes: Statement;
  images: Statement;
  corrections: Statement;
  localizations: Statement;
  readArticle: Picked;
  person: Picked;
  organization: Picked;
  logo: Picked;
  pullQuote: Picked;
  image: Picked;
  imageFile: Picked;
  agency: Picked;
  file: Picked;
  credit: Picked;
  correction: Picked;
}

const prepared = new WeakMap<Core.Strapi, Statements>();

/**
 * One statement per kind of related row, however many relations of that kind a story has: people
 * (author, co-authors, editor), organisations with their logos (outlet, republisher), pull-quotes,
 * credited images with their files and agencies (cover, gallery), other locales.
 */
function statements(strapi: Core.Strapi): Statements {
  const cached = prepared.get(strapi);
  if (cached) return cached;
  const knex = strapi.db.connection;
  const table = (uid: string) => model(strapi, uid).tableName;
  const column = (uid: string, alias: string, attribute: string) => `${alias}.${model(strapi, uid).attributes[attribute]!.columnName}`;
  const published = (uid: string, alias: string) => column(uid, alias, 'publishedAt');
  const media = joinTableOf(strapi, FILE_UID, 'related');
  const mediaOf = (uid: string, field: string, owner: string) => (join: JoinClause) =>
    join
      .on(`m.${media.morphColumn!.idColumn.name}`, owner)
      .andOnVal(`m.${media.morphColumn!.typeColumn.name}`, '=', uid)
      .andOnVal(`m.${MORPH_FIELD}`, '=', field);

  const readArticle = pick(strapi, ARTICLE_UID, 't', ARTICLE);
  const article = knex
    .select(readArticle.columns)
    .from({ t: table(ARTICLE_UID) })
    .where(column(ARTICLE_UID, 't', 'slug'), SLUG)
    .andWhere(column(ARTICLE_UID, 't', 'locale'), LOCALE)
    .whereNotNull(published(ARTICLE_UID, 't'))
    .limit(1);

  // The article's side of each link table (its join column, the other side, the order of a to-many).
  const linked = (attribute: string, targetUid: string, alias: string) => {
    const link = joinTableOf(strapi, ARTICLE_UID, attribute);
    return knex
      .from({ l: link.name })
      .join({ [alias]: table(targetUid) }, `${alias}.id`, `l.${link.inverseJoinColumn.name}`)
      .where(`l.${link.joinColumn.name}`, ARTICLE_ID)
      .whereNotNull(published(targetUid, alias))
      .select({ rel: knex.raw(`'${attribute}'`), ord: link.orderColumnName ? `l.${link.orderColumnName}` : knex.raw('0'), link: 'l.id' });
  };

  const person = pick(strapi, AUTHOR_UID, 'p', PERSON);
  const people = linked('author', AUTHOR_UID, 'p')
    .select(person.columns)
    .unionAll([linked('coAuthors', AUTHOR_UID, 'p').select(person.columns), linked('editor', AUTHOR_UID, 'p').select(person.columns)]);

  const organization = pick(strapi, SOURCE_UID, 's', [...ORGANIZATION, 'attributionTemplate']);
  const logo = pick(strapi, FILE_UID, 'f', FILE, 'logo_');
  const withLogo = (attribute: string) =>
    linked(attribute, SOURCE_UID, 's')
      .select(organization.columns, logo.columns)
      .leftJoin({ m: media.name }, mediaOf(SOURCE_UID, 'logo', 's.id'))
      .leftJoin({ f: table(FILE_UID) }, 'f.id', `m.${media.joinColumn.name}`);
  const organizations = withLogo('source').unionAll([withLogo('republisher')]);

  const pullQuote = pick(strapi, PULL_QUOTE_UID, 'q', PULL_QUOTE);
  const pullQuotes = linked('pullQuotes', PULL_QUOTE_UID, 'q')
    .select(pullQuote.columns)
    .orderBy([{ column: column(PULL_QUOTE_UID, 'q', 'position') }, { column: 'q.id' }]);

  // Cover and gallery share the article's component table; each row says which field it fills.
  const components = joinTableOf(strapi, ARTICLE_UID, 'cover');
  const agencyLink = joinTableOf(strapi, CREDITED_IMAGE_UID, 'agency');
  const image = pick(strapi, CREDITED_IMAGE_UID, 'c', CREDITED_IMAGE);
  const imageFile = pick(strapi, FILE_UID, 'f', FILE, 'image_');
  const agency = pick(strapi, SOURCE_UID, 's', ORGANIZATION, 'agency_');
  const images = knex
    .select({ field: `k.${COMPONENT_FIELD}`, ord: `k.${COMPONENT_ORDER}` }, image.columns, imageFile.columns, agency.columns)
    .from({ k: components.name })
    .join({ c: table(CREDITED_IMAGE_UID) }, 'c.id', `k.${components.inverseJoinColumn.name}`)
    .leftJoin({ m: media.name }, mediaOf(CREDITED_IMAGE_UID, 'image', 'c.id'))
    .leftJoin({ f: table(FILE_UID) }, 'f.id', `m.${media.joinColumn.name}`)
    .leftJoin({ al: agencyLink.name }, `al.${agencyLink.joinColumn.name}`, 'c.id')
    .leftJoin({ s: table(SOURCE_UID) }, (join: JoinClause) =>
      join.on('s.id', `al.${agencyLink.inverseJoinColumn.name}`).andOnNotNull(published(SOURCE_UID, 's')),
    )
    .where(`k.${components.joinColumn.name}`, ARTICLE_ID)
    .andWhere(`k.${COMPONENT_TYPE}`, CREDITED_IMAGE_UID)
    .whereIn(`k.${COMPONENT_FIELD}`, [components.on!.field!, joinTableOf(strapi, ARTICLE_UID, 'gallery').on!.field!])
    .orderBy([{ column: `k.${COMPONENT_ORDER}` }, { column: 'k.id' }]);

  // Corrections are a repeatable component in the same link table, in the order they were added.
  const correctionLink = joinTableOf(strapi, ARTICLE_UID, 'corrections');
  const correction = pick(strapi, CORRECTION_UID, 'r', CORRECTION);
  const corrections = knex
    .select(correction.columns)
    .from({ k: correctionLink.name })
    .join({ r: table(CORRECTION_UID) }, 'r.id', `k.${correctionLink.inverseJoinColumn.name}`)
    .where(`k.${correctionLink.joinColumn.name}`, ARTICLE_ID)
    .andWhere(`k.${COMPONENT_TYPE}`, CORRECTION_UID)
    .andWhere(`k.${COMPONENT_FIELD}`, correctionLink.on!.field!)
    .orderBy([{ column: `k.${COMPONENT_ORDER}` }, { column: 'k.id' }]);

  const localizations = knex
    .select({ locale: column(ARTICLE_UID, 't', 'locale'), slug: column(ARTICLE_UID, 't', 'slug') })
    .from({ t: table(ARTICLE_UID) })
    .where(column(ARTICLE_UID, 't', 'documentId'), DOCUMENT_ID)
    .andWhere(column(ARTICLE_UID, 't', 'locale'), '<>', LOCALE)
    .whereNotNull(published(ARTICLE_UID, 't'))
    .orderBy(column(ARTICLE_UID, 't', 'locale'));

  const built: Statements = {
    article: statement(article),
    people: statement(people),
    organizations: statement(organizations),
    pullQuotes: statement(pullQuotes),
    images: statement(images),
    corrections: statement(corrections),
    localizations: statement(localizations),
    readArticle,
    person,
    organization,
    logo,
    pullQuote,
    image,
    imageFile,
    agency,
    file: pick(strapi, FILE_UID, 'f', FILE),
    credit: pick(strapi, MEDIA_CREDIT_UID, 'mc', CREDIT),
    correction,
  };
  prepared.set(strapi, built);
  return built;
}

/** The first row per relation, in link order (a to-one link has one row; the order breaks ties). */
const byRelation = (rows: Row[]) => {
  const groups = new Map<string, Row[]>();
  for (const row of [...rows].sort((a, b) => Number(a.ord ?? 0) - Number(b.ord ?? 0) || Number(a.link) - Number(b.link))) {
    const group = groups.get(row.rel) ?? [];
    group.push(row);
    groups.set(row.rel, group);
  }
  return (rel: string) => groups.get(rel) ?? [];
};

/**
 * Loads a published story and what its response needs in a fixed number of queries, however many
 * people, pull-quotes, images and corrections it has: the article, then at once its people,
 * organisations, pull-quotes, images, corrections and other locales; for body images one more for their files, and one for the
 * credits stored with files that a usage does not credit itself.
 */
export async function loadPublishedArticle(strapi: Core.Strapi, slug: string, locale: string): Promise<LoadedArticle | null> {
  const s = statements(strapi);
  const [row] = await run(strapi, s.article, { [SLUG]: slug, [LOCALE]: locale });
  const article = row ? s.readArticle.read(row) : null;
  if (!article) return null;

  const values = { [ARTICLE_ID]: article.id, [DOCUMENT_ID]: article.documentId, [LOCALE]: locale };
  const bodyUrls = bodyImageUrls(article.body);
  const [people, organizations, pullQuotes, images, correctionRows, localizations, bodyFileRows] = await Promise.all([
    run(strapi, s.people, values).then(byRelation),
    run(strapi, s.organizations, values).then(byRelation),
    run(strapi, s.pullQuotes, values),
    run(strapi, s.images, values),
    run(strapi, s.corrections, values),
    run(strapi, s.localizations, values),
    bodyUrls.length > 0
      ? select(strapi, (knex) =>
          knex
            .select(s.file.columns)
            .from({ f: model(strapi, FILE_UID).tableName })
            .whereIn('f.url', bodyUrls),
        )
      : Promise.resolve([] as Row[]),
  ]);

  const person = (row: Row | undefined) => (row ? s.person.read(row) : null);
  article.author = person(people('author')[0]);
  article.coAuthors = people('coAuthors').map((r) => s.person.read(r));
  article.editor = person(people('editor')[0]);
  const organization = (r: Row | undefined) => {
    const org = r ? s.organization.read(r) : null;
    if (org) org.logo = s.logo.read(r!);
    return org;
  };
  article.source = organization(organizations('source')[0]);
  article.republisher = organization(organizations('republisher')[0]);
  article.pullQuotes = pullQuotes.map((r) => s.pullQuote.read(r));
  const credited = (r: Row) => ({ ...s.image.read(r), image: s.imageFile.read(r), agency: s.agency.read(r) });
  article.cover = images.filter((r) => r.field === 'cover').map(credited)[0] ?? null;
  article.gallery = images.filter((r) => r.field === 'gallery').map(credited);
  article.corrections = correctionRows.map((r) => s.correction.read(r));
  const bodyFiles = bodyFileRows.map((r) => s.file.read(r)!);

  // Credits typed once on a media file cover every usage that has none of its own (body images always).
  const uncredited = [article.cover, ...article.gallery]
    .filter((usage: Row | null) => usage && !usage.credit && typeof usage.image?.id === 'number')
    .map((usage: Row) => usage.image.id as number)
    .concat(bodyFiles.map((file) => file.id as number));
  const creditRows = uncredited.length > 0 ? await storedCredits(strapi, s, [...new Set(uncredited)]) : [];

  return {
    article,
    bodyFiles: new Map(bodyFiles.map((file) => [file.url as string, file])),
    fileCredits: new Map(creditRows.map((credit) => [credit.fileId as number, credit])),
    localizations: localizations.map((r): LoadedLocalization => ({ locale: r.locale, slug: r.slug })),
  };
}

async function storedCredits(strapi: Core.Strapi, s: Statements, fileIds: number[]): Promise<Row[]> {
  const credits = model(strapi, MEDIA_CREDIT_UID);
  const agencyLink = joinTableOf(strapi, MEDIA_CREDIT_UID, 'agency');
  const rows = await select(strapi, (knex) =>
    knex
      .select(s.credit.columns, s.agency.columns)
      .from({ mc: credits.tableName })
      .leftJoin({ al: agencyLink.name }, `al.${agencyLink.joinColumn.name}`, 'mc.id')
      .leftJoin({ s: model(strapi, SOURCE_UID).tableName }, (join: JoinClause) =>
        join
          .on('s.id', `al.${agencyLink.inverseJoinColumn.name}`)
          .andOnNotNull(`s.${model(strapi, SOURCE_UID).attributes.publishedAt!.columnName}`),
      )
      .whereIn(`mc.${credits.attributes.fileId!.columnName}`, fileIds),
  );
  return rows.map((r) => ({ ...s.credit.read(r), agency: s.agency.read(r) }));
}

/** Published locales of every story that has this slug in some locale, for a helpful 404. */
export async function publishedLocalesOfSlug(strapi: Core.Strapi, slug: string): Promise<LoadedLocalization[]> {
  const matches: Row[] = await strapi.db
    .query(ARTICLE_UID)
    .findMany({ select: ['documentId'], where: { slug, publishedAt: { $notNull: true } } });
  if (matches.length === 0) return [];
  const rows: Row[] = await strapi.db.query(ARTICLE_UID).findMany({
    select: ['locale', 'slug'],
    where: { documentId: { $in: [...new Set(matches.map((m) => m.documentId))] }, publishedAt: { $notNull: true } },
    orderBy: { locale: 'asc' },
  });
  return rows.map((row) => ({ locale: row.locale, slug: row.slug }));
}

/** URLs of the images placed in a story's Blocks body (the published page and the draft preview alike). */
export function bodyImageUrls(body: unknown): string[] {
  if (!Array.isArray(body)) return [];
  const urls = new Set<string>();
  for (const node of body) {
    const url = (node as Row | null)?.type === 'image' ? (node as Row).image?.url : undefined;
    if (typeof url === 'string' && url !== '') urls.add(url);
  }
  return [...urls];
}
