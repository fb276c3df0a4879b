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
        // Per-environment rule settings without a code change, e.g.
        // ATTRIBUTION_GUARD_RULES='{"image.agency-known":"error","attribution.line-consistent":false}'.
        // Validated at start-up like the rest: a mistyped rule id stops the app.
        rules: env.json('ATTRIBUTION_GUARD_RULES', {}),
      },
    },
  };
};
