import fs from 'node:fs';
import path from 'node:path';
import type { AuthorRecord, SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { matchRecords, recordLookup } from './match';
import { parseStory } from './parse';

const raw = fs.readFileSync(path.resolve(__dirname, '../../database/seed/seed-article.zh-Hant.txt'), 'utf8');

const sourceRecord = (
  documentId: string,
  name: string,
  kind: SourceRecord['kind'],
  aliases: string[],
  shortName: string | null = null,
): SourceRecord =>
  ({
    documentId,
    name,
    shortName,
    kind,
    aliases,
    website: null,
    attributionTemplate: null,
    agreementId: null,
    licenseValidFrom: null,
    licenseValidUntil: null,
    allowedLocales: [],
    published: true,
  }) as SourceRecord;
const authorRecord = (documentId: string, name: string, aliases: string[] = []): AuthorRecord => ({
  documentId,
  name,
  displayName: name,
  role: 'writer',
  aliases,
  outletDocumentId: 'tv',
  published: true,
});

const sources = [
  sourceRecord('tv', '正見 TrueView', 'outlet', ['正見', '正见', 'TrueView'], '正見'),
  sourceRecord('tmt', '钛媒體 TMTPost', 'republisher', ['钛媒體', '钛媒体', '鈦媒體', 'TMTPost'], '钛媒體'),
  sourceRecord('vcg', '視覺中國', 'agency', ['视觉中国', 'VCG', 'Visual China Group'], 'VCG'),
];
const authors = [authorRecord('koorvoa', 'koorvoa'), authorRecord('tv-editor', 'TV.', ['TV']), authorRecord('wang', '王小明')];
const parse = (text: string, title?: string) => parseStory(text, { title, lookup: recordLookup(sources, authors) });

describe('matchRecords', () => {
  it('finds the outlet, author, editor, republisher and agency of the demo story', () => {
    const matches = matchRecords(parse(raw), sources, authors);
    expect(matches.outlet?.record?.documentId).toBe('tv');
    expect(matches.authors.map((a) => a.record?.documentId)).toEqual(['koorvoa']);
    expect(matches.editor?.record?.documentId).toBe('tv-editor');
    expect(matches.republisher?.record?.documentId).toBe('tmt');
    expect(matches.agency?.record?.documentId).toBe('vcg');
    expect([matches.outlet, ...matches.authors, matches.editor, matches.republisher].every((m) => m?.proposal === null)).toBe(true);
  });

  it('matches through aliases in the other script and proposes unknown names as new records', () => {
    const matches = matchRecords(parse('圖片來源 @VCG\n文|正见,作者|新作者,編輯|TV\n正文。', '標題'), sources, authors);
    expect(matches.outlet?.record?.documentId).toBe('tv');
    expect(matches.editor?.record?.documentId).toBe('tv-editor');
    expect(matches.agency?.record?.documentId).toBe('vcg');
    expect(matches.authors).toEqual([{ name: '新作者', record: null, proposal: { name: '新作者', role: 'writer' } }]);
    expect(matches.republisher).toBeNull();
  });

  it('keeps several writers in order, known and new', () => {
    const matches = matchRecords(parse('作者|王小明、李大華\n正文。', '標題'), sources, authors);
    expect(matches.authors.map((a) => [a.name, a.record?.documentId ?? null])).toEqual([
      ['王小明', 'wang'],
      ['李大華', null],
    ]);
  });

  it('reads 文|<a registered author> as the writer, 文|<a registered outlet> as the outlet', () => {
    expect(matchRecords(parse('文 | 王小明\n正文。', '標題'), sources, authors).authors[0]?.record?.documentId).toBe('wang');
    expect(matchRecords(parse('文|正見\n正文。', '標題'), sources, authors).outlet?.record?.documentId).toBe('tv');
  });

  it('proposes an unknown outlet and leaves an unknown agency unresolved', () => {
    const matches = matchRecords(parse('圖片來源 @某圖庫\n文|新媒體,作者|koorvoa\n正文。', '標題'), sources, authors);
    expect(matches.outlet).toEqual({ name: '新媒體', record: null, proposal: { name: '新媒體', kind: 'outlet' } });
    expect(matches.agency).toEqual({ name: '某圖庫', record: null, proposal: null });
  });
});
