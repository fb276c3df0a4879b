import { dropRunSchemas } from './database';

export default async function globalTeardown(): Promise<void> {
  await dropRunSchemas();
}
