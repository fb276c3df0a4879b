import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SweepResult {
  counts: Record<string, number>;
  incomplete: boolean;
  ms: number;
}

export interface Instance {
  name: string;
  child: ChildProcess;
  sweep(now: Date): Promise<SweepResult>;
  kill(): void;
  stop(): Promise<void>;
}

const SCRIPT = path.join(__dirname, 'workflow-instance.ts');

/**
 * Starts an app instance in a child process (Node with esbuild-register, which ships with Strapi)
 * against the database in `env`, and resolves once it has booted.
 */
export function startInstance(name: string, env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<Instance> {
  const child = fork(SCRIPT, [], {
    execArgv: ['-r', 'esbuild-register'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters: Array<{ resolve: (r: SweepResult) => void; reject: (e: Error) => void }> = [];
  const instance: Instance = {
    name,
    child,
    sweep(now) {
      return new Promise<SweepResult>((resolve, reject) => {
        waiters.push({ resolve, reject });
        child.send({ type: 'sweep', now: now.toISOString() });
      });
    },
    kill() {
      child.kill('SIGKILL');
    },
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' });
      });
    },
  };
  child.on('message', (message: { type: string; message?: string } & Partial<SweepResult>) => {
    if (message.type === 'swept') waiters.shift()?.resolve(message as SweepResult);
    if (message.type === 'error') waiters.shift()?.reject(new Error(`${name}: ${message.message}`));
  });
  child.on('exit', (code, signal) => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`${name} exited (${signal ?? code}) during a sweep`));
  });
  return new Promise<Instance>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(instance);
      } else if (message.type === 'error') {
        clearTimeout(timer);
        reject(new Error(`${name} failed to start: ${message.message}`));
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready`));
    });
  });
}
