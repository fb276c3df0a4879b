import type { Core } from '@strapi/strapi';
import { appRoot } from '../src/lib/app-root';
import { ensureSecrets } from '../src/lib/secrets';

/**
 * The reader pages the CMS serves itself: the admin's preview of a draft (`/preview/articles/:documentId`)
 * and the published story (`/news/:locale/:slug`). Checked at start-up by src/reader/config.ts.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  ensureSecrets(appRoot());
  return {
    preview: {
      // Signs preview links; generated into .tmp/secrets.json in development, required in production.
      secret: env('PREVIEW_SECRET'),
      // How long a preview link opened from the admin stays valid.
      tokenMinutes: env.int('PREVIEW_TOKEN_MINUTES', 10),
    },
  };
};
