/** Content types the guard reads and writes, named once for the plugin and for the app that shows its credits. */
export const MEDIA_CREDIT_UID = 'plugin::attribution-guard.media-credit';
export const SOURCE_UID = 'api::source.source';
export const AUTHOR_UID = 'api::author.author';
export const PULL_QUOTE_UID = 'api::pull-quote.pull-quote';
export const FILE_UID = 'plugin::upload.file';
export const CREDITED_IMAGE_UID = 'media.credited-image';
