import { ARTICLE, CORRECTION } from '../delivery/load-article';
import { DRAFT_QUERY } from './load-draft';

describe('the draft query', () => {
  it('has no filter at any depth: a draft links to drafts', () => {
    const filters = (query: unknown): number =>
      !query || typeof query !== 'object'
        ? 0
        : Object.entries(query as Record<string, unknown>).reduce((n, [key, value]) => n + (key === 'where' ? 1 : 0) + filters(value), 0);
    expect(filters(DRAFT_QUERY)).toBe(0);
  });

  it("reads the delivery's own columns, corrections included", () => {
    expect(DRAFT_QUERY.select).toBe(ARTICLE);
    const populate = DRAFT_QUERY.populate as Record<string, { select?: unknown }>;
    expect(Object.keys(populate).sort()).toEqual([
      'author',
      'coAuthors',
      'corrections',
      'cover',
      'editor',
      'gallery',
      'pullQuotes',
      'republisher',
      'source',
    ]);
    expect(populate.corrections!.select).toBe(CORRECTION);
  });
});
