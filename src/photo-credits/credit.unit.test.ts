import sharp from 'sharp';
import type { SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { creditFromMetadata } from './credit';
import { withMetadata } from './jpeg-fixture';
import { readPhotoMetadata, repairIptcString } from './read';

const plainJpeg = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).jpeg().toBuffer();

const vcg = {
  documentId: 'vcg', name: '視覺中國', shortName: 'VCG', kind: 'agency', aliases: ['视觉中国', 'VCG', 'Visual China Group'], website: null,
  attributionTemplate: null, agreementId: null, licenseValidFrom: null, licenseValidUntil: null, allowedLocales: [], published: true,
} as SourceRecord;
const tv = { ...vcg, documentId: 'tv', name: '正見 TrueView', shortName: '正見', kind: 'outlet', aliases: ['正見', 'TrueView'] } as SourceRecord;

describe('readPhotoMetadata', () => {
  it('reads XMP credit, creator, rights, source and usage terms, Chinese included', async () => {
    const file = withMetadata(await plainJpeg(), { xmp: { credit: '视觉中国', byline: '張三', copyright: '© 2026 視覺中國', source: 'VCG', usageTerms: '僅限編輯用途' } });
    expect(await readPhotoMetadata(file)).toEqual({ credit: '视觉中国', byline: '張三', copyright: '© 2026 視覺中國', source: 'VCG', usageTerms: '僅限編輯用途' });
  });

  it('reads IPTC-IIM fields written as UTF-8', async () => {
    const file = withMetadata(await plainJpeg(), { iptc: { credit: '視覺中國', byline: '李四', copyright: '© 視覺中國', source: 'Visual China Group' } });
    expect(await readPhotoMetadata(file)).toEqual({ credit: '視覺中國', byline: '李四', copyright: '© 視覺中國', source: 'Visual China Group', usageTerms: null });
  });

  it('prefers XMP over IPTC when both are present', async () => {
    const file = withMetadata(await plainJpeg(), { iptc: { credit: 'IPTC credit' }, xmp: { credit: 'XMP credit' } });
    expect((await readPhotoMetadata(file)).credit).toBe('XMP credit');
  });

  it('gives nothing for a file without metadata or a file that is not an image', async () => {
    const none = { credit: null, byline: null, copyright: null, source: null, usageTerms: null };
    expect(await readPhotoMetadata(await plainJpeg())).toEqual(none);
    expect(await readPhotoMetadata(Buffer.from('not an image'))).toEqual(none);
  });

  it('leaves Latin-1 IPTC text that is not UTF-8 as it is', () => {
    expect(repairIptcString('Café')).toBe('Café');
    expect(repairIptcString(Buffer.from('視覺中國', 'utf8').toString('latin1'))).toBe('視覺中國');
  });
});

describe('creditFromMetadata', () => {
  const empty = { credit: null, byline: null, copyright: null, source: null, usageTerms: null };

  it('normalises an agency named in any of its aliases to the agency record', () => {
    for (const credit of ['视觉中国', '視覺中國', 'VCG', 'Visual China Group']) {
      expect(creditFromMetadata({ ...empty, credit, byline: '張三' }, [tv, vcg])).toEqual({ credit: '視覺中國', agency: 'vcg', photographer: '張三', license: 'agency' });
    }
  });

  it('falls back to source, copyright holder and creator, and reads the licence from the usage terms', () => {
    expect(creditFromMetadata({ ...empty, copyright: '© 2026 VCG', usageTerms: 'Editorial use only' }, [vcg])).toEqual({ credit: '視覺中國', agency: 'vcg', photographer: null, license: 'editorial-only' });
    expect(creditFromMetadata({ ...empty, byline: '王五', usageTerms: 'CC BY-SA 4.0' }, [vcg])).toEqual({ credit: '王五', agency: null, photographer: '王五', license: 'cc-by-sa' });
  });

  it('gives nothing for a file without credit fields or with a placeholder only', () => {
    expect(creditFromMetadata(empty, [vcg])).toBeNull();
    expect(creditFromMetadata({ ...empty, credit: '網路' }, [vcg], ['網路', 'unknown'])).toBeNull();
  });
});
