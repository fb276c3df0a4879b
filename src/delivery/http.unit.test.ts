import { errors } from '@strapi/utils';
import { checkBySlugQuery, checkSlug, etagOf, pickSecurityHeaders, sendCached, type ResponseContext } from './http';

const pathOf = (fn: () => unknown): string[] | undefined => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    return ((error as errors.ValidationError).details as { errors: Array<{ path: string[] }> }).errors[0]?.path;
  }
  return undefined;
};

describe('checkBySlugQuery', () => {
  it('takes a locale, or nothing', () => {
    expect(checkBySlugQuery({ locale: 'zh-Hant' })).toBe('zh-Hant');
    expect(checkBySlugQuery({})).toBeUndefined();
    expect(checkBySlugQuery({ status: 'published' })).toBeUndefined();
  });

  it.each([
    [{ status: 'draft' }, ['status']],
    [{ locale: '*' }, ['locale']],
    [{ locale: ['zh-Hant', 'en'] }, ['locale']],
    [{ locale: '' }, ['locale']],
    [{ populate: '*' }, ['populate']],
    [{ fields: ['title'] }, ['fields']],
    [{ filters: { title: { $eq: 'x' } } }, ['filters']],
    [{ publicationState: 'preview' }, ['publicationState']],
    [{ pagination: { pageSize: 10 } }, ['pagination']],
  ])('refuses %j with a 400 naming %j', (query, path) => {
    expect(pathOf(() => checkBySlugQuery(query as Record<string, unknown>))).toEqual(path);
  });
});

describe('checkSlug', () => {
  it('accepts what a UID field holds and refuses the rest', () => {
    expect(checkSlug('yong-ai-fa-yuan')).toBe('yong-ai-fa-yuan');
    for (const bad of ['', '大模型', 'a/b', 'a b', '<script>', 'x'.repeat(256), undefined])
      expect(pathOf(() => checkSlug(bad))).toEqual(['slug']);
  });
});

describe('validators', () => {
  it('gives the same bytes the same strong ETag', () => {
    expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
    expect(etagOf('x')).toMatch(/^"[\w-]+"$/);
  });

  const context = (fresh: boolean) => {
    const headers: Record<string, string> = {};
    const ctx: ResponseContext & { headers: Record<string, string> } = {
      status: 0,
      body: undefined,
      type: '',
      fresh,
      headers,
      set: (k, v) => void (headers[k] = v),
    };
    return ctx;
  };

  it('sends the body with its validators, or a bodiless 304 when the client has it', () => {
    const ok = context(false);
    sendCached(ok, { etag: '"e"', body: '{}' }, 'public, max-age=30', 'hit');
    expect([ok.status, ok.body, ok.headers.ETag, ok.headers['Cache-Control']]).toEqual([200, '{}', '"e"', 'public, max-age=30']);
    const fresh = context(true);
    sendCached(fresh, { etag: '"e"', body: '{}' }, 'public, max-age=30', 'hit');
    expect([fresh.status, fresh.body, fresh.headers.ETag]).toEqual([304, null, '"e"']);
  });

  it('records only the security headers of a response', () => {
    expect(
      pickSecurityHeaders({
        'x-frame-options': 'SAMEORIGIN',
        vary: 'Origin',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      }),
    ).toEqual({
      'x-frame-options': 'SAMEORIGIN',
      'x-content-type-options': 'nosniff',
    });
  });
});
