import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { appDir } from './app-server';

/** Admin interface languages as the admin codes them: `zh` is 繁體, `zh-Hans` is 简体. */
export type AdminLocale = 'en' | 'zh' | 'zh-Hans';

const readJson = <T>(...parts: string[]): T => JSON.parse(fs.readFileSync(path.join(appDir, ...parts), 'utf8')) as T;

/** The app's own admin translations (field labels, type names, enumeration values). */
export const appMessages = (locale: AdminLocale) => readJson<Record<string, string>>('src/admin/translations', `${locale}.json`);

/** A local plugin's admin translations, unprefixed as in its files. */
export const pluginMessages = (plugin: 'attribution-guard' | 'editorial-workflow', locale: AdminLocale) =>
  readJson<Record<string, string>>('src/plugins', plugin, 'admin/src/translations', `${locale}.json`);

const ARTICLE = 'api::article.article';
const CREDITED_IMAGE = 'media.credited-image';

/** Attribute names straight from the schemas, so a field added later is checked without editing the test. */
const articleAttributes = Object.keys(
  readJson<{ attributes: Record<string, unknown> }>('src/api/article/content-types/article/schema.json').attributes,
);
const coverAttributes = Object.keys(
  readJson<{ attributes: Record<string, unknown> }>('src/components/media/credited-image.json').attributes,
);

const labelsOf = (locale: AdminLocale, ids: string[]): string[] => {
  const messages = appMessages(locale);
  return ids.map((id) => {
    const label = messages[id];
    if (!label) throw new Error(`no ${locale} label for ${id}`);
    return label;
  });
};

/** The labels of the article's own fields (relations included), by the Content Manager's message ids. */
export const articleLabels = (locale: AdminLocale) =>
  labelsOf(
    locale,
    articleAttributes.map((name) => `content-manager.content-types.${ARTICLE}.${name}`),
  );

/** The labels of the credited-image component's fields, on screen where an article has a cover. */
export const coverLabels = (locale: AdminLocale) =>
  labelsOf(
    locale,
    coverAttributes.map((name) => `content-manager.components.${CREDITED_IMAGE}.${name}`),
  );

/** One field's label: an article field, or with `cover.` a field of the cover. */
export function fieldLabel(locale: AdminLocale, field: string): string {
  const id = field.startsWith('cover.')
    ? `content-manager.components.${CREDITED_IMAGE}.${field.slice('cover.'.length)}`
    : `content-manager.content-types.${ARTICLE}.${field}`;
  const [label] = labelsOf(locale, [id]);
  return label!;
}

/** Every label the edit view of an article with a cover shows. */
export const articleFieldLabels = (locale: AdminLocale) => [...articleLabels(locale), ...coverLabels(locale)];

/**
 * What an English label looks like on the article's edit view: the English labels, and the bare attribute
 * names the Content Manager falls back to when a language has no label for a field.
 */
export function englishFieldLabels(): Set<string> {
  return new Set([...articleFieldLabels('en'), ...articleAttributes, ...coverAttributes]);
}

/**
 * The field labels the edit view shows, as the editor reads them: visible text only, without the
 * required mark and the relation count ("作者(署名) (1)" is "作者(署名)").
 */
export async function visibleFieldLabels(page: Page): Promise<string[]> {
  const texts = await page
    .locator('main label')
    .evaluateAll((labels) =>
      labels.filter((label) => (label as HTMLElement).offsetParent !== null).map((label) => (label as HTMLElement).innerText),
    );
  return texts
    .map((text) =>
      text
        .replace(/\*\s*$/u, '')
        .trim()
        .replace(/\s*\(\d+\)$/u, '')
        .trim(),
    )
    .filter(Boolean);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The edit view's box for one field, found by its label as the user finds it: the label's nearest
 * enclosing block that holds the field's controls (an empty component's "add" button, a media picker).
 */
export function fieldBox(page: Page, label: string): Locator {
  return page
    .locator('main label')
    .filter({ hasText: new RegExp(`^${escapeRegExp(label)}\\s*\\*?$`, 'u') })
    .first()
    .locator('xpath=ancestor::div[.//button][1]');
}
