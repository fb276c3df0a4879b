import { PLUGIN_ID } from './constants';

/** Shown in Strapi's role editor (Settings → Roles → Plugins → Attribution guard). */
export const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'Read attribution checks and history', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Publish past overridable errors (with a reason)', uid: 'override', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Change the credit of a photo on a published story', uid: 'credit.live', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Read settings', uid: 'settings.read', subCategory: 'settings', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Change settings', uid: 'settings.update', subCategory: 'settings', pluginName: PLUGIN_ID },
  {
    section: 'plugins',
    displayName: 'Unpublish or delete records live stories show (with a reason)',
    uid: 'dependents.override',
    pluginName: PLUGIN_ID,
  },
];

/** What Strapi's default roles get on first start; an administrator can change it afterwards. */
export const DEFAULT_ROLE_GRANTS: Record<string, string[]> = {
  'strapi-editor': ['read', 'override', 'settings.read'],
  'strapi-author': ['read'],
};
