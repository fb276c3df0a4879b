import type { Core } from '@strapi/strapi';
import type { Row } from '../utils/row';

/**
 * The admin form holds relations as changes (`{ connect: [...], disconnect: [...] }`), not as the list
 * of what is linked: the Content Manager loads the linked entries separately. To check the form as it
 * is, the changes are applied to the stored draft's relations here.
 */
export interface RelationChange {
  connect?: unknown[];
  disconnect?: unknown[];
}

const TO_ONE = ['author', 'editor', 'source', 'republisher'] as const;
const TO_MANY = ['pullQuotes', 'coAuthors'] as const;

export function isRelationChange(value: unknown): value is RelationChange {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return ('connect' in value || 'disconnect' in value) && !('documentId' in value);
}

const idOf = (ref: unknown): string | null => {
  if (typeof ref === 'string') return ref;
  if (ref && typeof ref === 'object' && typeof (ref as Row).documentId === 'string') return (ref as Row).documentId;
  return null;
};
const ids = (refs: unknown[] | undefined): string[] => (refs ?? []).map(idOf).filter((id): id is string => id !== null);

/** A to-one relation after the form's change: the last connected entry wins; disconnecting the stored one clears it. */
export function applyToOne(stored: string | null, change: RelationChange): string | null {
  const connect = ids(change.connect);
  if (connect.length > 0) return connect[connect.length - 1]!;
  return stored !== null && ids(change.disconnect).includes(stored) ? null : stored;
}

/** A to-many relation after the form's change: stored order kept, new entries appended. */
export function applyToMany(stored: string[], change: RelationChange): string[] {
  const disconnect = new Set(ids(change.disconnect));
  const out = stored.filter((id) => !disconnect.has(id));
  for (const id of ids(change.connect)) if (!out.includes(id)) out.push(id);
  return out;
}

/** The relation a form value names: a documentId, an entry, a change against `stored`, or nothing. */
function toOneValue(value: unknown, stored: string | null): string | null {
  if (isRelationChange(value)) return applyToOne(stored, value);
  if (Array.isArray(value)) return ids(value).at(-1) ?? null;
  return idOf(value);
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The form's data with every relation given as documentIds (what the snapshot reads), relation
   * changes applied to the stored draft. Data without relation changes is returned as it came.
   */
  async resolve(uid: string, data: Row, locale: string, documentId?: string): Promise<Row> {
    const components = [data.cover, ...(Array.isArray(data.gallery) ? data.gallery : [])] as Array<Row | null | undefined>;
    const needsStored =
      [...TO_ONE, ...TO_MANY].some((key) => isRelationChange(data[key])) || components.some((c) => c && isRelationChange(c.agency));
    const stored: Row =
      needsStored && documentId
        ? ((await strapi.db.query(uid).findOne({
            where: { documentId, locale, publishedAt: null },
            populate: {
              author: { select: ['documentId'] },
              editor: { select: ['documentId'] },
              source: { select: ['documentId'] },
              republisher: { select: ['documentId'] },
              pullQuotes: { select: ['documentId', 'position'] },
              coAuthors: { select: ['documentId'] },
              cover: { populate: { agency: { select: ['documentId'] } } },
              gallery: { populate: { agency: { select: ['documentId'] } } },
            },
          })) ?? {})
        : {};

    const out: Row = { ...data };
    for (const key of TO_ONE) {
      if (key in data) out[key] = toOneValue(data[key], idOf(stored[key]));
    }
    for (const key of TO_MANY) {
      if (!(key in data)) continue;
      const value = data[key];
      if (isRelationChange(value)) {
        const storedIds = ((stored[key] ?? []) as Row[])
          .slice()
          .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
          .map((row) => row.documentId as string);
        out[key] = applyToMany(storedIds, value);
      } else if (Array.isArray(value)) {
        out[key] = ids(value);
      }
    }

    // A component's agency is matched to the stored component by its id; a new component has none.
    const storedComponent = (component: Row): Row | undefined => {
      if (typeof component.id !== 'number') return undefined;
      const candidates = [stored.cover, ...((stored.gallery as Row[] | undefined) ?? [])] as Array<Row | null | undefined>;
      return candidates.find((c) => c?.id === component.id) ?? undefined;
    };
    const resolveComponent = (component: Row | null | undefined) =>
      component && typeof component === 'object'
        ? { ...component, agency: toOneValue(component.agency, idOf(storedComponent(component)?.agency)) }
        : component;
    if ('cover' in data) out.cover = resolveComponent(data.cover);
    if (Array.isArray(data.gallery)) out.gallery = data.gallery.map(resolveComponent);
    return out;
  },
});
