import type { Core, UID } from '@strapi/strapi';
import { FILE_UID } from '../constants';
import { getService } from '../utils/get-service';
import type { Row } from '../utils/row';
import type { SchemaLike } from '../dependents/paths';

export interface LiveUsage {
  contentType: string;
  documentId: string;
  locale: string | null;
  title: string | null;
}

/** Where a guarded type can show a media file: media fields, components holding media, Blocks. */
export function imagePaths(strapi: Core.Strapi, uid: string): { filters: Row[]; blocks: string[] } {
  const model = strapi.getModel(uid as UID.ContentType) as SchemaLike | undefined;
  const filters: Row[] = [];
  const blocks: string[] = [];
  for (const [name, attribute] of Object.entries<Row>(model?.attributes ?? {})) {
    if (attribute.type === 'media') filters.push({ [name]: { id: '$FILE' } });
    if (attribute.type === 'blocks') blocks.push(name);
    if (attribute.type === 'component') {
      const component = strapi.components[attribute.component as keyof typeof strapi.components] as SchemaLike | undefined;
      for (const [inner, innerAttribute] of Object.entries<Row>(component?.attributes ?? {})) {
        if (innerAttribute.type === 'media') filters.push({ [name]: { [inner]: { id: '$FILE' } } });
      }
    }
  }
  return { filters, blocks };
}

/** A Blocks value shows the file when one of its image nodes carries the file's id or URL. */
export function blocksShowFile(value: unknown, file: { id: number; url?: string | null }): boolean {
  if (!Array.isArray(value)) return false;
  return value.some((node) => {
    if (!node || typeof node !== 'object' || (node as Row).type !== 'image') return false;
    const image = (node as Row).image as Row | null | undefined;
    return !!image && (image.id === file.id || (!!file.url && image.url === file.url));
  });
}

const withFile = (filter: Row, id: number): Row => JSON.parse(JSON.stringify(filter).replace('"$FILE"', String(id)));

/**
 * Published entries of the guarded content types that show a media file (cover, gallery, body), i.e.
 * where a change to the file's credit is seen by readers at once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async liveUsages(fileId: number): Promise<LiveUsage[]> {
    const file = await strapi.db.query(FILE_UID).findOne({ where: { id: fileId }, select: ['id', 'url'] });
    if (!file) return [];
    const found = new Map<string, LiveUsage>();
    const add = (uid: string, row: Row) => {
      const usage = { contentType: uid, documentId: row.documentId, locale: row.locale ?? null, title: row.title ?? null };
      found.set(`${uid}:${usage.documentId}:${usage.locale}`, usage);
    };
    for (const uid of getService(strapi, 'guard').config().contentTypes) {
      const model = strapi.getModel(uid as UID.ContentType) as (SchemaLike & { options?: { draftAndPublish?: boolean } }) | undefined;
      if (!model?.options?.draftAndPublish) continue;
      const select = ['documentId', 'locale', ...(model.attributes?.title ? ['title'] : [])].filter(
        (key) => key === 'documentId' || model.attributes?.[key],
      );
      const { filters, blocks } = imagePaths(strapi, uid);
      if (filters.length > 0) {
        const rows = await strapi.db
          .query(uid)
          .findMany({ select, where: { publishedAt: { $notNull: true }, $or: filters.map((f) => withFile(f, fileId)) } });
        for (const row of rows) add(uid, row);
      }
      // Blocks are JSON: published rows are read in pages and their image nodes compared.
      for (const field of blocks) {
        for (let offset = 0; ; offset += 200) {
          const rows = await strapi.db.query(uid).findMany({
            select: [...select, field],
            where: { publishedAt: { $notNull: true } },
            orderBy: { id: 'asc' },
            offset,
            limit: 200,
          });
          for (const row of rows) if (blocksShowFile(row[field], file)) add(uid, row);
          if (rows.length < 200) break;
        }
      }
    }
    return [...found.values()];
  },
});
