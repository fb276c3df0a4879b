import type { Core } from '@strapi/strapi';
import { appRoot } from '../src/lib/app-root';
import { ensureSecrets } from '../src/lib/secrets';
import { previewFrameOrigins } from '../src/reader/headers';
import { previewUrlHandler } from '../src/reader/preview-url';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  // Config files load in name order; admin.ts comes before server.ts, so each one that reads a secret ensures them.
  ensureSecrets(appRoot());
  return {
    auth: {
      secret: env('ADMIN_JWT_SECRET'),
    },
    apiToken: {
      salt: env('API_TOKEN_SALT'),
    },
    transfer: {
      token: {
        salt: env('TRANSFER_TOKEN_SALT'),
      },
    },
    secrets: {
      encryptionKey: env('ENCRYPTION_KEY'),
    },
    // Strapi's Preview (Community edition): the edit view's "Open preview" shows the CMS's own reader page
    // of the draft (src/reader), framed by the admin on the same origin.
    preview: {
      enabled: true,
      config: {
        allowedOrigins: previewFrameOrigins(env('PUBLIC_URL', '')),
        handler: previewUrlHandler,
      },
    },
    flags: {
      nps: false,
      promoteEE: false,
    },
  };
};
