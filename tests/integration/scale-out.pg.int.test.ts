import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startAppProcess, type AppProcess } from '../../scripts/app-process';
import { PHOTO_FIXTURES } from '../fixtures/photos/expected';
import { OUTBOX_TABLE, outboxRows } from '../helpers/outbox';
import { useSharedRedis, type SharedRedis } from '../helpers/redis';
import { startS3Server, type S3Store } from '../helpers/s3';
import { demoCast, type DemoCast } from '../helpers/stories';
import { fullAccessToken, startApp, type TestApp } from '../helpers/strapi';
import {
  ARTICLE,
  createArticle,
  createByline,
  eventually,
  mapLimit,
  registerWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../helpers/workflow';

/**
 * Several instances behind a balancer share everything: two app processes — this test's and a second
 * Node process — on one PostgreSQL schema, one Redis and one S3-protocol bucket (s3rver on 127.0.0.1).
 * A photo uploaded through one is served, with the credit read from its metadata, by the other; and
 * 100 publishes spread over both, with one of them killed (SIGKILL) half-way, each reach the webhook
 * receiver at least once, and exactly once when it drops repeats by idempotency key.
 */
const PUBLISHES = 100;
const ENV = {
  WORKFLOW_REQUIRE_APPROVAL: 'false',
  OUTBOX_POLL_MS: '200',
  OUTBOX_LEASE_MS: '3000',
  OUTBOX_TIMEOUT_MS: '2000',
  OUTBOX_BACKOFF_BASE_MS: '100',
  OUTBOX_BACKOFF_MAX_MS: '500',
};

let redis: SharedRedis;
let s3: S3Store;
let receiver: WebhookReceiver;
let paused: Promise<void> | null = null;
let one: TestApp;
let oneUrl: string;
let two: AppProcess;
let cast: DemoCast;
let token: string;

beforeAll(async () => {
  if (process.env.DATABASE_CLIENT !== 'postgres')
    throw new Error('This test runs two app processes on one database: run it with DATABASE_CLIENT=postgres (npm run test:pg).');
  redis = useSharedRedis('scale-out');
  s3 = await startS3Server('scale-out');
  Object.assign(process.env, ENV, s3.env);
  // A receiver a little slow to answer, so deliveries are under way when an instance is killed.
  receiver = await startWebhookReceiver(async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    // While an instance is being killed, no answer comes back: what it holds stays held until it dies.
    if (paused) await paused;
    return 204;
  });
  one = await startApp('scale-out');
  await registerWebhook(one.strapi, receiver.url, ['workflow.published']);
  await new Promise<void>((resolve) => one.server.listen(0, '127.0.0.1', () => resolve()));
  const address = one.server.address();
  oneUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  cast = await demoCast(one.strapi);
  token = await fullAccessToken(one.strapi);
  // The same schema, Redis prefix and bucket (inherited from this environment); booted after the
  // first, so two boots never sync one schema at once.
  two = await startAppProcess({ PORT: '0', LOG_LEVEL: 'error', SEED_DEMO: 'false' });
}, 180_000);

afterAll(async () => {
  await two?.stop();
  if (one?.server.listening) await new Promise<void>((resolve) => one.server.close(() => resolve()));
  await one?.stop();
  await receiver?.close();
  await s3?.stop();
  await redis?.restore();
  for (const name of [...Object.keys(ENV), ...Object.keys(s3?.env ?? {})]) delete process.env[name];
}, 60_000);

const adminLogin = async (base: string) => {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@newsroom.local', password: 'Newsroom-Admin-2026' }),
  });
  return ((await res.json()) as { data: { token: string } }).data.token;
};

