import { resolveCredit } from '../../../shared/text/aliases';
import { buildSeedStory, readDemoStory } from './__fixtures__/seed-story';

/** Guards the fixture itself: the demo data must say what the received text says. */
describe('seed story fixture', () => {
  it('keeps the body free of the aggregator boilerplate and the credit line', () => {
    const story = buildSeedStory();
    expect(story.lines).toHaveLength(33);
    expect(story.article.body).toHaveLength(30);
    const texts = story.article.body.map((b) => b.children?.[0]?.text ?? '');
    expect(texts.some((t) => t.includes('歡迎閱讀') || t.includes('更多精彩') || t.startsWith('圖片來源'))).toBe(false);
  });

  it('credits the cover with the agency named in the credit line', () => {
    const story = buildSeedStory();
    expect(story.lines[1]).toBe('圖片來源 @視覺中國');
    const cover = story.article.images[0];
    expect(cover?.credit).toBe('視覺中國');
    expect(resolveCredit(story.lines[1] ?? '', story.sources).sources).toEqual([story.records.vcg]);
  });

  it('takes all six pull-quotes word for word from the received text, with their speakers', () => {
    const raw = buildSeedStory().lines.join('\n');
    const { pullQuotes } = readDemoStory();
    expect(pullQuotes.map((q) => q.speaker)).toEqual(['賀翔', '戴志康', '史松坡', '譚待', '簡仁賢', '周明']);
    for (const quote of pullQuotes) {
      expect(raw).toContain(quote.text);
      expect(raw).toContain(quote.speaker);
    }
  });
});
