import { AUTHOR_UID, CREDITED_IMAGE_UID, PULL_QUOTE_UID, SOURCE_UID } from '../plugins/attribution-guard/shared/constants';

/** Content-type and component uids, named once: those the guard reads are named in its shared constants. */
export { AUTHOR_UID, CREDITED_IMAGE_UID, PULL_QUOTE_UID, SOURCE_UID };
export const ARTICLE_UID = 'api::article.article';
export const CORRECTION_UID = 'article.correction';

export const PUBLIC_CONTENT_TYPES = [ARTICLE_UID, AUTHOR_UID, SOURCE_UID, PULL_QUOTE_UID] as const;

export const CONTENT_LOCALES = [
  { code: 'zh-Hant', name: 'Chinese (Traditional) (zh-Hant)' },
  { code: 'zh-Hans', name: 'Chinese (Simplified) (zh-Hans)' },
  { code: 'en', name: 'English (en)' },
] as const;
export const DEFAULT_LOCALE = 'zh-Hant';

/**
 * Fields that hold plain text only, per content type; `lists` are JSON arrays of strings, components
 * are listed by field name. An outlet's attribution template is plain text too: it is rendered into
 * the byline line every front end shows.
 */
export const PLAIN_TEXT_FIELDS: Record<string, { fields: string[]; lists?: string[]; components?: Record<string, string[]> }> = {
  [ARTICLE_UID]: {
    fields: ['title', 'dek'],
    components: {
      cover: ['credit', 'photographer', 'caption', 'alt'],
      gallery: ['credit', 'photographer', 'caption', 'alt'],
      corrections: ['text'],
    },
  },
  [AUTHOR_UID]: { fields: ['name', 'displayName', 'bio'], lists: ['aliases'] },
  // Not `partnerTokenName`: it names an API token exactly as Strapi stores it, and is never shown to readers.
  [SOURCE_UID]: { fields: ['name', 'shortName', 'attributionTemplate', 'usageTerms'], lists: ['aliases'] },
  [PULL_QUOTE_UID]: { fields: ['text', 'speaker', 'speakerTitle', 'speakerOrg'] },
};

/** Fields that hold a web address readers may follow: absolute http(s) only. */
export const URL_FIELDS: Record<string, string[]> = {
  [ARTICLE_UID]: ['originalUrl'],
  [SOURCE_UID]: ['website'],
  [AUTHOR_UID]: ['url'],
};

/** JSON lists of web addresses (an author's profiles elsewhere, schema.org `sameAs`). */
export const URL_LIST_FIELDS: Record<string, string[]> = {
  [AUTHOR_UID]: ['sameAs'],
};