describe('uploads on the shared bucket', () => {
  it('a photo uploaded on one instance is stored in the bucket and served by the other with its credit', async () => {
    const file = 'iptc-agency-photographer-example.jpg';
    const form = new FormData();
    form.append('files', new Blob([readFileSync(path.join(PHOTO_FIXTURES, file))], { type: 'image/jpeg' }), file);
    const res = await fetch(`${two.url}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await adminLogin(two.url)}` },
      body: form,
    });
    expect(res.status).toBe(201);
    const [uploaded] = (await res.json()) as Array<{
      id: number;
      url: string;
      hash: string;
      provider: string;
      formats: Record<string, { url: string }> | null;
    }>;
    expect(uploaded!.provider).toBe('aws-s3');
    expect(uploaded!.url.startsWith(`${s3.publicUrl}/`)).toBe(true);
    // In the bucket, renditions too, and not on either instance's disk.
    expect(s3.keys()).toContain(uploaded!.url.slice(s3.publicUrl.length + 1));
    for (const format of Object.values(uploaded!.formats ?? {})) expect(s3.keys()).toContain(format.url.slice(s3.publicUrl.length + 1));
    expect(() => readFileSync(path.join(__dirname, '../../public/uploads', `${uploaded!.hash}.jpg`))).toThrow();

    // The credit was read from the IPTC/XMP before the file left the instance, and stored with it.
    const credit = await one.strapi.db.query('plugin::attribution-guard.media-credit' as any).findOne({ where: { fileId: uploaded!.id } });
    expect(credit).toMatchObject({ credit: 'Mugwum Press', photographer: 'Julie Doe', origin: 'file-metadata' });

    // A story with the photo as its cover, no credit on the usage: the file's credit applies.
    const story = await one.strapi.documents(ARTICLE as any).create({
      locale: 'zh-Hant',
      data: {
        title: '兩個實例共用的照片',
        dek: '在一個實例上傳,在另一個實例讀出',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: '照片存在共用的儲存空間。' }] }],
        cover: { image: uploaded!.id, caption: '共用儲存', alt: '示意圖' },
        author: cast.author,
        editor: cast.editor,
        source: cast.outlet,
      } as any,
    });
    await one.strapi.documents(ARTICLE as any).publish({ documentId: story.documentId, locale: 'zh-Hant' });
    const served = await fetch(`${oneUrl}/api/articles/by-slug/${story.slug}?locale=zh-Hant`);
    expect(served.status).toBe(200);
    const { data } = (await served.json()) as { data: Record<string, any> };
    expect(data.cover.image.url).toBe(uploaded!.url);
    expect(data.cover.credit).toBe('Mugwum Press');
    expect(data.attribution.credits).toContainEqual(
      expect.objectContaining({ path: 'cover', line: expect.stringContaining('Mugwum Press') }),
    );
    expect(data.jsonLd.image[0] ?? data.jsonLd.image).toMatchObject({ creditText: 'Mugwum Press' });

    // The bucket serves the bytes at the URL the API gives out.
    const image = await fetch(data.cover.image.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    // The admin may load the bucket's images: its origin is in the Content-Security-Policy.
    const admin = await fetch(`${oneUrl}/admin/init`);
    expect(admin.headers.get('content-security-policy')).toMatch(new RegExp(`img-src [^;]*${s3.endpoint.replace(/[.:/]/g, '\\$&')}`));
  });
});

