import { imageCreditPlaceholder } from './image.credit-placeholder';
import { buildSeedStory, imageUsage, seedWith } from './__fixtures__/seed-story';

function withCoverCredit(credit: string | null) {
  const story = buildSeedStory();
  return seedWith({ images: [{ ...story.article.images[0]!, credit, agency: null, license: 'owned' }] }, story);
}

describe('image.credit-placeholder', () => {
  it('passes the seed story', () => {
    expect(imageCreditPlaceholder(buildSeedStory())).toEqual([]);
  });

  it.each([
    '網路',
    '网络',
    '图片来源网络',
    '圖片來源 網路',
    '圖片來源:網絡',
    '來源網絡',
    '網路圖片',
    'Photo: unknown',
    'Ｇｏｏｇｌｅ',
    'INTERNET',
    '未知',
    'N/A',
    '视觉中国/网络',
  ])('flags %p at `cover.credit`', (credit) => {
    const findings = imageCreditPlaceholder(withCoverCredit(credit));
    expect(findings).toEqual([expect.objectContaining({ rule: 'image.credit-placeholder', path: 'cover.credit' })]);
    expect(findings[0]?.message.en).toContain(`“${credit}”`);
  });

  it.each(['視覺中國', 'VCG', '張三', '網路科技公司'])('accepts %p', (credit) => {
    expect(imageCreditPlaceholder(withCoverCredit(credit))).toEqual([]);
  });

  it('leaves empty credits to image.credit-required', () => {
    expect(imageCreditPlaceholder(withCoverCredit(''))).toEqual([]);
    expect(imageCreditPlaceholder(withCoverCredit(null))).toEqual([]);
  });

  it('reads the list from config', () => {
    const story = withCoverCredit('stock photo');
    expect(imageCreditPlaceholder(story)).toEqual([]);
    story.config.placeholderCredits = ['stock photo'];
    expect(imageCreditPlaceholder(story)).toHaveLength(1);
  });

  it('names gallery images by their path', () => {
    const story = buildSeedStory();
    const gallery = imageUsage({ path: 'gallery.1', name: 'x.jpg', credit: '百度' });
    expect(imageCreditPlaceholder(seedWith({ images: [gallery] }, story)).map((f) => f.path)).toEqual(['gallery.1.credit']);
  });
});
