import { validateGuardConfig } from './validate-config';

export default {
  default: {},
  // Throws with the bad key named, which stops start-up: a typo must not silently disable a check.
  validator: (config: unknown) => {
    validateGuardConfig(config);
  },
};
