import type { Core } from '@strapi/strapi';
import { appRoot } from '../src/lib/app-root';
import { ensureSecrets } from '../src/lib/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  ensureSecrets(appRoot());
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    app: {
      keys: env.array('APP_KEYS'),
    },
    // This machine has no outbound internet; the update check would only time out.
    logger: { updates: { enabled: false } },
  };
};
