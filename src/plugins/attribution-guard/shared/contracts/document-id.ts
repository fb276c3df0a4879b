/**
 * Document Service actions that act on one document named by `documentId`. Strapi puts the value
 * straight into a `where`, so `{ $ne: 'x' }` (or a missing id) selects every row of the type: a
 * publish would publish every draft while a gate checked only the first. These must name one
 * document by its id. Shared by both plugins' gates, so neither can be passed by a shape the other refuses.
 */
const SINGLE_DOCUMENT_ACTIONS = new Set(['update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/**
 * The problem with `params.documentId` for `action`, or null when it is a non-empty string (or is
 * rightly absent). Any other action that brings a `documentId` must bring a string too.
 */
export function documentIdProblem(action: string, params: unknown): string | null {
  const value = params !== null && typeof params === 'object' ? (params as { documentId?: unknown }).documentId : undefined;
  if (typeof value === 'string') return value.trim() === '' ? 'documentId is empty: name one document by its id.' : null;
  if (value === undefined || value === null) {
    return SINGLE_DOCUMENT_ACTIONS.has(action) ? `documentId is missing: ${action} must name one document by its id.` : null;
  }
  return `documentId must be a string naming one document (got ${Array.isArray(value) ? 'an array' : typeof value}).`;
}
