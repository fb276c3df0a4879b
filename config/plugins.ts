import { appRoot } from '../src/lib/app-root';
import { ensureSecrets } from '../src/lib/secrets';

export default ({ env }: { env: any }) => {
  ensureSecrets(appRoot());
  return {
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET'),
      },
    },
    'attribution-guard': {
      enabled: true,
      resolve: './src/plugins/attribution-guard',
      config: {
        contentTypes: ['api::article.article'],
      },
    },
  };
};
