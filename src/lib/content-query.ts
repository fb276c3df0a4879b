/**
 * What a public content-API query may ask for, decided in one place for REST and GraphQL.
 *
 * A published row must only ever lead to published rows. Two kinds of path break that:
 * `localizations` joins every row of the same document — its draft included — so a filter or sort
 * through it answers questions about unpublished text (a count of 1 for a draft's title prefix,
 * 0 for nonsense); and private or bookkeeping fields (`createdBy`, an upload's `related`) are not
 * for the public at all. Any `filters`, `sort`, `populate` or `fields` path that steps into one is
 * refused. The same walk checks the shape of every filter, so a malformed one is a 400 naming the
 * parameter instead of a database error: `$or` must be a list, `$eq` takes a value, a number field
 * takes a number.
 *
 * Pure: the content model comes in through `lookup`, so this module imports nothing of Strapi.
 */

export interface AttributeView {
  type: string;
  target?: string;
  component?: string;
  components?: string[];
  private?: boolean;
}
export interface ModelView {
  attributes: Record<string, AttributeView>;
}
export type ModelLookup = (uid: string) => ModelView | undefined;

export interface QueryProblem {
  /** The parameter path, e.g. `['filters', 'localizations']`. */
  path: string[];
  message: string;
}

/** Fields no public path may step into, on any model. */
const UNREACHABLE_FIELDS = new Set(['localizations', 'createdBy', 'updatedBy']);
/** The upload model's back-reference to every entry that uses a file, drafts included. */
const UPLOAD_FILE_UID = 'plugin::upload.file';
const UNREACHABLE_ON_UPLOADS = new Set(['related']);

/** Attributes a public client may never filter, sort or populate through. */
export const PUBLIC_UNREACHABLE_FIELDS: readonly string[] = [...UNREACHABLE_FIELDS];

const LOGICAL = new Set(['$and', '$or']);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const PRESENCE_OPERATORS = new Set(['$null', '$notNull']);
const TEXT_OPERATORS = new Set([
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$eqi',
  '$nei',
]);
const VALUE_OPERATORS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', ...TEXT_OPERATORS]);
const ALL_OPERATORS = new Set([...LOGICAL, '$not', ...LIST_OPERATORS, ...PRESENCE_OPERATORS, ...VALUE_OPERATORS, '$between']);

/** A branch list for `$or`/`$and` longer than this is not a reader's question. */
export const MAX_BRANCHES = 50;

const INT32 = 2_147_483_647;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const WHOLE = /^[+-]?\d+$/;
const BOOLEAN_VALUES = new Set(['true', 'false', '1', '0', 't', 'f']);
/** Columns a text operator cannot meaningfully (or, on PostgreSQL, legally) be applied to. */
const UNFILTERABLE_TYPES = new Set(['json', 'blocks', 'password', 'dynamiczone']);

type Scalar = string | number | boolean;
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isScalar = (value: unknown): value is Scalar => ['string', 'number', 'boolean'].includes(typeof value);
/** qs turns a list of more than 20 items into an object keyed 0, 1, 2…: both are a list. */
const asList = (value: unknown): unknown[] | null => {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => /^\d+$/.test(k))) return Object.values(value);
  return null;
};

const ID_ATTRIBUTE: AttributeView = { type: 'integer' };
const DOCUMENT_ID_ATTRIBUTE: AttributeView = { type: 'string' };

class Walk {
  readonly problems: QueryProblem[] = [];
  constructor(private readonly lookup: ModelLookup) {}

  fail(path: string[], message: string): void {
    if (this.problems.length < 10) this.problems.push({ path, message });
  }

  /** The attribute `name` of `uid`, or a problem when no public path may use it. */
  attribute(uid: string, name: string, path: string[]): AttributeView | null {
    if (UNREACHABLE_FIELDS.has(name) || (uid === UPLOAD_FILE_UID && UNREACHABLE_ON_UPLOADS.has(name))) {
      this.fail(
        path,
        name === 'localizations'
          ? 'localizations cannot be used in filters, sort, populate or fields on the public API: it reaches unpublished versions. Query each locale with the locale parameter.'
          : `${name} is not available on the public API.`,
      );
      return null;
    }
    if (name === 'id') return ID_ATTRIBUTE;
    if (name === 'documentId') return DOCUMENT_ID_ATTRIBUTE;
    const attribute = this.lookup(uid)?.attributes[name];
    if (!attribute) return null; // Strapi's own validation names unknown keys.
    if (attribute.private) {
      this.fail(path, `${name} is not available on the public API.`);
      return null;
    }
    return attribute;
  }

  /** The model a relation, component or media attribute leads to. */
  static targetOf(attribute: AttributeView): string | null {
    if (attribute.type === 'relation') return attribute.target ?? null;
    if (attribute.type === 'component') return attribute.component ?? null;
    if (attribute.type === 'media') return UPLOAD_FILE_UID;
    return null;
  }

