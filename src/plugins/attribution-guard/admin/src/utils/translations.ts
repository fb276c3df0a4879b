import { PLUGIN_ID } from '../pluginId';

/** Every string of the plugin lives under its own prefix in the admin's translation table. */
export const getTrad = (id: string): string => `${PLUGIN_ID}.${id}`;

export function prefixPluginTranslations(translations: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(translations).map(([key, value]) => [getTrad(key), value]));
}
