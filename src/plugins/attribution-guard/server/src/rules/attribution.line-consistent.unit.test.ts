import { attributionLineConsistent } from './attribution.line-consistent';
import { buildSeedStory, paragraph, seedWith, type SeedStory } from './__fixtures__/seed-story';

/** The seed story with its typed attribution line (body.0) replaced. */
function withLine(line: string, story: SeedStory = buildSeedStory()): SeedStory {
  const body = [...story.article.body];
  body[0] = paragraph(line);
  return seedWith({ body }, story);
}

describe('attribution.line-consistent', () => {
  it('passes the seed story (文|正見 TrueView,作者|koorvoa,編輯|TV.)', () => {
    const story = buildSeedStory();
    expect(story.article.body[0]?.children?.[0]?.text).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
    expect(attributionLineConsistent(story)).toEqual([]);
  });

  it('flags an author typed as koorvo at `body.0`, naming both', () => {
    const findings = attributionLineConsistent(withLine('文|正見 TrueView,作者|koorvo,編輯|TV.'));
    expect(findings).toEqual([expect.objectContaining({ rule: 'attribution.line-consistent', severity: 'error', path: 'body.0' })]);
    expect(findings[0]?.message.en).toBe(
      'The attribution line in body block 1 names the author “koorvo”, but the author field says koorvoa.',
    );
    expect(findings[0]?.message['zh-Hant']).toContain('「koorvo」');
  });

  it('reports each mismatching part', () => {
    const findings = attributionLineConsistent(withLine('文|钛媒體,作者|koorvo,編輯|小王'));
    expect(findings.map((f) => f.message.en.match(/names the (\w+)/u)?.[1])).toEqual(['outlet', 'author', 'editor']);
  });

  it('accepts full-width separators, Simplified labels, aliases and the other script', () => {
    expect(attributionLineConsistent(withLine('文｜正见 TrueView，作者｜koorvoa、编辑｜TV'))).toEqual([]);
    expect(attributionLineConsistent(withLine('Text|TrueView, By|koorvoa, Editor|TV.'))).toEqual([]);
  });

  it('finds a line anywhere in the body and points at its block', () => {
    const story = buildSeedStory();
    const body = [...story.article.body.slice(1), paragraph('作者|koorvo')];
    const findings = attributionLineConsistent(seedWith({ body }, story));
    expect(findings.map((f) => f.path)).toEqual([`body.${body.length - 1}`]);
  });

  it('says so when the field the line names is empty', () => {
    const findings = attributionLineConsistent(seedWith({ editor: null }));
    expect(findings[0]?.message.en).toContain('the editor field is empty');
  });

  it('has nothing to say without a typed line', () => {
    const story = buildSeedStory();
    expect(attributionLineConsistent(seedWith({ body: story.article.body.slice(1), author: null }, story))).toEqual([]);
  });
});
