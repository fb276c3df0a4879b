import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';

export const ARTICLE = 'api::article.article';
const SOURCE = 'api::source.source';
const AUTHOR = 'api::author.author';

export interface Delivery {
  event: string;
  body: Record<string, any>;
  /** The `Idempotency-Key` header: the same for every copy of one event. */
  key: string | null;
  attempt: number | null;
}

export interface WebhookReceiver {
  url: string;
  /** Every request received, repeats included, in order of arrival. */
  deliveries: Delivery[];
  /** One delivery per idempotency key, as a receiver that drops repeats keeps them. */
  unique(): Delivery[];
  close: () => Promise<void>;
}

/**
 * A tiny webhook target on the loopback interface that keeps every delivery it receives. `answer`
 * decides the status of each request (204 by default) and may wait first, to play a slow or failing receiver.
 */
export async function startWebhookReceiver(answer?: (delivery: Delivery) => number | Promise<number>): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let delivery: Delivery;
      const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
      const attempt = typeof req.headers['x-newsroom-attempt'] === 'string' ? Number(req.headers['x-newsroom-attempt']) : null;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        delivery = { event: String(req.headers['x-strapi-event'] ?? body.event), body, key, attempt };
      } catch {
        delivery = { event: 'unparseable', body: {}, key, attempt };
      }
      void Promise.resolve(answer ? answer(delivery) : 204).then((status) => {
        // Only what was accepted counts as received, as a real receiver would store it.
        if (status >= 200 && status < 300) deliveries.push(delivery);
        if (!res.destroyed) res.writeHead(status).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    unique() {
      const seen = new Set<string>();
      return deliveries.filter((d) => {
        const id = d.key ?? `${d.event}:${JSON.stringify(d.body)}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Registers a webhook in Strapi's store (and with this instance's runner) for the given events. */
export async function registerWebhook(strapi: Core.Strapi, url: string, events: string[]): Promise<void> {
  const webhook = await strapi.get('webhookStore').createWebhook({ name: `test-${Date.now()}`, url, headers: {}, events, isEnabled: true });
  strapi.get('webhookRunner').add(webhook);
}

/** Waits until `check` passes or the time is up (webhooks are delivered in the background). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!(await check())) throw new Error(`condition not met within ${timeoutMs} ms`);
}

export interface Byline {
  author: string;
  source: string;
}

/** A published outlet and a published author belonging to it: what a publishable article needs. */
export async function createByline(
  strapi: Core.Strapi,
  locale = 'en',
  name = `writer-${Math.random().toString(36).slice(2, 8)}`,
): Promise<Byline> {
  const source = await strapi
    .documents(SOURCE as any)
    .create({ data: { name: `Outlet ${name}`, kind: 'outlet' } as any, status: 'published' });
  const author = await strapi
    .documents(AUTHOR as any)
    .create({ locale, data: { name, displayName: name, role: 'writer', outlet: source.documentId } as any, status: 'published' });
  return { author: author.documentId, source: source.documentId };
}

/** A draft article in `locale`; with a byline it passes the attribution guard, without one it fails. */
export async function createArticle(strapi: Core.Strapi, title: string, byline: Byline | null, locale = 'en'): Promise<string> {
  const created = await strapi.documents(ARTICLE as any).create({
    locale,
    data: {
      title,
      dek: `${title}: dek`,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: `${title}. Body text.` }] }],
      ...(byline ? { author: byline.author, source: byline.source } : {}),
    } as any,
  });
  return created.documentId;
}

/** Puts an article straight into `scheduled` at `publishAt`, as an editor would through the admin. */
export async function scheduleDirectly(
  strapi: Core.Strapi,
  documentIds: string[],
  publishAt: Date,
  locale = 'en',
  timezone = 'Asia/Shanghai',
): Promise<void> {
  await strapi.db
    .query(ARTICLE as any)
    .updateMany({ where: { documentId: { $in: documentIds }, locale }, data: { editorialStage: 'scheduled', publishAt, timezone } });
}

export async function publishedCount(strapi: Core.Strapi, documentIds: string[], locale = 'en'): Promise<number> {
  return strapi.db.query(ARTICLE as any).count({ where: { documentId: { $in: documentIds }, locale, publishedAt: { $notNull: true } } });
}

/** Runs `fn` over `items`, `limit` at a time. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        out[index] = await fn(items[index] as T, index);
      }
    }),
  );
  return out;
}

/** `n` publishable articles, approved and scheduled for `publishAt`: due work for the sweep. */
export async function seedDueArticles(strapi: Core.Strapi, n: number, publishAt: Date, label: string): Promise<string[]> {
  const byline = await createByline(strapi);
  // A few at a time on PostgreSQL (a pool of connections); SQLite has one writer.
  const parallel = strapi.db.dialect.client === 'postgres' ? 4 : 1;
  const ids = await mapLimit(
    Array.from({ length: n }, (_, i) => i),
    parallel,
    (i) => createArticle(strapi, `${label} ${i + 1}`, byline),
  );
  for (let i = 0; i < ids.length; i += 200) {
    await scheduleDirectly(strapi, ids.slice(i, i + 200), publishAt);
  }
  return ids;
}

/** How many times each article was published: workflow history rows and guard check records. */
export async function publishTallies(strapi: Core.Strapi, documentIds: string[]) {
  const history = new Map<string, number>();
  const records = new Map<string, number>();
  for (let i = 0; i < documentIds.length; i += 500) {
    const slice = documentIds.slice(i, i + 500);
    const rows = await strapi.db
      .query('plugin::editorial-workflow.history-entry' as any)
      .findMany({ select: ['subjectDocumentId'], where: { kind: 'published', subjectDocumentId: { $in: slice } } });
    for (const row of rows) history.set(row.subjectDocumentId, (history.get(row.subjectDocumentId) ?? 0) + 1);
    const checks = await strapi.db.query('plugin::attribution-guard.check-record' as any).findMany({
      select: ['subjectDocumentId'],
      where: { outcome: 'published', actorType: 'scheduler', subjectDocumentId: { $in: slice } },
    });
    for (const row of checks) records.set(row.subjectDocumentId, (records.get(row.subjectDocumentId) ?? 0) + 1);
  }
  const published = await publishedCount(strapi, documentIds);
  const duplicates = [...history.values()].filter((n) => n > 1).length + [...records.values()].filter((n) => n > 1).length;
  return { published, history, records, duplicates };
}
