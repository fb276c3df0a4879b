import { bylineAuthorRegistered } from './byline.author-registered';
import { buildSeedStory, seedWith } from './__fixtures__/seed-story';

describe('byline.author-registered', () => {
  it('passes the seed story (koorvoa and TV. are published, real names)', () => {
    expect(bylineAuthorRegistered(buildSeedStory())).toEqual([]);
  });

  it('flags an unpublished author at `author`, naming them', () => {
    const story = buildSeedStory();
    const findings = bylineAuthorRegistered(seedWith({ author: { ...story.records.koorvoa, published: false } }, story));
    expect(findings.map((f) => f.path)).toEqual(['author']);
    expect(findings[0]?.message.en).toContain('koorvoa');
    expect(findings[0]?.message['zh-Hant']).toContain('尚未發布');
  });

  it('flags placeholder names in name or displayName, after normalisation', () => {
    const story = buildSeedStory();
    const { koorvoa, tv } = story.records;
    expect(bylineAuthorRegistered(seedWith({ author: { ...koorvoa, name: '小編', displayName: null } }, story))).toEqual([
      expect.objectContaining({ path: 'author' }),
    ]);
    expect(bylineAuthorRegistered(seedWith({ author: { ...koorvoa, name: 'ＡＤＭＩＮ' } }, story))).toHaveLength(1);
    expect(bylineAuthorRegistered(seedWith({ editor: { ...tv, displayName: 'Staff' } }, story))).toEqual([
      expect.objectContaining({ path: 'editor', message: expect.objectContaining({ en: expect.stringContaining('“Staff”') }) }),
    ]);
  });

  it('flags an author without a record id', () => {
    const story = buildSeedStory();
    expect(bylineAuthorRegistered(seedWith({ author: { ...story.records.koorvoa, documentId: '' } }, story))).toEqual([
      expect.objectContaining({ path: 'author' }),
    ]);
  });

  it('leaves a missing author to byline.author-required', () => {
    expect(bylineAuthorRegistered(seedWith({ author: null, editor: null }))).toEqual([]);
  });
});
