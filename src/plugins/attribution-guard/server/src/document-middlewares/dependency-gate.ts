import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refusalDetails, type RemovalAction } from '../dependents/describe';
import type { LocaleScope } from '../services/dependents';
import { getService } from '../utils/get-service';
import { isLocalized } from '../utils/localized';

type Params = { documentId?: unknown; locale?: unknown };

// An editor's override with a reason travels with the async call into the Document Service, as the
// publish override does: only the plugin's override route sets it.
const overrides = new AsyncLocalStorage<{ reason: string }>();

export function withDependencyOverride<T>(reason: string, fn: () => Promise<T>): Promise<T> {
  return overrides.run({ reason }, fn);
}

const REMOVALS: Record<string, RemovalAction> = { unpublish: 'unpublish', delete: 'delete' };

/**
 * The locales a call removes, as Strapi reads its `locale` parameter: none → the default locale,
 * `'*'` → all, a code or a list (bulk actions). Types without i18n have one row per status: all of it goes.
 */
export function removalScope(locale: unknown, localized: boolean, defaultLocale: string): LocaleScope {
  if (!localized || locale === '*') return '*';
  if (Array.isArray(locale)) return locale.includes('*') ? '*' : locale.map(String);
  if (typeof locale === 'string' && locale !== '') return [locale];
  return [defaultLocale];
}

/**
 * Refuses to unpublish or delete a record that published stories show (their author, outlet,
 * pull-quote, an image's agency …): Strapi would silently drop it from the live story. Every path
 * comes through here: the Content Manager's buttons and bulk actions, REST and GraphQL deletes,
 * `strapi.documents().unpublish/delete`. `discardDraft` is not gated: it replaces the draft with the
 * published version and leaves the published rows stories link to in place.
 */
export const createDependencyGate =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const action = REMOVALS[ctx.action];
    if (!action) return next();
    const dependents = getService(strapi, 'dependents');
    if (!dependents.mayHaveDependents(ctx.uid)) return next();

    const params = ctx.params as Params;
    // A filter object in place of an id would remove every document it matches, unchecked.
    if (typeof params.documentId !== 'string' || params.documentId === '') {
      throw new errors.ValidationError(`documentId must be a document id (a string) to ${action} ${ctx.uid}.`, {
        errors: [{ path: ['documentId'], message: 'Expected a string', name: 'ValidationError' }],
      });
    }
    if (overrides.getStore()) return next();

    const localized = isLocalized(strapi, ctx.uid);
    const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const scope = removalScope(params.locale, localized, defaultLocale);
    const found = await dependents.find(ctx.uid, params.documentId, scope, action);
    if (found.length === 0) return next();

    const label = await dependents.label(ctx.uid, params.documentId);
    const details = refusalDetails(action, { contentType: ctx.uid, documentId: params.documentId, label }, found);
    throw new errors.ValidationError(details.messages.en, details);
  };
