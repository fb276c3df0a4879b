/**
 * `npm run bench:api` — how fast the delivery route is, against Strapi's stock REST and a bare server.
 *
 * Seeds 1,000 published stories (the demo story and 999 valid clones of it: same byline, outlet,
 * republisher, credited cover and body), then measures with autocannon, 50 connections, requests
 * rotating over every story's slug:
 *   (a) GET /api/articles/by-slug/:slug with the response cache switched off;
 *   (b) Strapi's stock GET /api/articles?filters[slug][$eq]=…&populate=… with the same relations;
 *   (c) the by-slug route with the cache warm;
 *   (d) a bare Node http server answering each path with the very bytes (c) sends.
 * Prints requests/s and p50/p99 latency with the ratios a/b, c/a and c/d, (e) the burst after a
 * publish, and the SQL queries of one uncached request, and writes them to `.tmp/bench-api.json`.
 * The server runs in its own process, so autocannon never shares its event loop.
 *
 * Environment: BENCH_SECONDS (default 6), BENCH_STORIES (default 1000), DATABASE_CLIENT=postgres to
 * run on PostgreSQL (schema `bench_api`), REDIS_URL to give the cache to Redis.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { compileStrapi, createStrapi, type Core } from '@strapi/strapi';
import { Client } from 'pg';
import type { Row } from '../src/lib/row';
import { startAppProcess, type AppProcess } from './app-process';
import { removeSqliteDatabase } from './lib/sqlite-file';

const appDir = path.resolve(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const STORIES = Number(process.env.BENCH_STORIES ?? 1000);
const CONNECTIONS = 50;
const BURST_READERS = 200;
const ARTICLE = 'api::article.article';
const POPULATE =
  'populate[author]=true&populate[editor]=true&populate[source]=true&populate[republisher]=true&populate[pullQuotes]=true' +
  '&populate[cover][populate]=*&populate[gallery][populate]=*';

interface Measured {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

async function freshDatabase(): Promise<void> {
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  if (process.env.DATABASE_CLIENT === 'postgres') {
    process.env.DATABASE_SCHEMA = 'bench_api';
    const client = new Client({
      connectionString: process.env.DATABASE_URL,
      host: process.env.DATABASE_HOST ?? '127.0.0.1',
      port: Number(process.env.DATABASE_PORT ?? 5432),
      database: process.env.DATABASE_NAME ?? 'test',
      user: process.env.DATABASE_USERNAME ?? 'postgres',
      password: process.env.DATABASE_PASSWORD ?? '',
    });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS bench_api CASCADE');
    await client.query('CREATE SCHEMA bench_api');
    await client.end();
  } else {
    process.env.DATABASE_FILENAME = '.tmp/bench-api.db';
    removeSqliteDatabase('.tmp/bench-api.db');
  }
}

const loadDemo = async (strapi: Core.Strapi): Promise<Row> =>
  (await strapi.documents(ARTICLE).findFirst({
    locale: 'zh-Hant',
    status: 'published',
    populate: { author: true, editor: true, source: true, republisher: true, cover: { populate: ['image', 'agency'] } },
  })) as Row;

/** A valid clone of the demo story, approved and published through the same gates as an editor's. */
async function publishClone(strapi: Core.Strapi, demo: Row, title: string): Promise<string> {
  const cover = demo.cover;
  const draft = await strapi.documents(ARTICLE).create({
    locale: 'zh-Hant',
    data: {
      title,
      dek: demo.dek,
      body: demo.body,
      originalUrl: demo.originalUrl,
      author: demo.author.documentId,
      editor: demo.editor.documentId,
      source: demo.source.documentId,
      republisher: demo.republisher.documentId,
      cover: {
        image: cover.image.id,
        credit: cover.credit,
        agency: cover.agency.documentId,
        license: cover.license,
        caption: cover.caption,
        alt: cover.alt,
      },
    },
  });
  const ref = { uid: ARTICLE, documentId: draft.documentId, locale: 'zh-Hant' };
  await strapi.plugin('editorial-workflow').service('workflow').setStage(ref, 'approved', 'benchmark');
  const published: Row = await strapi.documents(ARTICLE).publish({ documentId: draft.documentId, locale: 'zh-Hant' });
  return published.entries?.[0]?.slug ?? draft.slug;
}

