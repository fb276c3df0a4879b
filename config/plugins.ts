import type { Core } from '@strapi/strapi';
import { appRoot } from '../src/lib/app-root';
import { ensureSecrets } from '../src/lib/secrets';
import { apolloServerLimits } from '../src/graphql/limits';
import { readUploadStorage, uploadPluginConfig } from '../src/uploads/storage-config';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  ensureSecrets(appRoot());
  // Local disk unless UPLOAD_PROVIDER=s3 (several instances share one bucket): see docs/deploy.md.
  const upload = uploadPluginConfig(readUploadStorage(process.env));
  return {
    ...(upload ? { upload: { config: upload } } : {}),
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
        // Depth, alias, directive, cost and token limits, no introspection in production (src/graphql/limits.ts).
        apolloServer: apolloServerLimits(env('NODE_ENV', 'development') === 'production'),
      },
    },
    // Gate order: the guard registers its publish gate before the workflow registers its own, so the
    // guard's gate is the outer one and records the workflow's refusals too (publish-verdict.int.test.ts,
    // "a publish the workflow refuses (not approved) is in the history"). Keep the guard listed first.
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
    'editorial-workflow': {
      enabled: true,
      resolve: './src/plugins/editorial-workflow',
      config: {
        contentTypes: ['api::article.article'],
        requireApproval: env.bool('WORKFLOW_REQUIRE_APPROVAL', true),
        // An editor may not approve a story they created, unless this is on.
        allowSelfApproval: env.bool('WORKFLOW_ALLOW_SELF_APPROVAL', false),
        defaultTimezone: env('WORKFLOW_TIMEZONE', 'Asia/Shanghai'),
        maxLatenessMinutes: env.int('WORKFLOW_MAX_LATENESS_MINUTES', 60),
        sweep: {
          // Tests drive the sweep themselves, with the time they choose.
          cron: env.bool('WORKFLOW_SWEEP_CRON', env('NODE_ENV') !== 'test'),
          rule: env('WORKFLOW_SWEEP_RULE', '0 * * * * *'),
          batchSize: env.int('WORKFLOW_SWEEP_BATCH', 20),
          concurrency: env.int('WORKFLOW_SWEEP_CONCURRENCY', 4),
        },
      },
    },
  };
};
