import type { SourceRecord } from '../contracts/findings';
import { author, source } from '../../server/src/rules/__fixtures__/seed-story';
import { authorMatches, findSourceMentions, resolveCredit, resolveSourceName, sourceMatches } from './aliases';
import { normaliseText } from './normalise';

const vcg = source({
  documentId: 'vcg',
  name: '視覺中國',
  shortName: 'VCG',
  kind: 'agency',
  aliases: ['视觉中国', 'VCG', 'Visual China Group'],
});
const tmt = source({
  documentId: 'tmt',
  name: '钛媒體 TMTPost',
  kind: 'republisher',
  aliases: ['钛媒體', '钛媒体', '鈦媒體', 'TMTPost'],
});
const sources: SourceRecord[] = [vcg, tmt];

describe('resolveCredit', () => {
  it.each([
    '視覺中國',
    '视觉中国',
    'VCG',
    '@VCG',
    'vcg',
    'Visual China Group',
    'visual  china group',
    '圖片來源 @視覺中國',
    '視覺中國/VCG',
    '視覺中國 張三',
  ])('%s resolves to 視覺中國', (credit) => {
    expect(resolveCredit(credit, sources).sources).toEqual([vcg]);
  });

  it('reports the parts that name no known source', () => {
    expect(resolveCredit('新華社/張三', sources)).toEqual({ sources: [], unresolved: ['新華社', '張三'] });
  });

  it('folds scripts, so a record listing one script still matches the other', () => {
    const traditionalOnly = source({ documentId: 'x', name: '視覺中國', kind: 'agency' });
    expect(resolveSourceName('视觉中国', [traditionalOnly])).toBe(traditionalOnly);
  });

  it('prefers the asked-for kind when two sources share a name', () => {
    const outletOfSameName = source({ documentId: 'o', name: 'VCG', kind: 'outlet' });
    expect(resolveSourceName('VCG', [outletOfSameName, vcg], ['agency'])).toBe(vcg);
  });
});

describe('sourceMatches / authorMatches', () => {
  it('match by name, shortName, aliases and displayName after normalisation', () => {
    expect(sourceMatches('ＶＣＧ', vcg)).toBe(true);
    expect(sourceMatches('Getty', vcg)).toBe(false);
    const tv = author({ documentId: 'tv', name: 'TV.', displayName: null });
    expect(authorMatches('TV.', tv)).toBe(true);
    expect(authorMatches('TV', tv)).toBe(true);
    expect(authorMatches('koorvo', author({ documentId: 'k', name: 'koorvoa' }))).toBe(false);
  });
});

describe('findSourceMentions', () => {
  it('finds a republisher named in the body, in either script', () => {
    const body = normaliseText('更多精彩内容,關注钛媒體微信号');
    expect(findSourceMentions(body, sources, ['republisher']).map((m) => m.source)).toEqual([tmt]);
    expect(findSourceMentions(normaliseText('來自 TMTPost 的報道'), sources, ['republisher'])).toHaveLength(1);
  });

  it('needs whole words for Latin names and ignores other kinds', () => {
    expect(findSourceMentions(normaliseText('TMTPosts are here'), sources, ['republisher'])).toEqual([]);
    expect(findSourceMentions(normaliseText('視覺中國'), sources, ['republisher'])).toEqual([]);
  });
});
