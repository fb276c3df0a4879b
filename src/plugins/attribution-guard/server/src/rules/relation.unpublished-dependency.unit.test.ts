import { relationUnpublishedDependency } from './relation.unpublished-dependency';
import { buildSeedStory, imageUsage, seedWith } from './__fixtures__/seed-story';

describe('relation.unpublished-dependency', () => {
  it('passes the seed story (every relation published)', () => {
    expect(relationUnpublishedDependency(buildSeedStory())).toEqual([]);
  });

  it('flags an unpublished author at `author`, naming them', () => {
    const story = buildSeedStory();
    const findings = relationUnpublishedDependency(seedWith({ author: { ...story.records.koorvoa, published: false } }, story));
    expect(findings).toEqual([expect.objectContaining({ rule: 'relation.unpublished-dependency', path: 'author' })]);
    expect(findings[0]?.message.en).toBe(
      'The author koorvoa is not published yet. Open it and publish it first, or the story goes out without it.',
    );
  });

  it('flags an unpublished pull-quote at `pullQuotes.N`', () => {
    const story = buildSeedStory();
    const pullQuotes = story.article.pullQuotes.map((q, i) => (i === 3 ? { ...q, published: false } : q));
    const findings = relationUnpublishedDependency(seedWith({ pullQuotes }, story));
    expect(findings.map((f) => f.path)).toEqual(['pullQuotes.3']);
    expect(findings[0]?.message.en).toContain('譚待');
  });

  it('does not flag a draft pull-quote when the publish takes it along, but still flags a draft author', () => {
    const story = buildSeedStory();
    const pullQuotes = story.article.pullQuotes.map((q) => ({ ...q, published: false }));
    const input = seedWith({ pullQuotes, author: { ...story.records.koorvoa, published: false } }, story);
    expect(relationUnpublishedDependency({ ...input, quotesPublishWithStory: true }).map((f) => f.path)).toEqual(['author']);
    expect(relationUnpublishedDependency({ ...input, quotesPublishWithStory: false })).toHaveLength(1 + pullQuotes.length);
  });

  it('flags one finding per draft dependency: editor, outlet, republisher, image agency', () => {
    const story = buildSeedStory();
    const { tv, trueView, tmtPost, vcg } = story.records;
    const draftVcg = { ...vcg, published: false };
    const findings = relationUnpublishedDependency(
      seedWith(
        {
          editor: { ...tv, published: false },
          source: { ...trueView, published: false },
          republisher: { ...tmtPost, published: false },
          images: [
            { ...story.article.images[0]!, agency: draftVcg },
            imageUsage({ path: 'gallery.0', credit: 'VCG', agency: draftVcg }),
            imageUsage({ path: 'body.4', credit: 'VCG', agency: draftVcg }),
          ],
        },
        story,
      ),
    );
    expect(findings.map((f) => f.path)).toEqual(['editor', 'source', 'republisher', 'cover.agency', 'gallery.0.agency', 'body.4']);
  });
});
