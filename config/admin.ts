import { appRoot } from '../src/lib/app-root';
import { ensureSecrets } from '../src/lib/secrets';

export default ({ env }: { env: any }) => {
  // Config files load in name order; admin.ts comes before server.ts, so each one that reads a secret ensures them.
  ensureSecrets(appRoot());
  return ({
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
  flags: {
    nps: false,
    promoteEE: false,
  },
});
};
