/**
 * Turns the Content Manager's form values into the `data` the check route reads: relations as
 * documentIds (changes stay changes, `{ connect, disconnect }`, which the server applies to the stored
 * draft), media as file ids. Only the fields the rules read are sent.
 */

type Value = Record<string, unknown>;

export interface RelationChange {
  connect: string[];
  disconnect: string[];
}

const RELATIONS = ['author', 'coAuthors', 'editor', 'source', 'republisher', 'pullQuotes'] as const;
const PLAIN = ['title', 'body', 'originalUrl'] as const;
const COMPONENT_FIELDS = ['credit', 'photographer', 'license'] as const;

const isObject = (value: unknown): value is Value => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A relation item of the form: `{ documentId }`, or a newly picked one carrying it in `apiData`. */
function documentIdOf(item: unknown): string | null {
  if (typeof item === 'string') return item;
  if (!isObject(item)) return null;
  const api = item.apiData;
  if (isObject(api) && typeof api.documentId === 'string') return api.documentId;
  return typeof item.documentId === 'string' ? item.documentId : null;
}

const documentIds = (items: unknown): string[] =>
  Array.isArray(items) ? items.map(documentIdOf).filter((id): id is string => id !== null) : [];

export function toRelationValue(value: unknown): RelationChange | string[] | string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (Array.isArray(value)) return documentIds(value);
  if (isObject(value) && ('connect' in value || 'disconnect' in value)) {
    return { connect: documentIds(value.connect), disconnect: documentIds(value.disconnect) };
  }
  return documentIdOf(value);
}

/** A media field holds the file object the library picked (or just its id). */
function fileIdOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (isObject(value) && typeof value.id === 'number') return value.id;
  return null;
}

function toComponent(value: unknown): Value | null {
  if (!isObject(value)) return null;
  const out: Value = { image: fileIdOf(value.image) };
  if (typeof value.id === 'number') out.id = value.id;
  for (const key of COMPONENT_FIELDS) {
    const field = value[key];
    out[key] = typeof field === 'string' && field.trim() !== '' ? field : null;
  }
  const agency = toRelationValue(value.agency);
  if (agency !== undefined) out.agency = agency;
  return out;
}

export function toCheckData(values: Value): Value {
  const data: Value = {};
  for (const key of PLAIN) if (key in values) data[key] = values[key] ?? null;
  for (const key of RELATIONS) {
    const relation = toRelationValue(values[key]);
    if (relation !== undefined) data[key] = relation;
  }
  if ('cover' in values) data.cover = toComponent(values.cover);
  // Every item is kept, even an empty one, so `gallery.N` in a finding still points at the Nth item.
  if ('gallery' in values)
    data.gallery = Array.isArray(values.gallery) ? values.gallery.map((item) => toComponent(item) ?? { image: null }) : [];
  return data;
}
