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
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // The same limits as REST: a page size above the cap is refused (src/delivery/graphql.ts).
        defaultLimit: 25,
        maxLimit: 100,
        depthLimit: 10,
        landingPage: env('NODE_ENV', 'development') !== 'production',
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
