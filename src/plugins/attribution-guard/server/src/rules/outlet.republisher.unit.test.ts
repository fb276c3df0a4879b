import { outletRepublisher } from './outlet.republisher';
import { buildSeedStory, paragraph, seedWith } from './__fixtures__/seed-story';

describe('outlet.republisher', () => {
  it('passes the seed story (republished through 钛媒體 TMTPost)', () => {
    expect(outletRepublisher(buildSeedStory())).toEqual([]);
  });

  it('flags a piece with an original URL but no republisher at `republisher`', () => {
    const findings = outletRepublisher(seedWith({ republisher: null }));
    expect(findings).toEqual([expect.objectContaining({ rule: 'outlet.republisher', path: 'republisher' })]);
    expect(findings[0]?.message.en).toContain('original URL');
  });

  it('reads a republisher named in the text as a sign of republication', () => {
    const story = buildSeedStory();
    // The closing line of the received text names 钛媒體; keep it in the body this time.
    const closing = story.lines[story.lines.length - 1] ?? '';
    const findings = outletRepublisher(
      seedWith({ republisher: null, originalUrl: null, body: [...story.article.body, paragraph(closing)] }, story),
    );
    expect(findings.map((f) => f.path)).toEqual(['republisher']);
    expect(findings[0]?.message.en).toContain('钛媒體');
  });

  it('does not ask for a republisher for an original piece', () => {
    expect(outletRepublisher(seedWith({ republisher: null, originalUrl: null }))).toEqual([]);
  });

  it('flags a republisher that is not of kind republisher', () => {
    const story = buildSeedStory();
    const findings = outletRepublisher(seedWith({ republisher: story.records.vcg }, story));
    expect(findings.map((f) => f.path)).toEqual(['republisher']);
    expect(findings[0]?.message.en).toContain('視覺中國 is an agency');
  });

  it('checks the required republishers through aliases', () => {
    const story = buildSeedStory();
    story.config.requiredRepublishers = ['鈦媒體'];
    expect(outletRepublisher(story)).toEqual([]);
    story.config.requiredRepublishers = ['虎嗅'];
    expect(outletRepublisher(story)).toEqual([expect.objectContaining({ path: 'republisher' })]);
  });
});
