import type { Core, UID } from '@strapi/strapi';

/** Whether entries of `uid` are per locale, as Strapi's i18n plugin decides it (the one rule, not a copy of it). */
export function isLocalized(strapi: Core.Strapi, uid: string): boolean {
  const model = strapi.getModel(uid as UID.ContentType);
  if (!model) return false;
  const contentTypes = strapi.plugin('i18n').service('content-types') as { isLocalizedContentType: (model: unknown) => boolean };
  return contentTypes.isLocalizedContentType(model);
}
