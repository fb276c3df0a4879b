import { ACTIONS } from '../constants';

const can = (...actions: string[]) => [{ name: 'admin::hasPermissions', config: { actions } }];

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'POST', path: '/check', handler: 'check.check', config: { policies: ['admin::isAuthenticatedAdmin', ...can(ACTIONS.read)] } },
      { method: 'GET', path: '/records', handler: 'records.list', config: { policies: ['admin::isAuthenticatedAdmin', ...can(ACTIONS.read)] } },
      { method: 'POST', path: '/publish', handler: 'override.publish', config: { policies: ['admin::isAuthenticatedAdmin', ...can(ACTIONS.override)] } },
    ],
  },
};
