import type { Knex } from 'knex';

/**
 * Facts that are the same in every locale of a record (`pluginOptions.i18n.localized: false`): an
 * article's original URL; an author's name, role, aliases, web page and profiles; a pull-quote's
 * speaker, organisation and position. Sources are one record in every locale already. Rows written
 * before a field was shared, or around the Document Service, may disagree; this copies the zh-Hant
 * value to the other locales of the same document in the same state (draft to drafts, published to
 * published), as Strapi's own sync does on every later write.
 *
 * Runs before Strapi syncs the schema, so a new database has no tables yet and nothing to do. Plain
 * SQL that SQLite and PostgreSQL both read (correlated subqueries, double-quoted names). A change to
 * delivered rows leaves a mark in the core store; the app invalidates the delivery cache for it at
 * start (src/delivery/stale-mark.ts), since a cache in Redis outlives a restart.
 */
const SOURCE_LOCALE = 'zh-Hant';
const SHARED = [
  { table: 'articles', columns: ['original_url'] },
  { table: 'authors', columns: ['name', 'role', 'aliases', 'url', 'same_as'] },
  { table: 'pull_quotes', columns: ['speaker', 'speaker_org', 'position'] },
];
const CORE_STORE = 'strapi_core_store_settings';
/** The core-store entry (`strapi.store({ type: 'core', name, key })`) the app reads at start. */
export const STALE_MARK = { name: 'newsroom', key: 'delivery-stale' } as const;

const q = (name: string) => `"${name}"`;

export async function up(knex: Knex): Promise<void> {
  let changed = 0;
  for (const { table, columns } of SHARED) {
    if (!(await knex.schema.hasTable(table))) continue;
    const present: string[] = [];
    for (const column of columns) if (await knex.schema.hasColumn(table, column)) present.push(column);
    if (present.length === 0 || !(await knex.schema.hasColumn(table, 'locale'))) continue;
    const t = q(table);
    const sameDocument = `s."document_id" = ${t}."document_id" AND s."locale" = ? AND ((s."published_at" IS NULL AND ${t}."published_at" IS NULL) OR (s."published_at" IS NOT NULL AND ${t}."published_at" IS NOT NULL))`;
    // Differs, NULL included: `a <> b` alone is NULL, not true, when one side is NULL.
    const differs = present.map((c) => `(${t}.${q(c)} <> s.${q(c)} OR (${t}.${q(c)} IS NULL) <> (s.${q(c)} IS NULL))`).join(' OR ');
    const [{ n }] = await knex
      .raw(
        `SELECT COUNT(*) AS n FROM ${t} WHERE ${t}."locale" <> ? AND EXISTS (SELECT 1 FROM ${t} s WHERE ${sameDocument} AND (${differs}))`,
        [SOURCE_LOCALE, SOURCE_LOCALE],
      )
      .then((r: unknown) => (Array.isArray(r) ? r : (r as { rows: Array<{ n: unknown }> }).rows));
    if (Number(n) === 0) continue;
    changed += Number(n);
    const sets = present.map((c) => `${q(c)} = (SELECT s.${q(c)} FROM ${t} s WHERE ${sameDocument} LIMIT 1)`).join(', ');
    await knex.raw(
      `UPDATE ${t} SET ${sets} WHERE ${t}."locale" <> ? AND EXISTS (SELECT 1 FROM ${t} s WHERE ${sameDocument} AND (${differs}))`,
      [...present.map(() => SOURCE_LOCALE), SOURCE_LOCALE, SOURCE_LOCALE],
    );
  }
  if (changed > 0 && (await knex.schema.hasTable(CORE_STORE))) {
    const value = JSON.stringify({ by: 'shared-facts-across-locales', rows: changed });
    const key = `core_${STALE_MARK.name}_${STALE_MARK.key}`;
    const updated = await knex(CORE_STORE).where({ key }).update({ value, type: 'object' });
    if (!updated) await knex(CORE_STORE).insert({ key, value, type: 'object' });
  }
}
