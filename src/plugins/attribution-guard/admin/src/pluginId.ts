export const PLUGIN_ID = 'attribution-guard';

/** Admin permission actions, as the server registers them (Settings → Roles → Plugins → Attribution guard). */
export const PERMISSIONS = {
  read: [{ action: 'plugin::attribution-guard.read', subject: null }],
  override: [{ action: 'plugin::attribution-guard.override', subject: null }],
  settingsRead: [{ action: 'plugin::attribution-guard.settings.read', subject: null }],
  settingsUpdate: [{ action: 'plugin::attribution-guard.settings.update', subject: null }],
};
