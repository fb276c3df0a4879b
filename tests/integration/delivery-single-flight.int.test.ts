import Redis from 'ioredis';
import request from 'supertest';
import { createDeliveryService, type DeliveryService } from '../../src/delivery/service';
import { REDIS_URL, useSharedRedis, type SharedRedis } from '../helpers/redis';
import { createStory, demoCast, type DemoCast } from '../helpers/stories';
import { startApp, type TestApp } from '../helpers/strapi';

/**
 * Right after a publish every reader arrives at once: the story's cache entry is missing, and the
 * first miss must render it once — within a process and across instances sharing Redis — while the
 * others wait for that fill. Two delivery services on one app stand for two instances: each has its
 * own in-process flights and Redis connection, and they share only Redis, as two processes do.
 */
let redis: SharedRedis;
let app: TestApp;
let cast: DemoCast;
let one: DeliveryService;
let two: DeliveryService;

beforeAll(async () => {
  redis = useSharedRedis('single-flight');
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  app = await startApp('delivery-single-flight');
  cast = await demoCast(app.strapi);
  one = app.strapi.service('api::article.delivery' as any) as DeliveryService;
  two = createDeliveryService(app.strapi);
  await two.start();
}, 120_000);
afterAll(async () => {
  await two?.stop();
  await app?.stop();
  await redis.restore();
  delete process.env.WORKFLOW_REQUIRE_APPROVAL;
});

const renders = () => one.renders() + two.renders();

describe('a burst of readers right after a publish', () => {
  it('costs one render over HTTP, 80 concurrent requests on one instance', async () => {
    const story = await createStory(app.strapi, cast, { title: '突發新聞:八十位讀者同時到達' });
    const before = one.renders();
    const responses = await Promise.all(
      Array.from({ length: 80 }, () => request(app.server).get(`/api/articles/by-slug/${story.slug}`).query({ locale: 'zh-Hant' })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(80).fill(200));
    expect(new Set(responses.map((r) => r.headers.etag)).size).toBe(1);
    expect(one.renders() - before).toBe(1);
  });

  it('costs one render across two instances sharing Redis', async () => {
    const story = await createStory(app.strapi, cast, { title: '突發新聞:兩個實例同時未命中' });
    // Readers arrive once the publish is out: over HTTP its response waits for the cache's release,
    // which an in-process publish leaves in flight for a few milliseconds after its commit.
    await one.invalidator.settled();
    const before = renders();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? one : two).respond(story.slug, 'zh-Hant')));
    expect(renders() - before).toBe(1);
    expect(new Set(answers.map((a) => a.response.etag)).size).toBe(1);
    expect(answers.filter((a) => a.cache === 'hit' || a.cache === 'miss')).toHaveLength(60);
  });

  it('a render that throws gives the claim back: every waiter gets the error, and the next request renders again', async () => {
    const before = renders();
    const attempts = await Promise.allSettled([one.respond('no-such-story', 'zh-Hant'), two.respond('no-such-story', 'zh-Hant')]);
    expect(attempts.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    const afterBurst = renders();
    expect(afterBurst - before).toBeGreaterThanOrEqual(1);
    await expect(one.respond('no-such-story', 'zh-Hant')).rejects.toThrow(/No story/);
    expect(renders()).toBe(afterBurst + 1);
  });

  it('a claim left by an instance that died expires: readers are answered, not held forever', async () => {
    const story = await createStory(app.strapi, cast, { title: '突發新聞:渲染中的實例當機' });
    const client = new Redis(REDIS_URL);
    try {
      const gen = (await client.get(`${redis.prefix}:{delivery}:gen`)) ?? '0';
      // The claim a crashed instance would leave: long-lived, and nobody will ever fill it.
      await client.set(`${redis.prefix}:{delivery}:c:${gen}:zh-Hant:${story.slug}`, 'dead-instance', 'PX', 60_000);
      const started = Date.now();
      const answer = await one.respond(story.slug, 'zh-Hant');
      expect(JSON.parse(answer.response.body).data.title).toBe('突發新聞:渲染中的實例當機');
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      client.disconnect();
    }
  });
});
