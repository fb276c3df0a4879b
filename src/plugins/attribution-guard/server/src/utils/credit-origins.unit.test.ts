import { fileCreditUpdate, isTyped, typedCreditUpdate, type FileCreditValues } from './credit-origins';

const fromFile = (values: Partial<FileCreditValues>): FileCreditValues => ({
  credit: null,
  agency: null,
  photographer: null,
  license: null,
  copyright: null,
  usageTerms: null,
  webStatement: null,
  licensor: null,
  licensorUrl: null,
  ...values,
});
const NO_RIGHTS = { copyright: null, usageTerms: null, webStatement: null, licensor: null, licensorUrl: null };

describe('isTyped', () => {
  it('reads each field’s own origin, and the credit’s origin on rows written before those existed', () => {
    const row = {
      credit: 'Big Newspaper',
      origin: 'file-metadata',
      photographer: 'John Doe',
      photographerOrigin: 'typed',
      license: null,
      licenseOrigin: null,
    };
    expect(isTyped(row, 'credit')).toBe(false);
    expect(isTyped(row, 'photographer')).toBe(true);
    expect(isTyped(row, 'license')).toBe(false);
    expect(isTyped({ credit: '視覺中國', origin: 'typed', photographer: '張三', license: 'agency' }, 'photographer')).toBe(true);
    expect(isTyped({ credit: '視覺中國', origin: 'typed', photographer: null }, 'photographer')).toBe(false);
    expect(isTyped(null, 'credit')).toBe(false);
  });
});

describe('fileCreditUpdate', () => {
  it('writes everything a new file says', () => {
    const file = fromFile({ credit: 'Mugwum Press', photographer: 'Julie Doe', copyright: '©2009 Julie Doe', usageTerms: 'One-time use' });
    expect(fileCreditUpdate(null, file)).toEqual({ origin: 'file-metadata', ...file });
    expect(fileCreditUpdate(null, null)).toBeNull();
  });

  it('replaces every value the old file gave, with null where the new file says nothing', () => {
    const old = {
      credit: 'Big Newspaper',
      agency: null,
      origin: 'file-metadata',
      photographer: 'John Doe',
      photographerOrigin: 'file-metadata',
      license: null,
      copyright: '©2010 Big Newspaper',
      webStatement: 'http://www.bignewspaper.com/',
    };
    expect(fileCreditUpdate(old, fromFile({ credit: 'Mugwum Press', photographer: 'Julie Doe' }))).toEqual({
      origin: 'file-metadata',
      ...NO_RIGHTS,
      credit: 'Mugwum Press',
      agency: null,
      photographer: 'Julie Doe',
      license: null,
    });
    expect(fileCreditUpdate(old, null)).toEqual({
      origin: 'file-metadata',
      ...NO_RIGHTS,
      credit: null,
      agency: null,
      photographer: null,
      license: null,
    });
  });

  it('keeps what an editor typed', () => {
    const row = {
      credit: '視覺中國',
      origin: 'typed',
      photographer: 'John Doe',
      photographerOrigin: 'file-metadata',
      license: 'agency',
      licenseOrigin: 'typed',
    };
    expect(fileCreditUpdate(row, fromFile({ credit: 'Mugwum Press', photographer: 'Julie Doe', license: 'cc-by' }))).toEqual({
      origin: 'file-metadata',
      ...NO_RIGHTS,
      photographer: 'Julie Doe',
    });
  });

  it('cuts values to the columns’ lengths', () => {
    const update = fileCreditUpdate(null, fromFile({ credit: 'x'.repeat(300), photographer: 'y'.repeat(200) }));
    expect(update?.credit).toHaveLength(255);
    expect(update?.photographer).toHaveLength(120);
  });
});

describe('typedCreditUpdate', () => {
  const fromFileRow = {
    credit: 'Big Newspaper',
    agency: null,
    origin: 'file-metadata',
    photographer: 'John Doe',
    photographerOrigin: 'file-metadata',
    license: null,
    licenseOrigin: 'file-metadata',
  };

  it('marks as typed only what the editor changed', () => {
    expect(typedCreditUpdate(fromFileRow, { credit: '視覺中國', agency: 'vcg', photographer: 'John Doe', license: null })).toEqual({
      origin: 'typed',
      credit: '視覺中國',
      agency: 'vcg',
    });
    expect(typedCreditUpdate(fromFileRow, { credit: 'Big Newspaper', agency: null, photographer: 'John Doe', license: 'handout' })).toEqual(
      { origin: 'typed', license: 'handout' },
    );
    expect(typedCreditUpdate(fromFileRow, { credit: 'Big Newspaper', photographer: '' })).toEqual({ origin: 'typed', photographer: null });
  });

  it('keeps typed fields typed, and types everything on a file without a credit', () => {
    const typed = { ...fromFileRow, origin: 'typed', photographerOrigin: 'typed' };
    expect(typedCreditUpdate(typed, { credit: 'Big Newspaper', photographer: 'John Doe', license: null })).toEqual({
      origin: 'typed',
      credit: 'Big Newspaper',
      photographer: 'John Doe',
    });
    expect(typedCreditUpdate(null, { credit: '視覺中國', agency: null, photographer: null, license: 'agency' })).toEqual({
      origin: 'typed',
      credit: '視覺中國',
      agency: null,
      license: 'agency',
    });
  });
});
