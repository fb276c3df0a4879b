import { ARTICLE_QUERY } from '../delivery/load-article';
import { withoutPublishedFilters } from './load-draft';

describe('the draft query', () => {
  it('is the delivery query without its published-only filters, at every depth, and nothing else changed', () => {
    const draft = withoutPublishedFilters(ARTICLE_QUERY as unknown as Record<string, unknown>);
    const filters = (query: unknown): number =>
      !query || typeof query !== 'object' ? 0 : Object.entries(query as Record<string, unknown>).reduce((n, [key, value]) => n + (key === 'where' ? 1 : 0) + filters(value), 0);
    expect(filters(ARTICLE_QUERY)).toBeGreaterThan(5);
    expect(filters(draft)).toBe(0);
    const strip = (query: unknown): unknown =>
      !query || typeof query !== 'object' || Array.isArray(query) ? query : Object.fromEntries(Object.entries(query as Record<string, unknown>).filter(([k]) => k !== 'where').map(([k, v]) => [k, strip(v)]));
    expect(draft).toEqual(strip(ARTICLE_QUERY));
  });

  it('keeps a filter that is not the published-only one', () => {
    const query = { populate: { quotes: { where: { position: { $gt: 0 } } }, author: { where: { publishedAt: { $notNull: true } }, select: ['name'] } } };
    expect(withoutPublishedFilters(query)).toEqual({ populate: { quotes: { where: { position: { $gt: 0 } } }, author: { select: ['name'] } } });
  });
});
