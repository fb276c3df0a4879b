/** Content-type and component uids, named once. */
export const ARTICLE_UID = 'api::article.article';
export const AUTHOR_UID = 'api::author.author';
export const SOURCE_UID = 'api::source.source';
export const PULL_QUOTE_UID = 'api::pull-quote.pull-quote';
export const CREDITED_IMAGE_UID = 'media.credited-image';

export const PUBLIC_CONTENT_TYPES = [ARTICLE_UID, AUTHOR_UID, SOURCE_UID, PULL_QUOTE_UID] as const;

export const CONTENT_LOCALES = [
  { code: 'zh-Hant', name: 'Chinese (Traditional) (zh-Hant)' },
  { code: 'zh-Hans', name: 'Chinese (Simplified) (zh-Hans)' },
  { code: 'en', name: 'English (en)' },
] as const;
export const DEFAULT_LOCALE = 'zh-Hant';

/** Fields that hold plain text only, per content type; components are listed by field name. */
export const PLAIN_TEXT_FIELDS: Record<string, { fields: string[]; components?: Record<string, string[]> }> = {
  [ARTICLE_UID]: { fields: ['title', 'dek'], components: { cover: ['credit', 'photographer', 'caption', 'alt'], gallery: ['credit', 'photographer', 'caption', 'alt'] } },
  [AUTHOR_UID]: { fields: ['name', 'displayName'] },
  [SOURCE_UID]: { fields: ['name', 'shortName'] },
  [PULL_QUOTE_UID]: { fields: ['text', 'speaker', 'speakerTitle', 'speakerOrg'] },
};
