import type { Core } from '@strapi/strapi';
import { readOutboxConfig } from './config';
import { registerOutboxRoutes } from './routes';
import { createOutbox, type Outbox } from './service';

const OUTBOX = 'newsroom.outbox';

export function outboxOf(strapi: Core.Strapi): Outbox {
  return strapi.get(OUTBOX) as Outbox;
}

export function registerOutbox(strapi: Core.Strapi): void {
  const outbox = createOutbox(strapi, readOutboxConfig(strapi));
  strapi.add(OUTBOX, () => outbox);
  registerOutboxRoutes(strapi, outbox);
}

/** The editorial workflow's events go to the outbox from now on; this instance starts delivering. */
export function bootstrapOutbox(strapi: Core.Strapi): void {
  const outbox = outboxOf(strapi);
  strapi
    .plugin('editorial-workflow')
    ?.service('entries')
    ?.useEventSink?.((event: string, payload: Record<string, unknown>) => outbox.enqueue(event, payload));
  if (outbox.config.worker) outbox.start();
}

export async function destroyOutbox(strapi: Core.Strapi): Promise<void> {
  await outboxOf(strapi).stop();
}
