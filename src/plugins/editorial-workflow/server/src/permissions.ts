import { PLUGIN_ID } from './constants';
import type { WorkflowAction } from '../../shared/contracts/workflow';

/** Shown in Strapi's role editor (Settings → Roles → Plugins → Editorial workflow). */
export const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'Read stages, schedules and history', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Assign entries', uid: 'assign', pluginName: PLUGIN_ID },
  {
    section: 'plugins',
    displayName: 'Send to review (and take back)',
    uid: 'transition.submit',
    subCategory: 'stages',
    pluginName: PLUGIN_ID,
  },
  { section: 'plugins', displayName: 'Request changes', uid: 'transition.review', subCategory: 'stages', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Approve', uid: 'transition.approve', subCategory: 'stages', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Schedule and unschedule', uid: 'transition.schedule', subCategory: 'stages', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Publish and unpublish', uid: 'transition.publish', subCategory: 'stages', pluginName: PLUGIN_ID },
];

/**
 * What Strapi's default roles get on first start; an administrator can change it afterwards.
 * An Author may send to review but not approve, schedule or publish; an Editor may do all.
 */
export const DEFAULT_ROLE_GRANTS: Record<'strapi-editor' | 'strapi-author', WorkflowAction[]> = {
  'strapi-editor': [
    'read',
    'assign',
    'transition.submit',
    'transition.review',
    'transition.approve',
    'transition.schedule',
    'transition.publish',
  ],
  'strapi-author': ['read', 'transition.submit'],
};

/** The role editor's name of each action, for messages that tell a user what they lack. */
export const PERMISSION_LABELS: Record<string, string> = Object.fromEntries(PERMISSION_ACTIONS.map((a) => [a.uid, a.displayName]));
