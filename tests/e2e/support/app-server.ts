import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { removeSqliteDatabase } from '../../../scripts/lib/sqlite-file';

export const appDir = path.resolve(__dirname, '../../..');
export const resultsDir = path.join(appDir, 'test-results', 'e2e');
/** Relative on purpose: the database config resolves it against the app folder. */
export const E2E_DATABASE = '.tmp/e2e.db';

/** Where a change makes the built admin or the compiled server out of date. */
const SOURCES = ['src', 'config', 'database', 'types', 'package.json', 'tsconfig.json'];
const IGNORED = /(^|\/)(node_modules|dist|\.tmp)(\/|$)|\.test\.tsx?$/u;

function newestChange(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    const child = path.join(entry, name);
    if (IGNORED.test(path.relative(appDir, child))) continue;
    newest = Math.max(newest, newestChange(child));
  }
  return newest;
}

/**
 * Whether `strapi build` must run first: no built admin yet, or a source changed since it was built.
 * E2E_BUILD=always or never overrides the guess.
 */
export function needsBuild(): boolean {
  const mode = process.env.E2E_BUILD ?? 'auto';
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  const built = fs.statSync(path.join(appDir, 'dist', 'build', 'index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((entry) => newestChange(path.join(appDir, entry)) > built.mtimeMs);
}

export function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: appDir, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function removeDatabase(): void {
  removeSqliteDatabase(E2E_DATABASE);
}

/**
 * Starts the built app as `strapi start` does in production, on a database of its own. NODE_ENV=test
 * keeps the demo logins (they are never made in production); the admin served is the production build.
 */
export function startApp(port: number, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, 'w');
  return spawn(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: E2E_DATABASE,
      SEED_DEMO: 'true',
      STRAPI_TELEMETRY_DISABLED: 'true',
      BROWSER: 'none',
    },
    stdio: ['ignore', log, log],
  });
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before answering /_health`);
    try {
      const res = await fetch(`${baseUrl}/_health`);
      if (res.status === 204 || res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer ${baseUrl}/_health within ${timeoutMs / 1000}s`);
}

export async function stopApp(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
