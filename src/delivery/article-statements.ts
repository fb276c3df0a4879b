import { createHash } from 'node:crypto';
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
  return runSql(strapi, prepared.sql, bindings);
}

/** Runs a query built with knex (one whose shape depends on the story, like a list of body images) the same way. */
export async function select(strapi: Core.Strapi, build: (knex: Knex) => Builder): Promise<Row[]> {
  const { sql, bindings } = build(strapi.db.connection).toSQL();
  return runSql(strapi, sql, bindings);
}

/**
 * Runs a read on the pool, or inside the caller's transaction when there is one: a render made while a
 * write is open must see that write, and on SQLite (one connection) must not wait for it. Outside a
 * transaction the statement is compiled once per connection by the driver itself (better-sqlite3's
 * `prepare`, a named PostgreSQL statement): through knex every run compiles it anew, and on this
 * path compiling costs more than running.
 */
async function runSql(strapi: Core.Strapi, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  const knex = strapi.db.connection;
  if (strapi.db.inTransaction()) {
    return strapi.db.transaction(async ({ trx }: { trx: Knex }) => rowsOf(await trx.raw(sql, bindings as KnexTypes.RawBinding[])));
  }
  const client = knex.client as unknown as DriverClient;
  if (client.driverName !== 'better-sqlite3' && client.driverName !== 'pg')
    return rowsOf(await knex.raw(sql, bindings as KnexTypes.RawBinding[]));
  const connection = await client.acquireConnection();
  try {
    // Knex's own listeners (query logging, the benchmark's query count) see these reads as theirs.
    knex.emit('query', { sql, bindings, method: 'select', __knexUid: connection.__knexUid });
    return client.driverName === 'pg'
      ? await runPg(client, connection as PgConnection, sql, bindings)
      : runSqlite(connection as SqliteConnection, sql, bindings);
  } finally {
    client.releaseConnection(connection);
  }
}

interface DriverClient {
  driverName: string;
  acquireConnection(): Promise<DriverConnection>;
  releaseConnection(connection: DriverConnection): void;
  positionBindings(sql: string): string;
}
interface DriverConnection {
  __knexUid?: string;
}
interface SqliteConnection extends DriverConnection {
  prepare(sql: string): { all(bindings: readonly unknown[]): Row[] };
}
interface PgConnection extends DriverConnection {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: Row[] }>;
}

/** A bound on compiled statements per connection: the fixed ones, plus one per count of body images or credited files. */
const MAX_COMPILED = 256;
const compiled = new WeakMap<DriverConnection, Map<string, ReturnType<SqliteConnection['prepare']>>>();

function runSqlite(connection: SqliteConnection, sql: string, bindings: readonly unknown[]): Row[] {
  let statements = compiled.get(connection);
  if (!statements) compiled.set(connection, (statements = new Map()));
  let compiledStatement = statements.get(sql);
  if (!compiledStatement) {
    if (statements.size >= MAX_COMPILED) statements.clear();
    compiledStatement = connection.prepare(sql);
    statements.set(sql, compiledStatement);
  }
  // As knex's own better-sqlite3 client formats them: SQLite binds neither dates nor booleans.
  return compiledStatement.all(bindings.map((b) => (b instanceof Date ? b.valueOf() : typeof b === 'boolean' ? Number(b) : b)));
}

/** PostgreSQL's text with $n placeholders and its statement name, per knex SQL text. */
const pgTexts = new Map<string, { name: string; text: string }>();

async function runPg(client: DriverClient, connection: PgConnection, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  let named = pgTexts.get(sql);
  if (!named) {
    if (pgTexts.size >= MAX_COMPILED) pgTexts.clear();
    // node-postgres parses a named statement once per connection and reuses its plan after.
    named = { name: `delivery_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, text: client.positionBindings(sql) };
    pgTexts.set(sql, named);
  }
  return (await connection.query({ ...named, values: bindings })).rows;
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
const datetime = (value: unknown): unknown => (typeof value === 'number' ? new Date(value) : (value ?? null));

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
