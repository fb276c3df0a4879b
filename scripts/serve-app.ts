/**
 * Boots the compiled app (`dist/`, from `compileStrapi` or `strapi build`) and serves HTTP on
 * 127.0.0.1:$PORT (0 = any free port). Prints `LISTENING <port>` once it answers requests, and shuts
 * down cleanly on SIGTERM. Used to run a second instance beside a test, and the benchmark's server.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createStrapi } from '@strapi/strapi';

const appDir = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  await new Promise<void>((resolve) => strapi.server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => resolve()));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  process.stdout.write(`LISTENING ${port}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await strapi.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
