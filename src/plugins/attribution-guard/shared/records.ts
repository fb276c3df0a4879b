import type { AuthorRecord, AuthorRole, SourceKind, SourceRecord } from './contracts/findings';

/*
 * Author and source rows as the database hands them back, read into the records the rules take: by the
 * guard's snapshot at every check, and by the app where it judges the same records (a partner's agreement).
 */

/** The strings of a JSON list field; anything else is no list. */
export const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
/** A text field's value, or null when it is empty or not text. */
export const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const day = (value: unknown): string | null => (value instanceof Date ? value.toISOString().slice(0, 10) : str(value));
const KINDS: readonly string[] = ['outlet', 'republisher', 'agency', 'wire'] satisfies readonly SourceKind[];
const ROLES: readonly string[] = ['writer', 'editor', 'photographer', 'contributor'] satisfies readonly AuthorRole[];
const roleOf = (value: unknown): AuthorRole | null => (typeof value === 'string' && ROLES.includes(value) ? (value as AuthorRole) : null);
const kindOf = (value: unknown): SourceKind | null => (typeof value === 'string' && KINDS.includes(value) ? (value as SourceKind) : null);

/** A source row as the database hands it back, as the rules read it. */
export function sourceRecordOf(row: Readonly<Record<string, unknown>>, published: boolean): SourceRecord {
  return {
    documentId: String(row.documentId ?? ''),
    name: typeof row.name === 'string' ? row.name : '',
    shortName: str(row.shortName),
    kind: kindOf(row.kind),
    aliases: list(row.aliases),
    website: str(row.website),
    attributionTemplate: str(row.attributionTemplate),
    agreementId: str(row.agreementId),
    licenseValidFrom: day(row.licenseValidFrom),
    licenseValidUntil: day(row.licenseValidUntil),
    allowedLocales: list(row.allowedLocales),
    published,
  };
}

/** An author row (with its outlet's documentId) as the rules read it. */
export function authorRecordOf(row: Readonly<Record<string, unknown>>, published: boolean): AuthorRecord {
  const outlet = row.outlet as { documentId?: unknown } | null | undefined;
  return {
    documentId: String(row.documentId ?? ''),
    name: typeof row.name === 'string' ? row.name : '',
    displayName: str(row.displayName),
    role: roleOf(row.role),
    aliases: list(row.aliases),
    outletDocumentId: str(outlet?.documentId),
    published,
  };
}