  /** A filter object on `uid`: attribute names and the logical operators. */
  filters(uid: string, value: unknown, path: string[]): void {
    if (!isRecord(value)) {
      this.fail(path, `${path.join('.')} must be an object of fields and operators, e.g. filters[title][$contains]=AI.`);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (key === '$and' || key === '$or') this.branches(at, child, (branch, branchPath) => this.filters(uid, branch, branchPath));
      else if (key === '$not') this.filters(uid, child, at);
      else if (key.startsWith('$'))
        this.fail(at, `${key} is not a filter on a whole entry: use $and, $or or $not here, or put it under a field.`);
      else if (/^\d+$/.test(key)) this.fail(at, `${at.join('.')} is not a field: filters are keyed by field name.`);
      else {
        const attribute = this.attribute(uid, key, at);
        if (attribute) this.fieldFilter(attribute, child, at);
      }
    }
  }

  branches(path: string[], value: unknown, each: (branch: unknown, path: string[]) => void): void {
    const list = asList(value);
    if (!list) {
      this.fail(path, `${path[path.length - 1]} takes a list of conditions, e.g. ${path[path.length - 1]}[0][title][$contains]=AI.`);
      return;
    }
    if (list.length > MAX_BRANCHES) {
      this.fail(path, `${path[path.length - 1]} takes at most ${MAX_BRANCHES} conditions.`);
      return;
    }
    list.forEach((branch, i) => each(branch, [...path, String(i)]));
  }

  /** The condition on one attribute: a nested filter for relations and components, operators for the rest. */
  fieldFilter(attribute: AttributeView, value: unknown, path: string[]): void {
    const target = Walk.targetOf(attribute);
    if (target) {
      if (isScalar(value)) return this.value(ID_ATTRIBUTE, value, path);
      if (!isRecord(value)) return this.fail(path, `${path.join('.')} must be an object of fields and operators.`);
      for (const [key, child] of Object.entries(value)) {
        const at = [...path, key];
        if (key.startsWith('$')) this.operator(ID_ATTRIBUTE, key, child, at, target);
        else if (/^\d+$/.test(key)) this.fail(at, `${at.join('.')} is not a field: filters are keyed by field name.`);
        else {
          const nested = this.attribute(target, key, at);
          if (nested) this.fieldFilter(nested, child, at);
        }
      }
      return;
    }
    if (UNFILTERABLE_TYPES.has(attribute.type)) return this.fail(path, `${path[path.length - 1]} cannot be filtered on.`);
    if (isScalar(value)) return this.value(attribute, value, path);
    if (!isRecord(value)) return this.fail(path, `${path.join('.')} takes a value or operators, e.g. [$eq]=…`);
    for (const [key, child] of Object.entries(value)) this.operator(attribute, key, child, [...path, key]);
  }

  operator(attribute: AttributeView, key: string, value: unknown, path: string[], relationTarget?: string): void {
    if (!ALL_OPERATORS.has(key)) return this.fail(path, `${key} is not a filter operator.`);
    if (LOGICAL.has(key)) {
      return this.branches(path, value, (branch, at) => {
        if (relationTarget) return this.fieldFilter({ type: 'relation', target: relationTarget }, branch, at);
        if (isRecord(branch)) for (const [k, v] of Object.entries(branch)) this.operator(attribute, k, v, [...at, k]);
        else this.value(attribute, branch, at);
      });
    }
    if (key === '$not') {
      if (relationTarget) return this.fieldFilter({ type: 'relation', target: relationTarget }, value, path);
      if (isRecord(value)) for (const [k, v] of Object.entries(value)) this.operator(attribute, k, v, [...path, k]);
      else this.value(attribute, value, path);
      return;
    }
    if (PRESENCE_OPERATORS.has(key)) {
      if (!isScalar(value) || !BOOLEAN_VALUES.has(String(value).toLowerCase())) this.fail(path, `${key} takes true or false.`);
      return;
    }
    if (LIST_OPERATORS.has(key) || key === '$between') {
      const list = isScalar(value) ? [value] : asList(value);
      if (!list) return this.fail(path, `${key} takes a list of values, e.g. ${key}[0]=a&${key}[1]=b.`);
      if (key === '$between' && list.length !== 2) return this.fail(path, '$between takes exactly two values.');
      if (list.length > 100) return this.fail(path, `${key} takes at most 100 values.`);
      list.forEach((item, i) => this.value(attribute, item, [...path, String(i)]));
      return;
    }
    if (TEXT_OPERATORS.has(key) && !['string', 'text', 'richtext', 'uid', 'email', 'enumeration'].includes(attribute.type)) {
      return this.fail(path, `${key} compares text; ${path[path.length - 2]} is not a text field.`);
    }
    this.value(attribute, value, path);
  }

