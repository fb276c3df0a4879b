import type { Modules, UID } from '@strapi/strapi';

/**
 * Data for a Document Service write, from values the code has checked. Strapi's generated input types
 * read every optional field as `T | undefined`, while the service itself takes `null` to clear a field
 * and `{ id }` to keep an existing component; the schema validates the data again when it is written.
 */
export function documentData<TUid extends UID.ContentType>(
  _uid: TUid,
  data: Record<string, unknown>,
): Modules.Documents.Params.Data.Input<TUid> {
  return data as Modules.Documents.Params.Data.Input<TUid>;
}
