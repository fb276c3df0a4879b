import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface AppProcess {
  port: number;
  url: string;
  /** Everything the process wrote to stderr so far, for failure messages. */
  stderr(): string;
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL), as a crash or an OOM kill would: no shutdown code runs. */
  kill(): Promise<void>;
}

const appDir = path.resolve(__dirname, '..');

/**
 * Starts the compiled app in its own Node process (scripts/serve-app.ts) with the given environment
 * on top of this one's, and resolves once it listens. A separate process is a separate instance:
 * its own event loop, cache and database pool, sharing only the database and Redis.
 */
export function startAppProcess(
  env: Record<string, string | undefined>,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<AppProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '-r', 'esbuild-register', path.join(appDir, 'scripts/serve-app.ts')],
    {
      cwd: appDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
  };

  return new Promise<AppProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The app process did not start within ${options.timeoutMs ?? 120_000} ms.\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /LISTENING (\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        const port = Number(match[1]);
        const kill = async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        };
        resolve({ port, url: `http://127.0.0.1:${port}`, stderr: () => stderr, stop, kill });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The app process exited (code ${code}) before it listened.\n${stderr}`));
    });
  });
}
