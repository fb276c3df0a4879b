/**
 * Whether a record's draft holds changes its published version does not, in `fields`: JSON values
 * (aliases, sameAs) by content, a populated relation by its documentId. Without a published version
 * everything is a change.
 */
export function draftDiffers(
  draft: Readonly<Record<string, unknown>>,
  live: Readonly<Record<string, unknown>> | null | undefined,
  fields: readonly string[],
): boolean {
  if (!live) return true;
  return fields.some((field) => comparable(draft[field]) !== comparable(live[field]));
}

function comparable(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'object' && !Array.isArray(value) && 'documentId' in value)
    return JSON.stringify((value as { documentId: unknown }).documentId ?? null);
  return JSON.stringify(value);
}
