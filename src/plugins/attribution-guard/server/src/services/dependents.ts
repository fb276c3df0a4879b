import type { Core } from '@strapi/strapi';
import { MEDIA_CREDIT_UID, FILE_UID } from '../constants';
import type { Dependent, RemovalAction } from '../dependents/describe';
import {
  blocksFields,
  blocksShowFile,
  directRelationsTo,
  mediaPaths,
  relationPathsTo,
  showsStoredCredit,
  whereThrough,
  type SchemaLike,
  type SchemaOf,
} from '../dependents/paths';
import { excerpt } from '../../../shared/text/messages';
import { getService } from '../utils/get-service';
import { isLocalized } from '../utils/localized';
import type { Row } from '../utils/row';

export type FoundDependent = Dependent & { viaMediaCredit?: boolean };
/** Locales of the record being removed: a list, or every locale. */
export type LocaleScope = string[] | '*';

const published = { publishedAt: { $notNull: true } };
const SCAN_PAGE = 200;

/**
 * Finds the published stories (rows of the guarded content types) that show a record — through a
 * relation of the story or of one of its components, or, for a source, as the agency in a media file's
 * stored credit where a story shows that file without a credit of its own.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const schemaOf: SchemaOf = (uid) =>
    (strapi.contentTypes[uid as keyof typeof strapi.contentTypes] ?? strapi.components[uid as keyof typeof strapi.components]) as
      SchemaLike | undefined;
  const storyTypes = (): string[] => getService(strapi, 'guard').config().contentTypes;

  /** Whether removing a record of this type can change a story at all (cheap; read from the schemas). */
  function mayHaveDependents(uid: string): boolean {
    return (
      storyTypes().some((story) => relationPathsTo(schemaOf, story, uid).length > 0) ||
      directRelationsTo(schemaOf(MEDIA_CREDIT_UID), uid).length > 0
    );
  }

  const toDependent = (story: string, field: string, row: Row, viaMediaCredit = false): FoundDependent => ({
    contentType: story,
    documentId: row.documentId,
    locale: row.locale ?? null,
    title: typeof row.title === 'string' ? row.title : null,
    field,
    ...(viaMediaCredit ? { viaMediaCredit } : {}),
  });

  /**
   * Populate for the components along a media path, each with its relations and media (the usage's own
   * agency and the file): `{ cover: { populate: { image: true, agency: true } } }`.
   */
  function populateUsages(story: string, path: string[]): Row {
    if (path.length === 1) return { [path[0]!]: true };
    let uid = story;
    const chain: Array<{ name: string; component: string }> = [];
    for (const name of path.slice(0, -1)) {
      const component = schemaOf(uid)?.attributes[name]?.component;
      if (!component) break;
      chain.push({ name, component });
      uid = component;
    }
    const leafFields = Object.entries(schemaOf(uid)?.attributes ?? {})
      .filter(([, a]) => a.type === 'relation' || a.type === 'media')
      .map(([n]) => n);
    let populate: Row = Object.fromEntries(leafFields.map((n) => [n, true]));
    for (const { name } of [...chain].reverse()) populate = { [name]: { populate } };
    return populate;
  }

  async function throughRelations(uid: string, documentId: string, locales: LocaleScope, action: RemovalAction): Promise<FoundDependent[]> {
    // Unpublishing removes only the published rows of the record; a published story links to those.
    const target: Row = {
      documentId,
      ...(isLocalized(strapi, uid) && locales !== '*' ? { locale: { $in: locales } } : {}),
      ...(action === 'unpublish' ? published : {}),
    };
    const found: FoundDependent[] = [];
    for (const story of storyTypes()) {
      for (const path of relationPathsTo(schemaOf, story, uid)) {
        const rows: Row[] = await strapi.db
          .query(story)
          .findMany({ select: ['documentId', 'locale', 'title'], where: { ...published, ...whereThrough(path, target) } });
        found.push(...rows.map((row) => toDependent(story, path.join('.'), row)));
      }
    }
    return found;
  }

  async function throughMediaCredits(uid: string, documentId: string): Promise<FoundDependent[]> {
    const fields = directRelationsTo(schemaOf(MEDIA_CREDIT_UID), uid);
    if (fields.length === 0) return [];
    const credits: Row[] = await strapi.db
      .query(MEDIA_CREDIT_UID)
      .findMany({ select: ['fileId'], where: { $or: fields.map((f) => ({ [f]: { documentId } })) } });
    const fileIds = new Set(credits.map((c) => c.fileId as number));
    if (fileIds.size === 0) return [];
    const files: Row[] = await strapi.db.query(FILE_UID).findMany({ select: ['id', 'url'], where: { id: { $in: [...fileIds] } } });
    const urls = new Set(files.map((f) => f.url as string).filter(Boolean));

    const found: FoundDependent[] = [];
    for (const story of storyTypes()) {
      for (const path of mediaPaths(schemaOf, story)) {
        // Load the components on the way with their own credit and agency: those decide whether the stored credit shows.
        const rows: Row[] = await strapi.db.query(story).findMany({
          select: ['documentId', 'locale', 'title'],
          where: { ...published, ...whereThrough(path, { id: { $in: [...fileIds] } }) },
          populate: populateUsages(story, path),
        });
        found.push(
          ...rows.filter((row) => showsStoredCredit(row, path, fileIds)).map((row) => toDependent(story, path.join('.'), row, true)),
        );
      }
      // Blocks JSON cannot be filtered portably: published stories are read page by page.
      const blocks = blocksFields(schemaOf, story);
      if (blocks.length === 0) continue;
      for (let offset = 0; ; offset += SCAN_PAGE) {
        const rows: Row[] = await strapi.db.query(story).findMany({
          select: ['id', 'documentId', 'locale', 'title', ...blocks],
          where: published,
          orderBy: { id: 'asc' },
          offset,
          limit: SCAN_PAGE,
        });
        for (const row of rows)
          for (const field of blocks) if (blocksShowFile(row[field], fileIds, urls)) found.push(toDependent(story, field, row, true));
        if (rows.length < SCAN_PAGE) break;
      }
    }
    return found;
  }

  return {
    mayHaveDependents,

    /** Published stories that would lose the record if these locales of it were unpublished or deleted. */
    async find(uid: string, documentId: string, locales: LocaleScope, action: RemovalAction): Promise<FoundDependent[]> {
      const found = [...(await throughRelations(uid, documentId, locales, action)), ...(await throughMediaCredits(uid, documentId))];
      const seen = new Set<string>();
      return found.filter((d) => {
        const key = `${d.contentType}|${d.documentId}|${d.locale}|${d.field}|${d.viaMediaCredit ? 1 : 0}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },

    /** How editors know the record: a person's display name, a source's name, a quote's opening words. */
    async label(uid: string, documentId: string): Promise<string> {
      const row: Row | null = await strapi.db.query(uid).findOne({ where: { documentId }, orderBy: { publishedAt: 'desc' } });
      if (!row) return documentId;
      for (const key of ['displayName', 'name', 'title'])
        if (typeof row[key] === 'string' && row[key].trim() !== '') return row[key].trim();
      if (typeof row.text === 'string' && row.text.trim() !== '') return excerpt(row.text);
      return documentId;
    },
  };
};
