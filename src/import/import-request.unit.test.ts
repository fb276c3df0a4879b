import { parseImportFields } from './import-request';

const fails = (body: unknown, multipart = false): string[] => {
  try {
    parseImportFields(body, { multipart });
  } catch (error) {
    return ((error as { details: { errors: Array<{ path: string[] }> } }).details.errors ?? []).map((e) => e.path[0]!);
  }
  return [];
};

describe('parseImportFields', () => {
  it('takes booleans in JSON and "true"/"false" only in a form', () => {
    expect(parseImportFields({ text: 'x', dryRun: true }, { multipart: false }).dryRun).toBe(true);
    expect(parseImportFields({ text: 'x' }, { multipart: false }).dryRun).toBe(false);
    expect(parseImportFields({ text: 'x', dryRun: 'true' }, { multipart: true }).dryRun).toBe(true);
    expect(parseImportFields({ text: 'x', dryRun: 'false' }, { multipart: true }).dryRun).toBe(false);
    for (const dryRun of [1, 0, {}, [], null, 'true', 'yes', '1']) expect(fails({ text: 'x', dryRun })).toEqual(['dryRun']);
    for (const dryRun of ['1', 'yes', 'TRUE', ['true', 'false']]) expect(fails({ text: 'x', dryRun }, true)).toEqual(['dryRun']);
  });

  it('refuses unknown fields, non-text values and bad locale codes, all at once', () => {
    expect(fails({ text: 'x', dry_run: true })).toEqual(['dry_run']);
    expect(fails({ text: ['x'], locale: 5, title: {} })).toEqual(['text', 'locale', 'title']);
    expect(fails({ text: 'x', locale: 'zh Hant' })).toEqual(['locale']);
    expect(fails([1, 2])).toEqual(['body']);
    expect(parseImportFields({ text: 'x', locale: 'zh-Hant', title: ' ' }, { multipart: false })).toEqual({
      text: 'x',
      locale: 'zh-Hant',
      title: undefined,
      dryRun: false,
    });
  });
});
