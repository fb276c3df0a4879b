import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, needsBuild, removeDatabase, resultsDir, run, startApp, waitForHealth } from './support/app-server';

declare global {
  // Handed from global setup to global teardown, which run in the same process.
  var __E2E_APP__: ChildProcess | undefined;
}

/**
 * Builds the app when its build is missing or older than the sources, starts it on a fresh SQLite
 * file and a free port, and waits until it answers. Test files read the address from E2E_BASE_URL.
 */
export default async function globalSetup(): Promise<void> {
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });

  const started = Date.now();
  if (needsBuild()) {
    run('npm', ['run', 'build']);
    process.stdout.write(`\ne2e: built the app in ${Math.round((Date.now() - started) / 1000)}s\n`);
  } else {
    // The admin build is current; the local plugins' server entries must still exist.
    run('npm', ['run', 'plugins:build', '--silent']);
  }

  removeDatabase();
  const port = Number(process.env.E2E_PORT ?? 0) || (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = startApp(port, path.join(resultsDir, 'server.log'));
  globalThis.__E2E_APP__ = child;
  await waitForHealth(baseUrl, child);
  process.env.E2E_BASE_URL = baseUrl;
  process.stdout.write(`e2e: app answering on ${baseUrl} (log: test-results/e2e/server.log)\n`);
}
