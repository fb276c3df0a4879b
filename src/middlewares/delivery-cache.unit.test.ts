import type { Core } from '@strapi/strapi';
import deliveryCache from './delivery-cache';

/** A Koa-like context for one request. */
function context(path: string, query: Record<string, unknown> = {}, method = 'GET') {
  const headers: Record<string, string> = {};
  return {
    method,
    path,
    query,
    status: 404,
    body: undefined as unknown,
    type: '',
    fresh: false,
    headers,
    set(field: string | Record<string, string>, value?: string) {
      if (typeof field === 'string') headers[field] = value!;
      else Object.assign(headers, field);
    },
  };
}

function setup(options: { hit?: boolean; securityHeaders?: Record<string, string> | null } = {}) {
  const cached = jest.fn(async () => (options.hit === false ? null : { etag: '"e"', body: '{"data":{}}' }));
  const service = {
    cacheControl: 'public, max-age=30',
    securityHeaders: () => (options.securityHeaders === undefined ? { 'x-content-type-options': 'nosniff' } : options.securityHeaders),
    resolveLocale: async (requested?: string) => requested ?? 'zh-Hant',
    cached,
    invalidator: { settled: jest.fn(async () => undefined) },
  };
  const strapi = { config: { get: () => '/api' }, service: () => service };
  const middleware = deliveryCache({}, { strapi: strapi as unknown as Core.Strapi });
  const next = jest.fn(async () => undefined);
  return { middleware, next, cached, settled: service.invalidator.settled };
}

describe('the delivery cache fast path', () => {
  it('answers a warm story without going further, with the recorded security headers', async () => {
    const { middleware, next, cached } = setup();
    const ctx = context('/api/articles/by-slug/yong-ai', { locale: 'zh-Hant' });
    await middleware(ctx, next);
    expect(next).not.toHaveBeenCalled();
    expect(cached).toHaveBeenCalledWith('yong-ai', 'zh-Hant');
    expect([ctx.status, ctx.body]).toEqual([200, '{"data":{}}']);
    expect(ctx.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      ETag: '"e"',
      'Cache-Control': 'public, max-age=30',
      'X-Delivery-Cache': 'hit',
    });
  });

  it.each([
    ['a miss', {}, '/api/articles/by-slug/yong-ai', {}],
    ['no recorded headers yet', { securityHeaders: null }, '/api/articles/by-slug/yong-ai', {}],
    ['another route', {}, '/api/articles/abc', {}],
    ['a bad slug', {}, `/api/articles/by-slug/${encodeURIComponent('<x>')}`, {}],
    ['a bad parameter', {}, '/api/articles/by-slug/yong-ai', { populate: '*' }],
    ['every locale', {}, '/api/articles/by-slug/yong-ai', { locale: '*' }],
  ] as const)('leaves %s to the route', async (_name, options, path, query) => {
    const { middleware, next } = setup({ ...options, hit: _name === 'a miss' ? false : true });
    const ctx = context(path, query);
    await middleware(ctx, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(ctx.body).toBeUndefined();
  });

  it('leaves writes to the route, and answers them once the cache has settled', async () => {
    const { middleware, next, settled } = setup();
    await middleware(context('/api/articles/by-slug/yong-ai', {}, 'POST'), next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(next.mock.invocationCallOrder[0]).toBeLessThan(settled.mock.invocationCallOrder[0]!);
  });
});
