export const PLUGIN_ID = 'attribution-guard';
export const RECORD_UID = 'plugin::attribution-guard.check-record';
export const MEDIA_CREDIT_UID = 'plugin::attribution-guard.media-credit';
export const SOURCE_UID = 'api::source.source';
export const AUTHOR_UID = 'api::author.author';
export const PULL_QUOTE_UID = 'api::pull-quote.pull-quote';
export const FILE_UID = 'plugin::upload.file';

/** Admin permission actions, shown in Strapi's role editor under Plugins → Attribution guard. */
export const ACTIONS = {
  read: 'plugin::attribution-guard.read',
  override: 'plugin::attribution-guard.override',
  /** Change the credit of a photo that a published story shows. */
  creditLive: 'plugin::attribution-guard.credit.live',
  settingsRead: 'plugin::attribution-guard.settings.read',
  settingsUpdate: 'plugin::attribution-guard.settings.update',
  dependentsOverride: 'plugin::attribution-guard.dependents.override',
} as const;
