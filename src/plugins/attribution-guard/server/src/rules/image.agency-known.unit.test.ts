import type { ImageUsage } from '../../../shared/contracts/findings';
import { imageAgencyKnown } from './image.agency-known';
import { buildSeedStory, seedWith, source, type SeedStory } from './__fixtures__/seed-story';

function withCover(patch: Partial<ImageUsage>, story: SeedStory = buildSeedStory()): SeedStory {
  return seedWith({ images: [{ ...story.article.images[0]!, ...patch }] }, story);
}

describe('image.agency-known', () => {
  it('passes the seed story (視覺中國, agency relation set)', () => {
    expect(imageAgencyKnown(buildSeedStory())).toEqual([]);
  });

  it.each(['VCG', '视觉中国', '@VCG', '圖片來源 @視覺中國', '視覺中國/VCG', 'Visual China Group'])(
    'accepts the agency credit %p through aliases, without an agency relation',
    (credit) => {
      expect(imageAgencyKnown(withCover({ credit, agency: null, license: 'agency' }))).toEqual([]);
    },
  );

  it('flags an agency credit no registered agency goes by, at `cover.credit`', () => {
    const findings = imageAgencyKnown(withCover({ credit: '@某某圖庫', agency: null, license: 'agency' }));
    expect(findings).toEqual([expect.objectContaining({ rule: 'image.agency-known', severity: 'warning', path: 'cover.credit' })]);
    expect(findings[0]?.message.en).toContain('“@某某圖庫”');
  });

  it('treats an @ handle as an agency credit whatever the license', () => {
    expect(imageAgencyKnown(withCover({ credit: '@某某圖庫', agency: null, license: 'owned' }))).toHaveLength(1);
  });

  it('accepts a person credited on an owned photo', () => {
    expect(imageAgencyKnown(withCover({ credit: '張三', agency: null, license: 'owned' }))).toEqual([]);
  });

  it('accepts a house photo credited to the article’s own outlet', () => {
    expect(imageAgencyKnown(withCover({ credit: '@正見 TrueView', agency: null, license: 'owned' }))).toEqual([]);
  });

  it('flags an agency relation that is not an agency, at `cover.agency`', () => {
    const story = buildSeedStory();
    const findings = imageAgencyKnown(withCover({ agency: story.records.trueView }, story));
    expect(findings.map((f) => f.path)).toEqual(['cover.agency']);
    expect(findings[0]?.message.en).toContain('正見 TrueView as its agency, but that source is an outlet');
  });

  it('flags a credit naming a different agency from the relation', () => {
    const story = buildSeedStory();
    const xinhua = source({ documentId: 'src-xinhua', name: '新華社', kind: 'wire', aliases: ['新华社', 'Xinhua'] });
    const input = { ...withCover({ credit: 'Xinhua' }, story), sources: [...story.sources, xinhua] };
    expect(imageAgencyKnown(input)).toEqual([expect.objectContaining({ path: 'cover.credit' })]);
    expect(
      imageAgencyKnown({ ...input, article: { ...input.article, images: [{ ...input.article.images[0]!, agency: xinhua }] } }),
    ).toEqual([]);
  });

  it('leaves an empty credit to image.credit-required', () => {
    expect(imageAgencyKnown(withCover({ credit: '', agency: null, license: 'agency' }))).toEqual([]);
  });
});