describe('webhooks through the outbox', () => {
  it(`${PUBLISHES} publishes over both instances, one killed half-way: every event arrives, none twice by key`, async () => {
    const byline = await createByline(one.strapi);
    const ids = await mapLimit(
      Array.from({ length: PUBLISHES }, (_, i) => i),
      4,
      (i) => createArticle(one.strapi, `Scale-out story ${i + 1}`, byline),
    );

    const schema = one.strapi.db.getSchemaName();
    const outbox = () => (schema ? one.strapi.db.connection(OUTBOX_TABLE).withSchema(schema) : one.strapi.db.connection(OUTBOX_TABLE));
    const survivor = (one.strapi.get('newsroom.outbox') as { worker: string }).worker;
    const claimedByTwo = async () =>
      (
        (await outbox().select('id').where({ status: 'pending' }).whereNotNull('claimed_by').whereNot('claimed_by', survivor)) as Array<{
          id: number;
        }>
      ).map((r) => Number(r.id));
    let stranded: number[] = [];

    let killed = false;
    let started = 0;
    const publish = async (documentId: string, index: number) => {
      // Alternate between the instances while both live; the survivor takes the rest, and a publish
      // the victim took with it to its grave is sent again, as a client behind a balancer would.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const base = !killed && (index + attempt) % 2 === 1 ? two.url : oneUrl;
        try {
          const res = await fetch(`${base}/api/articles/${documentId}?locale=en`, {
            method: 'PUT',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ data: { dek: `Published as number ${index + 1}` } }),
          });
          if (res.status === 200) return;
          throw new Error(`HTTP ${res.status}: ${await res.text()}`);
        } catch (error) {
          if (base !== two.url || !killed) throw error;
        }
      }
      throw new Error(`could not publish ${documentId}`);
    };
    await mapLimit(ids, 4, async (id) => {
      const index = started++;
      if (index === PUBLISHES / 2) {
        // Killed while it is delivering: the receiver holds its answers, so the deliveries the victim
        // has claimed are still under way when it dies.
        let resume = () => {};
        paused = new Promise<void>((resolve) => (resume = resolve));
        try {
          await eventually(async () => (await claimedByTwo()).length > 0, 20_000);
          killed = true;
          await two.kill();
          stranded = await claimedByTwo();
        } finally {
          paused = null;
          resume();
        }
      }
      await publish(id, index);
    });
    expect(killed).toBe(true);

    // Each publish committed once per history row; its event was written in the same transaction.
    const history = (await one.strapi.db
      .query('plugin::editorial-workflow.history-entry' as any)
      .findMany({ select: ['subjectDocumentId'], where: { kind: 'published', subjectDocumentId: { $in: ids } } })) as Array<{
      subjectDocumentId: string;
    }>;
    expect(new Set(history.map((h) => h.subjectDocumentId)).size).toBe(PUBLISHES);
    const published = async () =>
      (await outboxRows(one.strapi, { event: 'workflow.published' })).filter((r) => ids.includes(JSON.parse(r.payload).documentId));
    expect((await published()).length).toBe(history.length);

    // The killed instance's claims run out and the survivor delivers them.
    await eventually(async () => (await published()).every((r) => r.status === 'delivered'), 30_000);
    const rows = await published();
    const idSet = new Set(ids);
    const raw = receiver.deliveries.filter((d) => d.event === 'workflow.published' && idSet.has(d.body.documentId));
    const unique = receiver.unique().filter((d) => d.event === 'workflow.published' && idSet.has(d.body.documentId));

    // At least once: every stored event reached the receiver. Exactly once by key: one per event.
    expect(new Set(unique.map((d) => d.key))).toEqual(new Set(rows.map((r) => r.event_key)));
    expect(unique.length).toBe(rows.length);
    const perDocument = new Map<string, number>();
    for (const d of unique) perDocument.set(d.body.documentId, (perDocument.get(d.body.documentId) ?? 0) + 1);
    const historyPerDocument = new Map<string, number>();
    for (const h of history) historyPerDocument.set(h.subjectDocumentId, (historyPerDocument.get(h.subjectDocumentId) ?? 0) + 1);
    expect(perDocument).toEqual(historyPerDocument);
    // A repeat carries the same event: same key, same body.
    for (const d of raw) expect(d.body).toEqual(unique.find((u) => u.key === d.key)!.body);

    // What the dead instance held when it died was claimed again, once its lease ran out, and delivered.
    expect(stranded.length).toBeGreaterThan(0);
    for (const id of stranded) expect(rows.find((r) => Number(r.id) === id)).toMatchObject({ status: 'delivered' });
    for (const id of stranded) expect(Number(rows.find((r) => Number(r.id) === id)!.attempts)).toBeGreaterThanOrEqual(2);
    const retried = rows.filter((r) => Number(r.attempts) > 1).length;
    console.log(
      `Outbox across a SIGKILL: ${history.length} publishes (${history.length - PUBLISHES} sent again after the kill), ${rows.length} events stored, ` +
        `${raw.length} requests received, ${raw.length - unique.length} repeats dropped by key, ${stranded.length} claims stranded by the kill, ${retried} events delivered by a second claim.`,
    );
  });
});

describe('when the bucket is down', () => {
  it('an upload fails with a clear 503 and saves nothing; stories are still served', async () => {
    await s3.stop();
    const before = await one.strapi.db.query('plugin::upload.file' as any).count({});
    const form = new FormData();
    form.append(
      'files',
      new Blob([readFileSync(path.join(PHOTO_FIXTURES, 'exiftool-IPTC.jpg'))], { type: 'image/jpeg' }),
      'exiftool-IPTC.jpg',
    );
    const res = await fetch(`${oneUrl}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await adminLogin(oneUrl)}` },
      body: form,
    });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^The file could not be stored: the media store is not reachable/);
    expect(await one.strapi.db.query('plugin::upload.file' as any).count({})).toBe(before);
    const list = await fetch(`${oneUrl}/api/articles?locale=zh-Hant`);
    expect(list.status).toBe(200);
  });
});