/** Boots the app once in this process (its bootstrap loads the demo story) and adds valid clones of the demo story. */
async function seed(): Promise<string[]> {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const demo = await loadDemo(strapi);
    const existing = await strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
    const started = Date.now();
    for (let i = existing; i < STORIES; i += 1) {
      await publishClone(strapi, demo, `${demo.title} 第${i}篇`);
      if ((i + 1) % 100 === 0) log(`  seeded ${i + 1}/${STORIES} stories (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    const rows: Row[] = await strapi.db
      .query(ARTICLE)
      .findMany({ select: ['slug'], where: { locale: 'zh-Hant', publishedAt: { $notNull: true } }, orderBy: { id: 'asc' } });
    return rows.map((row) => row.slug as string);
  } finally {
    await strapi.destroy();
  }
}

/** One autocannon run over the given paths, in turn; a short run first lets the server warm up. */
async function measure(base: string, paths: string[]): Promise<Measured> {
  const run = (duration: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      let next = 0;
      autocannon(
        {
          url: base,
          connections: CONNECTIONS,
          duration,
          requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  await run(2);
  const result = await run(SECONDS);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function expectOk(base: string, urlPath: string, check: (body: Row) => boolean): Promise<void> {
  const res = await fetch(`${base}${urlPath}`);
  const body = (await res.json()) as Row;
  if (res.status !== 200 || !check(body))
    throw new Error(`Sanity check failed for ${urlPath}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
}

async function withServer<T>(env: Record<string, string>, fn: (server: AppProcess) => Promise<T>): Promise<T> {
  const server = await startAppProcess({ LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

interface Burst {
  readers: number;
  renders: number;
  burstP99Ms: number;
  warmP99Ms: number;
  non2xx: number;
  /** SQL queries one uncached by-slug request makes (the fewest of three, so a background task cannot add to it). */
  queriesPerUncachedRequest: number;
}

/**
 * Counts the SQL queries of one uncached request, with knex's `query` event on the app's connection:
 * a publish empties the cache, then three stories not yet served since are requested one at a time.
 */
async function queriesPerUncachedRequest(
  strapi: Core.Strapi,
  base: string,
  publish: () => Promise<string>,
  slugs: string[],
): Promise<number> {
  await publish();
  let count = 0;
  const onQuery = () => {
    count += 1;
  };
  strapi.db.connection.on('query', onQuery);
  try {
    const counts: number[] = [];
    for (const slug of slugs.slice(0, 3)) {
      count = 0;
      const res = await fetch(`${base}/api/articles/by-slug/${slug}?locale=zh-Hant`);
      await res.arrayBuffer();
      if (res.status !== 200 || res.headers.get('x-delivery-cache') === 'hit')
        throw new Error(`Counting queries needs an uncached 200, got ${res.status} ${res.headers.get('x-delivery-cache')}`);
      counts.push(count);
    }
    return Math.min(...counts);
  } finally {
    strapi.db.connection.off('query', onQuery);
  }
}

/** `readers` requests at once, one per connection, as readers arriving together. */
function together(base: string, urlPath: string, readers: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${base}${urlPath}`, connections: readers, amount: readers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/**
 * (e) The moment after a publish: a story goes out, its entry is missing, and every reader arrives at
 * once. In this process, so the render counter can be read; its p99 is compared with the same burst
 * on a story already warm, in the same process, side by side.
 */
async function breakingNews(slugs: string[]): Promise<Burst> {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    strapi.server.mount();
    await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
    const delivery = strapi.service('api::article.delivery') as { renders(): number };
    const demo = await loadDemo(strapi);
    const warmSlug = await publishClone(strapi, demo, `${demo.title} 已預熱`);
    const warmPath = `/api/articles/by-slug/${warmSlug}?locale=zh-Hant`;
    await fetch(`${base}${warmPath}`);
    await together(base, warmPath, BURST_READERS);
    const warm = await together(base, warmPath, BURST_READERS);
    const slug = await publishClone(strapi, demo, `${demo.title} 突發`);
    const before = delivery.renders();
    const burst = await together(base, `/api/articles/by-slug/${slug}?locale=zh-Hant`, BURST_READERS);
    const renders = delivery.renders() - before;
    const queries = await queriesPerUncachedRequest(strapi, base, () => publishClone(strapi, demo, `${demo.title} 計數`), slugs);
    return {
      readers: BURST_READERS,
      renders,
      burstP99Ms: burst.latency.p99,
      warmP99Ms: warm.latency.p99,
      non2xx: burst.non2xx + warm.non2xx,
      queriesPerUncachedRequest: queries,
    };
  } finally {
    await strapi.destroy();
  }
}

/** null when the run answered nothing to compare with (too short a run on a loaded machine). */
const ratio = (x: Measured, y: Measured) =>
  y.requestsPerSecond > 0 ? Math.round((x.requestsPerSecond / y.requestsPerSecond) * 100) / 100 : null;

async function main(): Promise<void> {
  await freshDatabase();
  log('Compiling the app…');
  await compileStrapi({ appDir, ignoreDiagnostics: false });
  log(`Seeding ${STORIES} published stories…`);
  const slugs = await seed();
  const bySlug = slugs.map((slug) => `/api/articles/by-slug/${slug}?locale=zh-Hant`);
  const stock = slugs.map((slug) => `/api/articles?filters[slug][$eq]=${slug}&locale=zh-Hant&${POPULATE}`);

  const results: Record<'a' | 'b' | 'c' | 'd', Measured> = {} as Record<'a' | 'b' | 'c' | 'd', Measured>;
  await withServer({ DELIVERY_CACHE_ENABLED: 'false' }, async (server) => {
    await expectOk(server.url, bySlug[0]!, (body) => typeof body.data?.bodyHtml === 'string');
    await expectOk(server.url, stock[0]!, (body) => body.data?.length === 1 && body.data[0].author?.name === 'koorvoa');
    log('(a) by-slug, cache off…');
    results.a = await measure(server.url, bySlug);
    log('(b) stock REST with populate…');
    results.b = await measure(server.url, stock);
  });

  const bodies = new Map<string, { body: Buffer; etag: string; cacheControl: string }>();
  let cacheKind = 'memory';
  await withServer({}, async (server) => {
    for (const urlPath of bySlug) {
      const res = await fetch(`${server.url}${urlPath}`);
      bodies.set(urlPath, {
        body: Buffer.from(await res.arrayBuffer()),
        etag: res.headers.get('etag') ?? '',
        cacheControl: res.headers.get('cache-control') ?? '',
      });
    }
    const check = await fetch(`${server.url}${bySlug[0]}`);
    if (check.headers.get('x-delivery-cache') !== 'hit') throw new Error('The cache did not warm up.');
    cacheKind = process.env.REDIS_URL ? 'redis' : 'memory';
    log(`(c) by-slug, cache warm (${cacheKind})…`);
    results.c = await measure(server.url, bySlug);
  });

  // The same bytes and headers from Node's http module and nothing else, already encoded.
  const bare = http.createServer((req, res) => {
    const found = bodies.get(req.url ?? '');
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ETag: found.etag, 'Cache-Control': found.cacheControl });
    res.end(found.body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', () => resolve()));
  log('(d) bare Node http, same bytes…');
  results.d = await measure(`http://127.0.0.1:${(bare.address() as AddressInfo).port}`, bySlug);
  await new Promise<void>((resolve) => bare.close(() => resolve()));

  log(`(e) ${BURST_READERS} readers at once right after a publish…`);
  const burst = await breakingNews(slugs);

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
    database: process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite',
    cache: cacheKind,
    stories: slugs.length,
    connections: CONNECTIONS,
    seconds: SECONDS,
    responseBytes: Math.round([...bodies.values()].reduce((sum, b) => sum + b.body.length, 0) / bodies.size),
    results: {
      a_bySlugUncached: results.a,
      b_stockRestPopulate: results.b,
      c_bySlugCached: results.c,
      d_bareNodeHttp: results.d,
    },
    e_breakingNews: burst,
    ratios: {
      a_b: ratio(results.a, results.b),
      c_a: ratio(results.c, results.a),
      c_d: ratio(results.c, results.d),
      e_burst_warm_p99: Math.round((burst.burstP99Ms / Math.max(1, burst.warmP99Ms)) * 100) / 100,
    },
    aims: { a_b: 10, a_p99_ms: 1000, c_d: 0.9, e_renders: 1, e_burst_warm_p99: 10 },
  };
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(appDir, '.tmp/bench-api.json'), `${JSON.stringify(report, null, 2)}\n`);

  log('');
  log(
    `${slugs.length} stories, ${CONNECTIONS} connections, ${SECONDS} s per run, ${report.database}, cache ${cacheKind}, ~${report.responseBytes} bytes per story`,
  );
  log('run                                   req/s    p50 ms   p99 ms   non-2xx');
  for (const [name, m] of Object.entries(report.results)) {
    log(
      `${name.padEnd(36)} ${String(m.requestsPerSecond).padStart(6)}  ${String(m.latencyP50Ms).padStart(7)}  ${String(m.latencyP99Ms).padStart(7)}  ${String(m.non2xx).padStart(8)}`,
    );
  }
  log(`a/b = ${report.ratios.a_b} (aim ≥ 10, p99 < 1000 ms)   c/a = ${report.ratios.c_a}   c/d = ${report.ratios.c_d} (aim ≥ 0.9)`);
  log(`SQL queries per uncached request: ${burst.queriesPerUncachedRequest}`);
  log(
    `(e) ${burst.readers} readers right after a publish: ${burst.renders} render(s) (aim 1), p99 ${burst.burstP99Ms} ms vs ${burst.warmP99Ms} ms warm = ${report.ratios.e_burst_warm_p99}× (aim < 10×), non-2xx ${burst.non2xx}`,
  );
  log(`load average during the run: ${report.machine.loadAverage.join(', ')}`);
  log('Written to .tmp/bench-api.json');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
