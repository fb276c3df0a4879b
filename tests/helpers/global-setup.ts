import path from 'node:path';
import { compileStrapi } from '@strapi/strapi';

/**
 * Compiles the TypeScript app into dist/ once per run; each test file then boots it.
 * The plugins are built by `npm test` before Jest starts (their server entry must exist,
 * or Strapi would skip them without a word — tests/integration/plugins-loaded proves they load).
 */
export default async function globalSetup(): Promise<void> {
  const appDir = path.resolve(__dirname, '../..');
  process.env.NODE_ENV = 'test';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  // Quiet by default: ~80 app boots would print their migrations and notices; LOG_LEVEL=info shows them.
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  // One id per run, so PostgreSQL schemas of concurrent runs never meet.
  process.env.TEST_RUN_ID = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  await compileStrapi({ appDir, ignoreDiagnostics: false });
}
