import path from 'node:path';
import sharp from 'sharp';
import type { SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { creditFromMetadata } from './credit';
import { EXPECTED_FROM_FIXTURES, PHOTO_FIXTURES } from '../../tests/fixtures/photos/expected';
import { iimDigestState } from './iim-digest';
import { iptcSegment, withMetadata } from './jpeg-fixture';
import { decodeXmlEntities, NO_METADATA, readPhotoMetadata, reconcileIimXmp, repairIptcString, type PhotoMetadata } from './read';

const plainJpeg = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
    .jpeg()
    .toBuffer();

const vcg = {
  documentId: 'vcg',
  name: '視覺中國',
  shortName: 'VCG',
  kind: 'agency',
  aliases: ['视觉中国', 'VCG', 'Visual China Group'],
  website: null,
  attributionTemplate: null,
  agreementId: null,
  licenseValidFrom: null,
  licenseValidUntil: null,
  allowedLocales: [],
  published: true,
} as SourceRecord;
const tv = {
  ...vcg,
  documentId: 'tv',
  name: '正見 TrueView',
  shortName: '正見',
  kind: 'outlet',
  aliases: ['正見', 'TrueView'],
} as SourceRecord;

describe('readPhotoMetadata', () => {
  it('reads XMP credit, creator, rights, source, usage terms and web statement, Chinese included', async () => {
    const file = withMetadata(await plainJpeg(), {
      xmp: {
        credit: '视觉中国',
        byline: '張三',
        copyright: '© 2026 視覺中國',
        source: 'VCG',
        usageTerms: '僅限編輯用途',
        webStatement: 'https://www.vcg.com/terms',
      },
    });
    expect(await readPhotoMetadata(file)).toEqual({
      ...NO_METADATA,
      credit: '视觉中国',
      byline: '張三',
      copyright: '© 2026 視覺中國',
      source: 'VCG',
      usageTerms: '僅限編輯用途',
      webStatement: 'https://www.vcg.com/terms',
    });
  });

  it('reads IPTC-IIM fields written as UTF-8', async () => {
    const file = withMetadata(await plainJpeg(), {
      iptc: { credit: '視覺中國', byline: '李四', copyright: '© 視覺中國', source: 'Visual China Group' },
    });
    expect(await readPhotoMetadata(file)).toEqual({
      ...NO_METADATA,
      credit: '視覺中國',
      byline: '李四',
      copyright: '© 視覺中國',
      source: 'Visual China Group',
    });
  });

  it('prefers XMP over IIM when the IIM digest matches or is absent, and IIM when an IIM-only tool changed it since', async () => {
    const both = { iptc: { credit: 'IPTC credit' }, xmp: { credit: 'XMP credit' } };
    expect((await readPhotoMetadata(withMetadata(await plainJpeg(), both))).credit).toBe('XMP credit');
    expect((await readPhotoMetadata(withMetadata(await plainJpeg(), { ...both, iimDigest: 'match' }))).credit).toBe('XMP credit');
    expect((await readPhotoMetadata(withMetadata(await plainJpeg(), { ...both, iimDigest: 'stale' }))).credit).toBe('IPTC credit');
  });

  it('takes the whole XMP value over an IIM copy cut at the field length, even with a stale digest', async () => {
    const whole = '©1985 David Riecks: www.riecks.com';
    const cut = Buffer.from(whole, 'utf8').subarray(0, 32).toString('utf8');
    const file = withMetadata(await plainJpeg(), { iptc: { credit: cut }, xmp: { credit: whole }, iimDigest: 'stale' });
    expect((await readPhotoMetadata(file)).credit).toBe(whole);
  });

  it('decodes XML entities in XMP values once, as an XML parser does', async () => {
    const file = withMetadata(await plainJpeg(), {
      xmp: { credit: 'Minneapolis College of Art &amp; Design', byline: 'Creator&#39;s name', usageTerms: 'Line one&#xA;line two' },
      xmpOptions: { raw: true },
    });
    expect(await readPhotoMetadata(file)).toMatchObject({
      credit: 'Minneapolis College of Art & Design',
      byline: "Creator's name",
      usageTerms: 'Line one\nline two',
    });
    expect(decodeXmlEntities('A &amp;amp; B &lt;i&gt; &#x4E2D;&#22283;')).toBe('A &amp; B <i> 中國');
  });

  it('reads usage terms and web statement under the older xapRights prefix', async () => {
    const file = withMetadata(await plainJpeg(), {
      xmp: { usageTerms: 'One-time use', webStatement: 'http://example.com/rights' },
      xmpOptions: { rightsPrefix: 'xapRights' },
    });
    expect(await readPhotoMetadata(file)).toMatchObject({ usageTerms: 'One-time use', webStatement: 'http://example.com/rights' });
  });

  it('falls back to EXIF Artist and Copyright when the XMP is UTF-16 and there is no IIM', async () => {
    const file = withMetadata(await plainJpeg(), {
      xmp: { credit: 'Unread credit', byline: 'Unread creator' },
      xmpOptions: { encoding: 'utf16be' },
      exif: { artist: 'Phil Harvey', copyright: 'Copyright 2004 Phil Harvey' },
    });
    expect(await readPhotoMetadata(file)).toEqual({ ...NO_METADATA, byline: 'Phil Harvey', copyright: 'Copyright 2004 Phil Harvey' });
  });

  it('uses EXIF only where XMP and IIM say nothing', async () => {
    const file = withMetadata(await plainJpeg(), {
      xmp: { byline: 'XMP creator' },
      exif: { artist: 'EXIF artist', copyright: 'EXIF copyright' },
    });
    expect(await readPhotoMetadata(file)).toMatchObject({ byline: 'XMP creator', copyright: 'EXIF copyright' });
  });

  it('gives nothing for a file without metadata or a file that is not an image', async () => {
    expect(await readPhotoMetadata(await plainJpeg())).toEqual(NO_METADATA);
    expect(await readPhotoMetadata(Buffer.from('not an image'))).toEqual(NO_METADATA);
    expect(await readPhotoMetadata('/nonexistent/file.jpg')).toEqual(NO_METADATA);
  });

  it('leaves Latin-1 IPTC text that is not UTF-8 as it is', () => {
    expect(repairIptcString('Café')).toBe('Café');
    expect(repairIptcString(Buffer.from('視覺中國', 'utf8').toString('latin1'))).toBe('視覺中國');
  });
});

describe('iimDigestState and reconcileIimXmp', () => {
  it('compares the stored digest with the IIM block', async () => {
    const jpeg = await plainJpeg();
    const insert = (segment: Buffer) => Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
    expect(iimDigestState(insert(iptcSegment({ credit: 'x' })))).toBe('absent');
    expect(iimDigestState(insert(iptcSegment({ credit: 'x' }, 'match')))).toBe('match');
    expect(iimDigestState(insert(iptcSegment({ credit: 'x' }, 'stale')))).toBe('mismatch');
    expect(iimDigestState(Buffer.from('not a jpeg'))).toBe('absent');
  });

  it('follows the MWG rule', () => {
    expect(reconcileIimXmp('X', 'I', 'absent', 32)).toBe('X');
    expect(reconcileIimXmp('X', 'I', 'match', 32)).toBe('X');
    expect(reconcileIimXmp('X', 'I', 'mismatch', 32)).toBe('I');
    expect(reconcileIimXmp(null, 'I', 'match', 32)).toBe('I');
    expect(reconcileIimXmp('X', null, 'mismatch', 32)).toBe('X');
    // A short IIM value that happens to start the XMP one is an edit, not a cut copy.
    expect(reconcileIimXmp('Big Newspaper Group', 'Big', 'mismatch', 32)).toBe('Big');
  });
});

describe('creditFromMetadata', () => {
  const empty: PhotoMetadata = NO_METADATA;
  const rights = { copyright: null, usageTerms: null, webStatement: null, licensor: null, licensorUrl: null };

  it('normalises an agency named in any of its aliases to the agency record', () => {
    for (const credit of ['视觉中国', '視覺中國', 'VCG', 'Visual China Group']) {
      expect(creditFromMetadata({ ...empty, credit, byline: '張三' }, [tv, vcg])).toEqual({
        ...rights,
        credit: '視覺中國',
        agency: 'vcg',
        photographer: '張三',
        license: 'agency',
      });
    }
  });

  it('credits the Credit Line, else the creator, and never the Copyright Notice', () => {
    expect(
      creditFromMetadata({ ...empty, credit: 'Big Newspaper', byline: 'John Doe', copyright: '©2010 Big Newspaper' }, []),
    ).toMatchObject({ credit: 'Big Newspaper', photographer: 'John Doe', copyright: '©2010 Big Newspaper' });
    expect(creditFromMetadata({ ...empty, byline: 'MARCO VILLANTI', copyright: 'MARCOVILLANTI' }, [])).toMatchObject({
      credit: 'MARCO VILLANTI',
      photographer: 'MARCO VILLANTI',
      copyright: 'MARCOVILLANTI',
    });
    expect(creditFromMetadata({ ...empty, copyright: '© 2026 Someone Else' }, [])).toEqual({
      ...rights,
      credit: null,
      agency: null,
      photographer: null,
      license: null,
      copyright: '© 2026 Someone Else',
    });
  });

  it('credits a known agency the file names in its source, licensor or copyright when there is no credit line or creator', () => {
    expect(creditFromMetadata({ ...empty, copyright: '© 2026 VCG', usageTerms: 'Editorial use only' }, [vcg])).toMatchObject({
      credit: '視覺中國',
      agency: 'vcg',
      photographer: null,
      license: 'editorial-only',
    });
    expect(creditFromMetadata({ ...empty, licensor: 'Visual China Group' }, [vcg])).toMatchObject({
      credit: '視覺中國',
      agency: 'vcg',
      license: 'agency',
    });
  });

  it('never credits a licence statement, and reads the licence from it', () => {
    expect(
      creditFromMetadata({ ...empty, byline: 'Lukas Nagel', copyright: 'Creative Commons Attribution-ShareAlike (CC BY-SA)' }, [vcg]),
    ).toEqual({
      ...rights,
      credit: 'Lukas Nagel',
      agency: null,
      photographer: 'Lukas Nagel',
      license: 'cc-by-sa',
      copyright: 'Creative Commons Attribution-ShareAlike (CC BY-SA)',
    });
    expect(creditFromMetadata({ ...empty, credit: 'CC BY 4.0', byline: '王五' }, [])).toMatchObject({ credit: '王五', license: 'cc-by' });
    expect(creditFromMetadata({ ...empty, credit: 'Lukas Nagel, CC BY-SA 4.0' }, [])).toMatchObject({
      credit: 'Lukas Nagel',
      license: 'cc-by-sa',
    });
    expect(creditFromMetadata({ ...empty, credit: 'Creative Commons', copyright: 'publicDomain' }, [])).toMatchObject({
      credit: null,
      license: 'public-domain',
    });
    expect(creditFromMetadata({ ...empty, byline: '王五', usageTerms: 'CC BY-SA 4.0' }, [vcg])).toMatchObject({
      credit: '王五',
      photographer: '王五',
      license: 'cc-by-sa',
    });
    expect(
      creditFromMetadata({ ...empty, byline: 'Anna', webStatement: 'https://creativecommons.org/licenses/by-nc/4.0/' }, []),
    ).toMatchObject({ credit: 'Anna', license: null });
    expect(creditFromMetadata({ ...empty, byline: '李四', copyright: '知識共享 署名 4.0 國際' }, [])).toMatchObject({
      credit: '李四',
      license: 'cc-by',
    });
  });

  it('keeps usage terms, web statement and licensor with the credit', () => {
    const meta = {
      ...empty,
      credit: 'Mugwum Press',
      byline: 'Julie Doe',
      usageTerms: 'One-time use',
      webStatement: 'http://example.com/',
      licensor: 'Mugwum Press',
      licensorUrl: 'http://www.mugwum.com',
    };
    expect(creditFromMetadata(meta, [])).toEqual({
      credit: 'Mugwum Press',
      agency: null,
      photographer: 'Julie Doe',
      license: null,
      copyright: null,
      usageTerms: 'One-time use',
      webStatement: 'http://example.com/',
      licensor: 'Mugwum Press',
      licensorUrl: 'http://www.mugwum.com',
    });
  });

  it('gives nothing for a file without credit or rights fields, and no placeholder as credit', () => {
    expect(creditFromMetadata(empty, [vcg])).toBeNull();
    expect(creditFromMetadata({ ...empty, credit: '網路' }, [vcg], ['網路', 'unknown'])).toBeNull();
    expect(creditFromMetadata({ ...empty, credit: 'unknown', byline: '張三' }, [vcg], ['網路', 'unknown'])).toMatchObject({
      credit: '張三',
    });
  });
});

describe('the public test photos', () => {
  it.each(EXPECTED_FROM_FIXTURES)('%s gives what EXPECTED.md says', async (file, expected) => {
    const credit = creditFromMetadata(await readPhotoMetadata(path.join(PHOTO_FIXTURES, file)), [vcg]);
    expect(credit).toMatchObject(expected);
  });
});
