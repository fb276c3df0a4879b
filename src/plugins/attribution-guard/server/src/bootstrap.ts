import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS } from './permissions';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Registered before the admin cleans permissions of unknown actions at its own bootstrap.
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
};

export default bootstrap;
