import { removeDatabase, stopApp } from './support/app-server';

export default async function globalTeardown(): Promise<void> {
  await stopApp(globalThis.__E2E_APP__);
  globalThis.__E2E_APP__ = undefined;
  removeDatabase();
}
