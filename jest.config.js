/** Test tiers: `*.unit.test.ts` next to the code (pure, no Strapi); `*.int.test.ts` boot the real app;
 * `*.component.test.tsx` render admin components in jsdom; `*.e2e.test.ts` drive the built admin in Chromium. */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021', transform: { react: { runtime: 'automatic' } } } },
  ],
};
const common = {
  transform,
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/src/plugins/[^/]+/dist/'],
};

module.exports = {
  // Integration files boot the real app (a few seconds each); unit tests are far below this.
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.unit.test.ts', '<rootDir>/tests/unit/**/*.unit.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.int.test.ts'],
      // `*.pg.int.test.ts` need PostgreSQL (several app instances on one database): `npm run test:pg`.
      testPathIgnorePatterns:
        process.env.DATABASE_CLIENT === 'postgres' ? ['/node_modules/'] : ['/node_modules/', '\\.pg\\.int\\.test\\.ts$'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/plugins/*/admin/**/*.component.test.tsx', '<rootDir>/src/admin/**/*.component.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/components-setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
    },
  ],
};
