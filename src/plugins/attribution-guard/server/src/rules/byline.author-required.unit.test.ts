import { bylineAuthorRequired } from './byline.author-required';
import { buildSeedStory, seedWith } from './__fixtures__/seed-story';

describe('byline.author-required', () => {
  it('passes the seed story', () => {
    expect(bylineAuthorRequired(buildSeedStory())).toEqual([]);
  });

  it('flags a story with no author at `author`', () => {
    const findings = bylineAuthorRequired(seedWith({ author: null }));
    expect(findings).toEqual([expect.objectContaining({ rule: 'byline.author-required', severity: 'error', path: 'author' })]);
    expect(Object.keys(findings[0]?.message ?? {})).toEqual(['en', 'zh-Hant', 'zh-Hans']);
  });
});
