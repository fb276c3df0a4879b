/**
 * Which Document Service calls publish, and which locales they name. Shared by every gate that must
 * see each publish (the guard's and the workflow's): a call that publishes without a `publish`
 * action slips past a gate that decides this on its own and forgets one.
 */

/** The locales a call names: a list (bulk actions), every locale (`'*'`), or the default one. */
export type LocaleRequest = string[] | '*' | 'default';

export type PublishIntent =
  /** `publish` of one document: the drafts of the locales named go live. */
  | { via: 'publish'; documentId: string; locales: LocaleRequest }
  /**
   * `create`/`update` with `status: 'published'`: Strapi saves one locale and publishes it in the
   * same call. `documentId` is the updated document's (a create has none yet); `locale` is null for
   * the default locale, which is also what Strapi saves when given a list or `'*'`.
   */
  | { via: 'save'; action: 'create' | 'update'; documentId: string | null; locale: string | null };

type Params = { documentId?: unknown; locale?: unknown; status?: unknown };

const paramsOf = (params: unknown): Params => (params !== null && typeof params === 'object' ? (params as Params) : {});

const documentIdOf = (params: Params): string | null =>
  typeof params.documentId === 'string' && params.documentId !== '' ? params.documentId : null;

/** How Strapi reads a `locale` parameter: a list, `'*'` for all, a code, or nothing (the default locale). */
export function localeRequest(locale: unknown): LocaleRequest {
  if (Array.isArray(locale)) return locale.map(String);
  if (typeof locale === 'string' && locale !== '*') return [locale];
  return locale === '*' ? '*' : 'default';
}

/** Whether a Document Service call publishes, and what; null when it does not. */
export function publishIntent(action: string, params: unknown): PublishIntent | null {
  const p = paramsOf(params);
  if (action === 'publish') {
    const documentId = documentIdOf(p);
    return documentId ? { via: 'publish', documentId, locales: localeRequest(p.locale) } : null;
  }
  if ((action === 'create' || action === 'update') && p.status === 'published') {
    return {
      via: 'save',
      action,
      documentId: action === 'update' ? documentIdOf(p) : null,
      locale: typeof p.locale === 'string' && p.locale !== '*' ? p.locale : null,
    };
  }
  return null;
}
