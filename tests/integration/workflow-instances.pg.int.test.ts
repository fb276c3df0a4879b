import { startApp, type TestApp } from '../helpers/strapi';
import {
  eventually,
  publishTallies,
  publishedCount,
  registerWebhook,
  seedDueArticles,
  startWebhookReceiver,
  type Delivery,
} from '../helpers/workflow';
import { startInstance, type Instance } from '../../scripts/lib/instances';

/**
 * Two real app instances (child processes) share one PostgreSQL schema and sweep at the same time.
 * Every due article must be published exactly once — counted in the workflow history (written in
 * the publish transaction), the guard's check records and the webhook deliveries — and an instance
 * killed with SIGKILL in the middle of a sweep must leave the survivor to finish, with no duplicates.
 */
const N = 200;
let app: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let instances: Instance[] = [];

const instanceEnv = () => ({
  DATABASE_CLIENT: 'postgres',
  DATABASE_SCHEMA: process.env.DATABASE_SCHEMA,
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  WORKFLOW_SWEEP_CRON: 'false',
  // A killed instance's webhook claims are taken over after this (the default is a minute).
  OUTBOX_LEASE_MS: '3000',
  OUTBOX_TIMEOUT_MS: '2000',
});
// Webhooks go out through the outbox, at least once: a receiver drops repeats by their idempotency key.
const publishedDeliveries = (ids: Set<string>) =>
  receiver
    .unique()
    .filter((d: Delivery) => d.event === 'workflow.stage-changed' && d.body.to === 'published' && ids.has(d.body.documentId));
const perDocument = (deliveries: Delivery[]) => {
  const counts = new Map<string, number>();
  for (const d of deliveries) counts.set(d.body.documentId, (counts.get(d.body.documentId) ?? 0) + 1);
  return counts;
};

beforeAll(async () => {
  app = await startApp('workflow-instances');
  receiver = await startWebhookReceiver();
  // In the database before the instances start: each loads the webhooks when it boots.
  await registerWebhook(app.strapi, receiver.url, ['workflow.stage-changed']);
  // One after the other, so two boots never sync the same schema at once.
  instances = [await startInstance('instance-a', instanceEnv()), await startInstance('instance-b', instanceEnv())];
}, 240_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await receiver?.close();
  await app?.stop();
}, 60_000);

it('two instances sweeping at once publish each of 200 due articles exactly once', async () => {
  const publishAt = new Date('2099-01-01T00:00:00.000Z');
  const ids = await seedDueArticles(app.strapi, N, publishAt, 'Two instances');
  const now = new Date(publishAt.getTime() + 60_000);

  const [a, b] = await Promise.all(instances.map((i) => i.sweep(now)));
  const count = (outcome: string) => (a?.counts[outcome] ?? 0) + (b?.counts[outcome] ?? 0);
  expect(count('published')).toBe(N);
  expect(count('error')).toBe(0);

  await app.strapi.plugin('attribution-guard').service('records').settled();
  await eventually(async () => (await publishTallies(app.strapi, ids)).records.size === N, 20_000);
  const tallies = await publishTallies(app.strapi, ids);
  expect(tallies.published).toBe(N);
  expect(tallies.duplicates).toBe(0);
  expect([...tallies.history.values()].every((n) => n === 1) && tallies.history.size === N).toBe(true);
  expect([...tallies.records.values()].every((n) => n === 1) && tallies.records.size === N).toBe(true);

  const idSet = new Set(ids);
  await eventually(() => publishedDeliveries(idSet).length >= N, 20_000);
  const deliveries = perDocument(publishedDeliveries(idSet));
  expect(deliveries.size).toBe(N);
  expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
}, 240_000);

it('an instance killed (SIGKILL) mid-sweep leaves the survivor to finish, with no duplicates', async () => {
  const publishAt = new Date('2099-02-01T00:00:00.000Z');
  const ids = await seedDueArticles(app.strapi, N, publishAt, 'Killed mid-sweep');
  const now = new Date(publishAt.getTime() + 60_000);
  const [victim, survivor] = instances as [Instance, Instance];

  const victimSweep = victim.sweep(now).catch((error: Error) => error);
  const survivorSweep = survivor.sweep(now);
  // Kill once the sweep is well under way, with most of the work still to do.
  await eventually(async () => (await publishedCount(app.strapi, ids)) >= 30, 60_000);
  victim.kill();
  expect(await victimSweep).toBeInstanceOf(Error);

  const result = await survivorSweep;
  expect(result.counts.error).toBe(0);
  // Whatever the victim had claimed was released with its connection: nothing is left undone.
  expect(await publishedCount(app.strapi, ids)).toBe(N);
  const again = await survivor.sweep(now);
  expect(again.counts.published).toBe(0);

  const tallies = await publishTallies(app.strapi, ids);
  expect(tallies.duplicates).toBe(0);
  // The history row is written in the publish transaction, so it is exact even across the kill.
  expect(tallies.history.size).toBe(N);
  expect([...tallies.history.values()].every((n) => n === 1)).toBe(true);

  const idSet = new Set(ids);
  // The events of what the victim published were stored with each publish: none dies with it.
  await eventually(() => publishedDeliveries(idSet).length >= N, 30_000);
  const deliveries = perDocument(publishedDeliveries(idSet));
  expect(deliveries.size).toBe(N);
  expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
  instances = [survivor];
}, 240_000);
