import type { Core } from '@strapi/strapi';
import { CORRECTION_UID } from '../lib/content-types';

type Store = { get: (key: string) => Promise<unknown>; set: (key: string, value: unknown) => Promise<void> };
type Configuration = {
  settings?: Record<string, unknown>;
  metadatas?: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
  layouts?: unknown;
};

/**
 * How a story's corrections look in the edit form: each entry titled by its text, and read-only, since
 * a public correction is never edited (the server refuses it on every path; the form should not invite
 * it) and new ones come from **Add correction**. Set once: a layout an administrator changes later under
 * "Configure the view" stays theirs.
 */
export async function ensureCorrectionLayout(strapi: Core.Strapi, store: Store): Promise<void> {
  if (await store.get('correctionLayout')) return;
  const components = strapi.plugin('content-manager').service('components');
  const component = strapi.components[CORRECTION_UID as keyof typeof strapi.components];
  if (!component) return;
  const configuration = (await components.findConfiguration(component)) as Configuration;
  const metadatas = { ...(configuration.metadatas ?? {}) };
  for (const field of ['at', 'kind', 'text']) {
    const current = metadatas[field] ?? {};
    metadatas[field] = { ...current, edit: { ...(current.edit ?? {}), editable: false } };
  }
  await components.updateConfiguration(component, {
    ...configuration,
    settings: { ...(configuration.settings ?? {}), mainField: 'text' },
    metadatas,
  });
  await store.set('correctionLayout', true);
}
