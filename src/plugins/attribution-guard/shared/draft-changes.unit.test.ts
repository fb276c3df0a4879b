import { draftDiffers } from './draft-changes';

describe('draftDiffers', () => {
  it('is a change when nothing is published', () => {
    expect(draftDiffers({ name: 'a' }, null, ['name'])).toBe(true);
  });

  it('compares text, JSON lists by content and relations by documentId, in the fields named only', () => {
    const live = { name: 'koorvoa', aliases: ['k'], outlet: { id: 1, documentId: 'tv' }, bio: 'x' };
    expect(
      draftDiffers({ name: 'koorvoa', aliases: ['k'], outlet: { id: 9, documentId: 'tv' }, bio: 'y' }, live, ['name', 'aliases', 'outlet']),
    ).toBe(false);
    expect(draftDiffers({ ...live, aliases: ['k', 'K'] }, live, ['aliases'])).toBe(true);
    expect(draftDiffers({ ...live, outlet: { documentId: 'tmt' } }, live, ['outlet'])).toBe(true);
    expect(draftDiffers({ ...live, outlet: null }, live, ['outlet'])).toBe(true);
    expect(draftDiffers({ ...live, bio: undefined }, { ...live, bio: null }, ['bio'])).toBe(false);
  });
});
