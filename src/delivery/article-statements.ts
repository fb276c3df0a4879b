import type { Core } from '@strapi/strapi';
import type { Knex as KnexTypes } from 'knex';
import type { Row } from './serialize';

/**
 * SQL for the delivery loader, written once per process with knex from Strapi's own metadata (table,
 * column and link-table names), then run with new values on every render. Building a query is what
 * costs on this path, not running it: through Strapi's query engine each populated relation is a
 * query of its own, built, run and mapped anew on every request.
 */

type Knex = Core.Strapi['db']['connection'];
type Builder = ReturnType<Knex['queryBuilder']>;


/** A value filled in when the statement runs; statements are written with these in place of values. */
export const ARTICLE_ID = '\u0000article-id';
export const SLUG = '\u0000slug';
export const LOCALE = '\u0000locale';
export const DOCUMENT_ID = '\u0000document-id';

export interface Statement {
  sql: string;
  bindings: readonly unknown[];
}

export function statement(query: Builder): Statement {
  const { sql, bindings } = query.toSQL();
  return { sql, bindings: [...bindings] };
}

export async function run(strapi: Core.Strapi, prepared: Statement, values: Record<string, unknown>): Promise<Row[]> {
  const bindings = prepared.bindings.map((b) => (typeof b === 'string' && b in values ? values[b] : b));
  return select(strapi, (knex) => knex.raw(prepared.sql, bindings as KnexTypes.RawBinding[]));
}

/**
 * Runs a read on the pool, or inside the caller's transaction when there is one: a render made while a
 * write is open must see that write, and on SQLite (one connection) must not wait for it.
 */
export async function select(strapi: Core.Strapi, query: (knex: Knex) => PromiseLike<unknown>): Promise<Row[]> {
  if (!strapi.db.inTransaction()) return rowsOf(await query(strapi.db.connection));
  return strapi.db.transaction(async ({ trx }: { trx: Knex }) => rowsOf(await query(trx)));
}

/** What a driver answers a raw SELECT with: rows (better-sqlite3) or `{ rows }` (pg). */
export function rowsOf(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as Row[]) : [];
}

interface AttributeMeta {
  type: string;
  columnName?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string };
    inverseJoinColumn: { name: string };
    orderColumnName?: string;
    on?: Record<string, string>;
    morphColumn?: { typeColumn: { name: string }; idColumn: { name: string } };
  };
}
interface ModelMeta {
  tableName: string;
  attributes: Record<string, AttributeMeta | undefined>;
}

export function model(strapi: Core.Strapi, uid: string): ModelMeta {
  return strapi.db.metadata.get(uid) as unknown as ModelMeta;
}

export function joinTableOf(strapi: Core.Strapi, uid: string, attribute: string): NonNullable<AttributeMeta['joinTable']> {
  const joinTable = model(strapi, uid).attributes[attribute]?.joinTable;
  if (!joinTable) throw new Error(`${uid}.${attribute} has no join table`);
  return joinTable;
}

const parseJson = (value: unknown): unknown => {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

/** SQLite keeps datetimes as milliseconds; PostgreSQL gives Dates. */
const datetime = (value: unknown): unknown => (typeof value === 'number' ? new Date(value) : value ?? null);

const READERS: Record<string, (value: unknown) => unknown> = {
  json: parseJson,
  blocks: parseJson,
  datetime,
  timestamp: datetime,
};

export interface Picked {
  /** For knex's select: alias → table alias and column. */
  columns: Record<string, string>;
  /** The picked fields of one row (under their attribute names), or null when a left join found nothing. */
  read(row: Row): Row | null;
}

/**
 * Selects attributes of a model by name, under `prefix` so several models fit in one row, and reads
 * them back with the conversions Strapi's query engine would make (JSON text, SQLite datetimes).
 */
export function pick(strapi: Core.Strapi, uid: string, tableAlias: string, fields: readonly string[], prefix = ''): Picked {
  const attributes = model(strapi, uid).attributes;
  const columns: Record<string, string> = {};
  const readers: Array<[string, string, (value: unknown) => unknown]> = [];
  for (const field of fields) {
    const attribute = attributes[field];
    if (!attribute?.columnName) throw new Error(`${uid} has no column for ${field}`);
    const alias = `${prefix}${field}`;
    columns[alias] = `${tableAlias}.${attribute.columnName}`;
    readers.push([field, alias, READERS[attribute.type] ?? ((value) => value ?? null)]);
  }
  const key = readers[0]![1];
  return {
    columns,
    read(row) {
      if (row[key] === null || row[key] === undefined) return null;
      const picked: Row = {};
      for (const [field, alias, read] of readers) picked[field] = read(row[alias]);
      return picked;
    },
  };
}
