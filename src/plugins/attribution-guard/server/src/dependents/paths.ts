/**
 * Which fields of a story can point at a record, read from the schemas: a story shows what its own
 * relations (and the relations inside its components) link to, so unpublishing or deleting that
 * record changes a live story. Pure: the schemas come in as a lookup.
 */
export interface AttributeLike {
  type: string;
  target?: string;
  component?: string;
  relation?: string;
  repeatable?: boolean;
}
export interface SchemaLike {
  attributes: Record<string, AttributeLike>;
}
export type SchemaOf = (uid: string) => SchemaLike | undefined;

/** Attribute names from the story down to the field, e.g. `['author']`, `['cover', 'agency']`. */
export type FieldPath = string[];

/**
 * Attributes Strapi adds to every model: the i18n link between a document's own locales and the admin
 * users who wrote it. They show nothing a reader sees, and unpublishing one locale must not count the
 * document's other locales as stories that show it.
 */
const SYSTEM_ATTRIBUTES = new Set(['localizations', 'createdBy', 'updatedBy']);

/** Walks the story's attributes and its components' (any depth, each component once per branch). */
function walk(
  schemaOf: SchemaOf,
  uid: string,
  visit: (path: FieldPath, attribute: AttributeLike) => void,
  prefix: FieldPath = [],
  seen: Set<string> = new Set(),
): void {
  const schema = schemaOf(uid);
  if (!schema) return;
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (SYSTEM_ATTRIBUTES.has(name)) continue;
    const path = [...prefix, name];
    if (attribute.type === 'component' && attribute.component && !seen.has(attribute.component)) {
      walk(schemaOf, attribute.component, visit, path, new Set([...seen, attribute.component]));
      continue;
    }
    // Dynamic zones cannot be filtered through in a query; the newsroom's story type has none.
    visit(path, attribute);
  }
}

/** Every relation field of the story type (own or in a component) whose target is `targetUid`. */
export function relationPathsTo(schemaOf: SchemaOf, storyUid: string, targetUid: string): FieldPath[] {
  const paths: FieldPath[] = [];
  walk(schemaOf, storyUid, (path, attribute) => {
    if (attribute.type === 'relation' && attribute.target === targetUid && !attribute.relation?.startsWith('morph')) paths.push(path);
  });
  return paths;
}

/** Media fields of the story type (own or in a component), e.g. `['cover', 'image']`. */
export function mediaPaths(schemaOf: SchemaOf, storyUid: string): FieldPath[] {
  const paths: FieldPath[] = [];
  walk(schemaOf, storyUid, (path, attribute) => {
    if (attribute.type === 'media') paths.push(path);
  });
  return paths;
}

/** Top-level Blocks fields, whose image nodes show media files. */
export function blocksFields(schemaOf: SchemaOf, storyUid: string): string[] {
  return Object.entries(schemaOf(storyUid)?.attributes ?? {})
    .filter(([, attribute]) => attribute.type === 'blocks')
    .map(([name]) => name);
}

/** Relation attributes of a model whose target is `targetUid` (the media credit's `agency`). */
export function directRelationsTo(schema: SchemaLike | undefined, targetUid: string): string[] {
  return Object.entries(schema?.attributes ?? {})
    .filter(([, attribute]) => attribute.type === 'relation' && attribute.target === targetUid)
    .map(([name]) => name);
}

/** `['cover', 'agency']` + leaf → `{ cover: { agency: leaf } }`, a where clause through components and relations. */
export function whereThrough(path: FieldPath, leaf: Record<string, unknown>): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((inner, name) => ({ [name]: inner }), leaf);
}

type Row = Record<string, unknown>;
const asRows = (value: unknown): Row[] =>
  Array.isArray(value)
    ? value.filter((v): v is Row => !!v && typeof v === 'object')
    : value && typeof value === 'object'
      ? [value as Row]
      : [];

/**
 * The components along `path` (without the last, media field), for a loaded story row: the cover,
 * each gallery item. Their own credit and agency decide whether a file's stored credit shows.
 */
export function usagesAlong(row: Row, path: FieldPath): Array<{ usage: Row; file: unknown }> {
  if (path.length === 1) return [{ usage: row, file: row[path[0]!] }];
  const [head, ...rest] = path;
  return asRows(row[head!]).flatMap((child) => usagesAlong(child, rest));
}

const hasText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const fileId = (file: unknown): number | null =>
  file && typeof file === 'object' && typeof (file as Row).id === 'number'
    ? ((file as Row).id as number)
    : typeof file === 'number'
      ? file
      : null;

/**
 * A usage with no credit and no agency of its own shows the credit stored with its file (as the
 * delivery API and the guard read it); with a credit of its own, the stored agency is not shown.
 */
export function storedCreditShows(usage: Row): boolean {
  return !hasText(usage.credit) && !usage.agency;
}

/** Whether a story row shows any of `fileIds` with its stored credit through the media field at `path`. */
export function showsStoredCredit(row: Row, path: FieldPath, fileIds: Set<number>): boolean {
  return usagesAlong(row, path).some(({ usage, file }) => {
    const id = fileId(file);
    return id !== null && fileIds.has(id) && (path.length === 1 || storedCreditShows(usage));
  });
}

/** Whether a Blocks value has an image node showing one of the files (by id, or by URL for older nodes). */
export function blocksShowFile(blocks: unknown, fileIds: Set<number>, urls: Set<string>): boolean {
  if (!Array.isArray(blocks)) return false;
  return blocks.some((node) => {
    if (!node || typeof node !== 'object' || (node as Row).type !== 'image') return false;
    const image = (node as Row).image as Row | undefined;
    const id = fileId(image);
    return (id !== null && fileIds.has(id)) || (typeof image?.url === 'string' && urls.has(image.url));
  });
}
