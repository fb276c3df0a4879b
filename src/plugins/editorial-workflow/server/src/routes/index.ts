import { ACTIONS } from '../constants';

const policies = (...actions: string[]) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }];
const route = (method: string, path: string, handler: string, ...actions: string[]) => ({
  method,
  path,
  handler,
  config: { policies: policies(...actions) },
});

export default {
  admin: {
    type: 'admin',
    routes: [
      route('GET', '/entries/:contentType/:documentId', 'entries.state', ACTIONS.read),
      // Which transition is allowed is decided per move (403 with the missing permission named).
      route('POST', '/entries/:contentType/:documentId/transition', 'entries.transition', ACTIONS.read),
      route('PUT', '/entries/:contentType/:documentId/schedule', 'entries.schedule', ACTIONS.schedule),
      route('PUT', '/entries/:contentType/:documentId/embargo', 'entries.embargo', ACTIONS.schedule),
      route('PUT', '/entries/:contentType/:documentId/assignee', 'entries.assign', ACTIONS.assign),
      route('GET', '/stages', 'schedules.stages', ACTIONS.read),
      route('GET', '/schedules', 'schedules.list', ACTIONS.read),
      route('GET', '/assignees', 'schedules.assignees', ACTIONS.assign),
      route('GET', '/config', 'schedules.config', ACTIONS.read),
    ],
  },
};
