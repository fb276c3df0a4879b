import request from 'supertest';
import { SEED_SLUG } from '../helpers/demo';
import { outboxRows } from '../helpers/outbox';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import {
  ARTICLE,
  createArticle,
  createByline,
  eventually,
  startWebhookReceiver,
  type Byline,
  type Delivery,
  type WebhookReceiver,
} from '../helpers/workflow';

/**
 * The webhook outbox in one app process (SQLite here, PostgreSQL under `npm run test:pg`): events are
 * stored in the transaction of their change and delivered from the table with an idempotency key,
 * retried with backoff, shown to Super Admins when they fail, and retried from there.
 */
const ENV = {
  OUTBOX_POLL_MS: '100',
  OUTBOX_BACKOFF_BASE_MS: '80',
  OUTBOX_BACKOFF_MAX_MS: '300',
  OUTBOX_MAX_ATTEMPTS: '3',
  OUTBOX_TIMEOUT_MS: '1000',
  OUTBOX_LEASE_MS: '3000',
  WORKFLOW_REQUIRE_APPROVAL: 'false',
};
const EVENTS = ['workflow.published', 'workflow.unpublished', 'workflow.stage-changed', 'workflow.corrected'];

let app: TestApp;
let receiver: WebhookReceiver;
let byline: Byline;
let jwt: { admin: string; editor: string };
let webhookId: number;
/** Per idempotency key, how many more times the receiver answers 503 before it accepts. */
const failuresLeft = new Map<string, number>();
const refusals: Delivery[] = [];
let refuseEverything = false;

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const documents = () => app.strapi.documents(ARTICLE as any);
const rows = async (documentId?: string) => {
  const all = await outboxRows(app.strapi);
  return documentId ? all.filter((r) => JSON.parse(r.payload).documentId === documentId) : all;
};
const received = (documentId: string, event?: string) =>
  receiver.deliveries.filter((d) => d.body.documentId === documentId && (!event || d.event === event));

