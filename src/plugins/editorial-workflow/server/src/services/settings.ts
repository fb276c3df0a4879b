import type { Core } from '@strapi/strapi';
import { validateWorkflowConfig } from '../config/validate-config';
import type { WorkflowConfig } from '../config/defaults';
import { PLUGIN_ID } from '../constants';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: WorkflowConfig | null = null;
  const service = {
    /** The effective config: `config/plugins.ts` over the defaults, validated. */
    config(): WorkflowConfig {
      if (!cached) cached = validateWorkflowConfig(strapi.config.get(`plugin::${PLUGIN_ID}`));
      return cached;
    },
    covers(uid: string): boolean {
      return service.config().contentTypes.includes(uid);
    },
  };
  return service;
};
