import { ACTIONS } from '../constants';

const can = (...actions: string[]) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }];

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'POST', path: '/check', handler: 'check.check', config: { policies: can(ACTIONS.read) } },
      { method: 'POST', path: '/status', handler: 'status.status', config: { policies: can(ACTIONS.read) } },
      { method: 'GET', path: '/records', handler: 'records.list', config: { policies: can(ACTIONS.read) } },
      { method: 'POST', path: '/records', handler: 'refusals.create', config: { policies: can(ACTIONS.read) } },
      { method: 'POST', path: '/publish', handler: 'override.publish', config: { policies: can(ACTIONS.override) } },
      {
        method: 'POST',
        path: '/unpublish-dependency',
        handler: 'dependency-override.remove',
        config: { policies: can(ACTIONS.dependentsOverride) },
      },
      { method: 'GET', path: '/media-credits/:fileId', handler: 'media-credit.findOne', config: { policies: can(ACTIONS.read) } },
      { method: 'PUT', path: '/media-credits/:fileId', handler: 'media-credit.update', config: { policies: can(ACTIONS.read) } },
      { method: 'GET', path: '/settings', handler: 'settings.find', config: { policies: can(ACTIONS.settingsRead) } },
      { method: 'PUT', path: '/settings', handler: 'settings.update', config: { policies: can(ACTIONS.settingsUpdate) } },
      {
        method: 'PUT',
        path: '/settings/agencies/:documentId',
        handler: 'settings.updateAgency',
        config: { policies: can(ACTIONS.settingsUpdate) },
      },
    ],
  },
};
