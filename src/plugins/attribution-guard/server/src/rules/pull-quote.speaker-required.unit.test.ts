import { pullQuoteSpeakerRequired } from './pull-quote.speaker-required';
import { buildSeedStory, seedWith } from './__fixtures__/seed-story';

describe('pull-quote.speaker-required', () => {
  it('passes the seed story (six named speakers)', () => {
    expect(pullQuoteSpeakerRequired(buildSeedStory())).toEqual([]);
  });

  it.each([null, '', '  '])('flags a speaker %p at `pullQuotes.N.speaker`', (speaker) => {
    const story = buildSeedStory();
    const pullQuotes = story.article.pullQuotes.map((q, i) => (i === 2 ? { ...q, speaker } : q));
    const findings = pullQuoteSpeakerRequired(seedWith({ pullQuotes }, story));
    expect(findings).toEqual([expect.objectContaining({ rule: 'pull-quote.speaker-required', path: 'pullQuotes.2.speaker' })]);
    expect(findings[0]?.message.en).toBe(
      'Pull-quote 3 (“垂類行業只要緊跟潮流,精準解決用戶需求,不會脫離…”) names no speaker. Say who said it.',
    );
  });
});
