import type { DocumentMiddleware } from '../lib/document-middleware';
import { PLAIN_TEXT_FIELDS } from '../lib/content-types';
import { toPlainText } from '../lib/plain-text';

type Data = Record<string, unknown>;

function cleanFields(data: Data, fields: string[]): void {
  for (const field of fields) {
    const value = data[field];
    if (typeof value === 'string') data[field] = toPlainText(value);
  }
}

/** A list of names (aliases): each entry cleaned, entries left empty by the cleaning dropped. */
function cleanLists(data: Data, fields: string[]): void {
  for (const field of fields) {
    const value = data[field];
    if (Array.isArray(value))
      data[field] = value.map((item) => (typeof item === 'string' ? toPlainText(item) : item)).filter((item) => item !== '');
  }
}

/** Strips markup from plain-text fields on every create and update, whatever the caller (REST, admin, seed, import). */
export const plainTextMiddleware: DocumentMiddleware = async (ctx, next) => {
  const spec = PLAIN_TEXT_FIELDS[ctx.uid];
  if (!spec || (ctx.action !== 'create' && ctx.action !== 'update')) return next();

  const data = (ctx.params as { data?: Data }).data;
  if (data && typeof data === 'object') {
    cleanFields(data, spec.fields);
    cleanLists(data, spec.lists ?? []);
    for (const [component, fields] of Object.entries(spec.components ?? {})) {
      const value = data[component];
      const items = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
      for (const item of items) if (item && typeof item === 'object') cleanFields(item as Data, fields);
    }
  }
  return next();
};
