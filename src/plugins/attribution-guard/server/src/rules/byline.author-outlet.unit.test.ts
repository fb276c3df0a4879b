import { bylineAuthorOutlet } from './byline.author-outlet';
import { buildSeedStory, seedWith, source } from './__fixtures__/seed-story';

describe('byline.author-outlet', () => {
  it('passes the seed story (koorvoa writes for 正見 TrueView)', () => {
    expect(bylineAuthorOutlet(buildSeedStory())).toEqual([]);
  });

  it('flags koorvoa attached to another outlet at `author`, naming both outlets', () => {
    const story = buildSeedStory();
    const other = source({ documentId: 'src-other', name: '虎嗅 Huxiu', kind: 'outlet' });
    const input = {
      ...seedWith({ author: { ...story.records.koorvoa, outletDocumentId: other.documentId } }, story),
      sources: [...story.sources, other],
    };
    const findings = bylineAuthorOutlet(input);
    expect(findings).toEqual([expect.objectContaining({ rule: 'byline.author-outlet', path: 'author', severity: 'error' })]);
    expect(findings[0]?.message.en).toBe("The author koorvoa belongs to 虎嗅 Huxiu, not to this article's outlet 正見 TrueView.");
  });

  it('flags an author with no outlet', () => {
    const story = buildSeedStory();
    const findings = bylineAuthorOutlet(seedWith({ author: { ...story.records.koorvoa, outletDocumentId: null } }, story));
    expect(findings.map((f) => f.path)).toEqual(['author']);
    expect(findings[0]?.message.en).toContain('belongs to no outlet');
  });

  it('uses the configured severity', () => {
    const story = buildSeedStory();
    story.config.rules['byline.author-outlet'].severity = 'warning';
    const findings = bylineAuthorOutlet(seedWith({ author: { ...story.records.koorvoa, outletDocumentId: null } }, story));
    expect(findings[0]?.severity).toBe('warning');
  });
});
