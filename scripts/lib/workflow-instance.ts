/**
 * One app instance in a process of its own, for the multi-instance test and the schedule benchmark:
 * boots the compiled app from dist/ (no HTTP listener) against the database the environment names,
 * then sweeps when its parent asks, reporting what it did. Killing the process is part of the test.
 */
import path from 'node:path';
import { createStrapi } from '@strapi/strapi';

type Message = { type: 'sweep'; now: string } | { type: 'stop' };

const send = (message: Record<string, unknown>) => process.send?.(message);

async function main(): Promise<void> {
  const appDir = path.resolve(__dirname, '../..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  process.on('message', (message: Message) => {
    if (message.type === 'sweep') {
      const started = Date.now();
      strapi
        .plugin('editorial-workflow')
        .service('scheduler')
        .sweep({ now: new Date(message.now) })
        .then((report: { counts: Record<string, number>; incomplete: boolean }) =>
          send({ type: 'swept', counts: report.counts, incomplete: report.incomplete, ms: Date.now() - started }),
        )
        .catch((error: unknown) =>
          send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
        );
    } else if (message.type === 'stop') {
      // Let queued webhook deliveries go out before the process ends.
      setTimeout(() => {
        strapi
          .destroy()
          .then(() => process.exit(0))
          .catch(() => process.exit(1));
      }, 500);
    }
  });
  send({ type: 'ready', pid: process.pid });
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