  /** One comparison value, checked against the column it will be compared with. */
  value(attribute: AttributeView, value: unknown, path: string[]): void {
    if (!isScalar(value)) return this.fail(path, `${path.join('.')} takes a single value, not a list or an object.`);
    const text = String(value).trim();
    switch (attribute.type) {
      case 'integer':
        if (!WHOLE.test(text) || Math.abs(Number(text)) > INT32) this.fail(path, `${path.join('.')} must be a whole number.`);
        return;
      case 'biginteger':
        if (!WHOLE.test(text) || text.length > 20) this.fail(path, `${path.join('.')} must be a whole number.`);
        return;
      case 'float':
      case 'decimal':
        if (!NUMBER.test(text) || !Number.isFinite(Number(text))) this.fail(path, `${path.join('.')} must be a number.`);
        return;
      case 'boolean':
        if (!BOOLEAN_VALUES.has(text.toLowerCase())) this.fail(path, `${path.join('.')} must be true or false.`);
        return;
      default:
        return; // Text compares as text; dates are checked by Strapi with their own message.
    }
  }

  /** `sort`: `title:asc`, `author.name:desc`, a list of those, or `{ title: 'asc' }` objects. */
  sort(uid: string | null, value: unknown, path: string[]): void {
    if (typeof value === 'string') {
      for (const part of value.split(',')) this.dottedPath(uid, part.split(':')[0]!.trim(), path);
      return;
    }
    const list = asList(value);
    if (list) return list.forEach((item, i) => this.sort(uid, item, [...path, String(i)]));
    if (!isRecord(value)) return; // Strapi names the malformed sort.
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      const attribute = this.attribute(uid ?? '', key, at);
      const target = attribute && Walk.targetOf(attribute);
      if (isRecord(child)) this.sort(target, child, at);
    }
  }

  /** A dotted path (`author.outlet.name`) through the model, as `sort`, `fields` and `populate` strings use. */
  dottedPath(uid: string | null, dotted: string, path: string[]): void {
    let current = uid;
    const at = [...path];
    for (const segment of dotted.split('.')) {
      if (!segment || segment === '*') continue;
      at.push(segment);
      const attribute = this.attribute(current ?? '', segment, [...at]);
      if (!attribute && !current) continue;
      current = attribute ? Walk.targetOf(attribute) : null;
    }
  }

  fields(uid: string, value: unknown, path: string[]): void {
    const list = typeof value === 'string' ? value.split(',') : asList(value);
    if (!list) return; // Strapi names the malformed fields parameter.
    for (const item of list) if (typeof item === 'string') this.dottedPath(uid, item.trim(), path);
  }

  /** `populate`: `*`, `a,b.c`, a list, or an object whose values are `true`, `*` or `{ populate, fields, filters, sort, on }`. */
  populate(uid: string | null, value: unknown, path: string[]): void {
    if (typeof value === 'string') {
      for (const part of value.split(',')) this.dottedPath(uid, part.trim(), path);
      return;
    }
    const list = asList(value);
    if (list) return list.forEach((item, i) => this.populate(uid, item, [...path, String(i)]));
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      const attribute = uid ? this.attribute(uid, key, at) : UNREACHABLE_FIELDS.has(key) ? this.attribute('', key, at) : null;
      const target = attribute ? Walk.targetOf(attribute) : null;
      if (!isRecord(child)) continue;
      if (attribute?.type === 'dynamiczone' && isRecord(child.on)) {
        for (const [component, options] of Object.entries(child.on)) this.populateOptions(component, options, [...at, 'on', component]);
        continue;
      }
      this.populateOptions(target, child, at);
    }
  }

  populateOptions(uid: string | null, options: unknown, path: string[]): void {
    if (!isRecord(options)) return;
    if (options.populate !== undefined) this.populate(uid, options.populate, [...path, 'populate']);
    if (uid && options.filters !== undefined) this.filters(uid, options.filters, [...path, 'filters']);
    if (uid && options.sort !== undefined) this.sort(uid, options.sort, [...path, 'sort']);
    if (uid && options.fields !== undefined) this.fields(uid, options.fields, [...path, 'fields']);
    if (isRecord(options.on))
      for (const [component, nested] of Object.entries(options.on)) this.populateOptions(component, nested, [...path, 'on', component]);
  }
}

/**
 * Checks the `filters`, `sort`, `populate` and `fields` of a public read of `uid`; an empty list
 * means the query may run.
 */
export function checkContentQuery(uid: string, query: Record<string, unknown>, lookup: ModelLookup): QueryProblem[] {
  const walk = new Walk(lookup);
  if (query.filters !== undefined) walk.filters(uid, query.filters, ['filters']);
  if (query.sort !== undefined) walk.sort(uid, query.sort, ['sort']);
  if (query.populate !== undefined) walk.populate(uid, query.populate, ['populate']);
  if (query.fields !== undefined) walk.fields(uid, query.fields, ['fields']);
  return walk.problems;
}

/**
 * Checks GraphQL `sort` strings (`["title:asc", "author.name"]`). GraphQL's typed filter inputs
 * already leave the unreachable fields out; a sort is a free string, so its path is walked here.
 * Without a `uid` only the unreachable names are checked; Strapi reports unknown ones.
 */
export function checkSortPaths(uid: string | null, sort: unknown, lookup: ModelLookup): QueryProblem[] {
  const walk = new Walk(lookup);
  walk.sort(uid, sort, ['sort']);
  return walk.problems;
}
