import type { Core } from '@strapi/strapi';
import { CONTENT_LOCALES, DEFAULT_LOCALE } from '../lib/content-types';

/** Creates the newsroom's content locales when missing and makes zh-Hant the default. */
export async function ensureContentLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  const existing = (await locales.find()) as Array<{ code: string }>;
  const codes = new Set(existing.map((l) => l.code));
  for (const locale of CONTENT_LOCALES) {
    if (!codes.has(locale.code)) await locales.create({ code: locale.code, name: locale.name });
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
}
