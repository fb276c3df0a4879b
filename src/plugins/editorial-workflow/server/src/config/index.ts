import { validateWorkflowConfig } from './validate-config';

export default {
  default: {},
  // Throws with the bad key named, which stops start-up.
  validator: (config: unknown) => {
    validateWorkflowConfig(config);
  },
};
