export const PLUGIN_ID = 'attribution-guard';
export { AUTHOR_UID, FILE_UID, MEDIA_CREDIT_UID, PULL_QUOTE_UID, SOURCE_UID } from '../../shared/constants';
export const RECORD_UID = 'plugin::attribution-guard.check-record';

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
