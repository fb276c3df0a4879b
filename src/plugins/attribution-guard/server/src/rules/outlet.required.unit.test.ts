import { outletRequired } from './outlet.required';
import { buildSeedStory, seedWith } from './__fixtures__/seed-story';

describe('outlet.required', () => {
  it('passes the seed story', () => {
    expect(outletRequired(buildSeedStory())).toEqual([]);
  });

  it('flags a missing outlet at `source`', () => {
    expect(outletRequired(seedWith({ source: null }))).toEqual([expect.objectContaining({ rule: 'outlet.required', path: 'source' })]);
  });

  it('flags a republisher picked as the outlet, naming it', () => {
    const story = buildSeedStory();
    const findings = outletRequired(seedWith({ source: story.records.tmtPost }, story));
    expect(findings.map((f) => f.path)).toEqual(['source']);
    expect(findings[0]?.message.en).toContain('钛媒體 TMTPost is a republisher, not an outlet');
  });
});
