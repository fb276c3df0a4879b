import { imageCreditRequired } from './image.credit-required';
import { buildSeedStory, imageBlock, imageUsage, seedWith } from './__fixtures__/seed-story';

describe('image.credit-required', () => {
  it('passes the seed story (cover credited 視覺中國)', () => {
    expect(imageCreditRequired(buildSeedStory())).toEqual([]);
  });

  it.each([null, '', '   ', '圖片來源', '@', 'Photo:'])('flags a cover credited %p at `cover.credit`', (credit) => {
    const story = buildSeedStory();
    const cover = { ...story.article.images[0]!, credit };
    expect(imageCreditRequired(seedWith({ images: [cover] }, story))).toEqual([
      expect.objectContaining({ rule: 'image.credit-required', path: 'cover.credit' }),
    ]);
  });

  it('flags a gallery image at `gallery.N.credit`, naming the file', () => {
    const story = buildSeedStory();
    const gallery = [0, 1, 2].map((i) =>
      imageUsage({ path: `gallery.${i}`, name: `g${i}.jpg`, credit: i === 2 ? null : '視覺中國', creditOrigin: i === 2 ? 'none' : 'file' }),
    );
    const findings = imageCreditRequired(seedWith({ images: [...story.article.images, ...gallery] }, story));
    expect(findings.map((f) => f.path)).toEqual(['gallery.2.credit']);
    expect(findings[0]?.message.en).toBe('Gallery image 3 “g2.jpg” has no credit. Name the photographer or agency.');
  });

  it('flags an uncredited image inside the body at its block `body.N`', () => {
    const story = buildSeedStory();
    const body = [...story.article.body];
    body.splice(5, 0, imageBlock('chart.png'));
    const usage = imageUsage({ path: 'body.5', name: 'chart.png', credit: null, creditOrigin: 'none' });
    const findings = imageCreditRequired(seedWith({ body, images: [...story.article.images, usage] }, story));
    expect(findings.map((f) => f.path)).toEqual(['body.5']);
    expect(findings[0]?.message['zh-Hant']).toBe('正文第 6 段的圖片「chart.png」沒有圖片來源。請填寫攝影者或圖片社。');
  });

  it('flags a body image node the snapshot has no usage for', () => {
    const story = buildSeedStory();
    const body = [...story.article.body, imageBlock('orphan.jpg')];
    expect(imageCreditRequired(seedWith({ body }, story)).map((f) => f.path)).toEqual([`body.${body.length - 1}`]);
  });

  it('accepts a credit inherited from the media file', () => {
    const story = buildSeedStory();
    const cover = { ...story.article.images[0]!, credit: '視覺中國', creditOrigin: 'file' as const };
    expect(imageCreditRequired(seedWith({ images: [cover] }, story))).toEqual([]);
  });
});