beforeAll(async () => {
  Object.assign(process.env, ENV);
  app = await startApp('outbox');
  receiver = await startWebhookReceiver((delivery) => {
    const left = delivery.key ? failuresLeft.get(delivery.key) : undefined;
    if (refuseEverything || (left !== undefined && left > 0)) {
      if (delivery.key && left !== undefined) failuresLeft.set(delivery.key, left - 1);
      refusals.push(delivery);
      return 503;
    }
    return 204;
  });
  jwt = {
    admin: await adminJwt(app.server, 'admin@newsroom.local', 'Newsroom-Admin-2026'),
    editor: await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026'),
  };
  // Through Settings → Webhooks' own API, as an administrator sets a receiver up.
  const hook = await request(app.server)
    .post('/admin/webhooks')
    .set(as(jwt.admin))
    .send({ name: 'outbox test', url: receiver.url, headers: { 'X-Receiver-Secret': 'shh' }, events: EVENTS });
  expect(hook.status).toBe(201);
  // Strapi's webhook API gives ids as strings.
  webhookId = Number(hook.body.data.id);
  byline = await createByline(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
  for (const name of Object.keys(ENV)) delete process.env[name];
});

describe('events are stored with their change', () => {
  it('a publish stores its events in the outbox and delivers each once, with its key in the header and the body', async () => {
    const documentId = await createArticle(app.strapi, 'Outbox: a first publish', byline);
    await documents().publish({ documentId, locale: 'en' });
    const stored = await rows(documentId);
    expect(stored.map((r) => r.event).sort()).toEqual(['workflow.published', 'workflow.stage-changed']);
    expect(stored.every((r) => Number(r.webhook_id) === webhookId)).toBe(true);
    expect(new Set(stored.map((r) => r.event_key)).size).toBe(2);

    await eventually(() => received(documentId).length === 2);
    for (const d of received(documentId)) {
      expect(d.key).toBe(d.body.idempotencyKey);
      expect(stored.map((r) => r.event_key)).toContain(d.key);
      expect(d.body).toMatchObject({ documentId, locale: 'en', event: d.event });
    }
    expect(received(documentId, 'workflow.stage-changed')[0]!.body).toMatchObject({ from: 'draft', to: 'published' });
    await eventually(async () => (await rows(documentId)).every((r) => r.status === 'delivered'));
  });

  it('a publish that rolls back announces nothing', async () => {
    const documentId = await createArticle(app.strapi, 'Outbox: rolled back', byline);
    const before = (await rows()).length;
    await expect(
      app.strapi.db.transaction(async () => {
        await documents().publish({ documentId, locale: 'en' });
        expect((await rows(documentId)).length).toBe(2);
        throw new Error('the editor changed their mind');
      }),
    ).rejects.toThrow('the editor changed their mind');
    expect((await rows()).length).toBe(before);
    expect(await app.strapi.db.query(ARTICLE as any).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(received(documentId)).toEqual([]);
  });

  it('a re-publish and an unpublish are announced too, and only what the webhook subscribed to is stored', async () => {
    const documentId = await createArticle(app.strapi, 'Outbox: updated and taken down', byline);
    await documents().publish({ documentId, locale: 'en' });
    await documents().update({ documentId, locale: 'en', data: { dek: 'An update readers see' } as any, status: 'published' });
    await documents().unpublish({ documentId, locale: 'en' });
    await eventually(
      () => received(documentId, 'workflow.unpublished').length === 1 && received(documentId, 'workflow.published').length === 2,
    );
    // A re-publish moves no stage: two publishes, two stage changes (draft → published → draft).
    expect(received(documentId, 'workflow.stage-changed').map((d) => `${d.body.from}→${d.body.to}`)).toEqual([
      'draft→published',
      'published→draft',
    ]);
    // The workflow's other events (assignments, say) are not subscribed: nothing stored for them.
    expect((await rows(documentId)).map((r) => r.event).filter((e) => !EVENTS.includes(e))).toEqual([]);
  });

  it('a correction made public is announced as workflow.corrected', async () => {
    const story = await app.strapi.db
      .query(ARTICLE as any)
      .findOne({ where: { slug: SEED_SLUG, locale: 'zh-Hant', publishedAt: { $notNull: true } } });
    const res = await request(app.server)
      .post('/newsroom/corrections')
      .set(as(jwt.editor))
      .send({ documentId: story.documentId, locale: 'zh-Hant', kind: 'correction', text: '本文先前誤植受訪者職稱,已更正。' });
    expect(res.status).toBe(200);
    await eventually(() => received(story.documentId, 'workflow.corrected').length === 1);
    const [corrected] = received(story.documentId, 'workflow.corrected');
    expect(corrected!.body.comment).toContain('本文先前誤植受訪者職稱,已更正。');
    expect(corrected!.body.actor).toMatchObject({ type: 'admin' });
    expect(received(story.documentId, 'workflow.published')).toHaveLength(1);
  });

  it('Strapi’s in-memory runner does not send them as well: every request came from the outbox', async () => {
    expect(receiver.deliveries.length).toBeGreaterThan(0);
    expect(receiver.deliveries.every((d) => typeof d.key === 'string' && d.key.length > 0)).toBe(true);
    expect(receiver.unique().length).toBe(receiver.deliveries.length);
  });
});

describe('retries', () => {
  it('a receiver that fails twice gets the event on the third attempt, after growing delays, with the same key', async () => {
    const documentId = await createArticle(app.strapi, 'Outbox: a flaky receiver', byline);
    await app.strapi.db.transaction(async () => {
      await documents().publish({ documentId, locale: 'en' });
      // Known before the commit, so the first attempt already fails.
      for (const row of await rows(documentId)) if (row.event === 'workflow.published') failuresLeft.set(row.event_key, 2);
    });
    await eventually(
      async () =>
        received(documentId, 'workflow.published').length === 1 && (await rows(documentId)).every((r) => r.status === 'delivered'),
      10_000,
    );
    const [row] = (await rows(documentId)).filter((r) => r.event === 'workflow.published');
    expect(row).toMatchObject({ status: 'delivered', attempts: 3 });
    const tries = refusals.filter((d) => d.key === row!.event_key);
    expect(tries.map((d) => d.attempt)).toEqual([1, 2]);
    expect(received(documentId, 'workflow.published')[0]).toMatchObject({ key: row!.event_key, attempt: 3 });
  });
});

describe('failed deliveries on the settings page', () => {
  /** A story published while the receiver refuses every attempt, once its deliveries have all failed; `id` is its publish event's delivery. */
  async function failedDelivery(title: string): Promise<{ documentId: string; id: number }> {
    refuseEverything = true;
    try {
      const documentId = await createArticle(app.strapi, title, byline);
      await documents().publish({ documentId, locale: 'en' });
      await eventually(async () => (await rows(documentId)).every((r) => r.status === 'failed'), 15_000);
      const published = (await rows(documentId)).find((r) => r.event === 'workflow.published' && Number(r.webhook_id) === webhookId);
      return { documentId, id: Number(published!.id) };
    } finally {
      refuseEverything = false;
    }
  }

  it('a receiver that keeps failing leaves the delivery failed after the last attempt, with the reason', async () => {
    const { documentId, id } = await failedDelivery('Outbox: the receiver is down');
    const res = await request(app.server).get('/newsroom/outbox/deliveries').set(as(jwt.admin));
    expect(res.status).toBe(200);
    const mine = (res.body.data as Array<Record<string, any>>).filter((d) => d.documentId === documentId);
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastStatus: 503,
      lastError: 'The receiver answered HTTP 503 Service Unavailable.',
      locale: 'en',
      nextAttemptAt: null,
      webhook: { id: webhookId, name: 'outbox test', url: receiver.url },
    });
    expect(res.body.meta.failed).toBeGreaterThanOrEqual(2);
    expect(mine.find((d) => d.event === 'workflow.published')!.id).toBe(id);
  });

  it('is for Super Admins only, checked on the server', async () => {
    const { id: failedId } = await failedDelivery('Outbox: only Super Admins retry');
    for (const [method, path] of [
      ['get', '/newsroom/outbox/deliveries'],
      ['post', `/newsroom/outbox/deliveries/${failedId}/retry`],
    ] as const) {
      const asEditor = await request(app.server)[method](path).set(as(jwt.editor));
      expect(asEditor.status).toBe(403);
      expect(asEditor.body.error.message).toBe('Only a Super Admin may see and retry webhook deliveries.');
      expect((await request(app.server)[method](path)).status).toBe(401);
    }
    expect((await rows()).find((r) => r.id === failedId)?.status).toBe('failed');
  });

  it('Retry sends it again now, once, with the same key', async () => {
    const { id: failedId } = await failedDelivery('Outbox: retried by hand');
    const before = receiver.deliveries.length;
    const key = (await rows()).find((r) => r.id === failedId)!.event_key;
    const res = await request(app.server).post(`/newsroom/outbox/deliveries/${failedId}/retry`).set(as(jwt.admin));
    expect(res.status).toBe(200);
    await eventually(() => receiver.deliveries.some((d) => d.key === key));
    expect(receiver.deliveries.slice(before).filter((d) => d.key === key)).toHaveLength(1);
    await eventually(async () => (await rows()).find((r) => r.id === failedId)?.status === 'delivered');
    const list = await request(app.server).get('/newsroom/outbox/deliveries').set(as(jwt.admin));
    expect(list.body.data.map((d: { id: number }) => d.id)).not.toContain(failedId);

    const again = await request(app.server).post(`/newsroom/outbox/deliveries/${failedId}/retry`).set(as(jwt.admin));
    expect(again.status).toBe(409);
    expect((await request(app.server).post('/newsroom/outbox/deliveries/987654/retry').set(as(jwt.admin))).status).toBe(404);
    const bad = await request(app.server).post('/newsroom/outbox/deliveries/abc/retry').set(as(jwt.admin));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['id']);
  });

  it('an event for a webhook deleted before delivery is dropped, not retried', async () => {
    const other = await startWebhookReceiver();
    const hook = await request(app.server)
      .post('/admin/webhooks')
      .set(as(jwt.admin))
      .send({ name: 'short-lived', url: other.url, headers: {}, events: ['workflow.published'] });
    const documentId = await createArticle(app.strapi, 'Outbox: a webhook removed', byline);
    const hookId = Number(hook.body.data.id);
    // Deleted in the publish's own transaction, so no attempt can be made before it is gone.
    await app.strapi.db.transaction(async () => {
      await documents().publish({ documentId, locale: 'en' });
      expect((await rows(documentId)).filter((r) => Number(r.webhook_id) === hookId)).toHaveLength(1);
      await app.strapi.get('webhookStore').deleteWebhook(String(hookId));
    });
    await eventually(async () => (await rows(documentId)).some((r) => Number(r.webhook_id) === hookId && r.status === 'dropped'));
    expect(other.deliveries).toEqual([]);
    await other.close();
  });
});
