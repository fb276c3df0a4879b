import { toCheckData, toRelationValue } from './form-data';
import { describePath, focusTarget } from './fields';
import { groupFindings, localized, messageLocale } from './locale';

describe('toCheckData', () => {
  it('sends relation changes as documentIds, picked entries included', () => {
    const data = toCheckData({
      title: '垂直大模型',
      author: { connect: [], disconnect: [] },
      editor: {
        connect: [{ id: 7, apiData: { id: 7, documentId: 'ed2', locale: 'zh-Hant', isTemporary: true }, label: 'TV.' }],
        disconnect: [{ id: 5, apiData: { id: 5, documentId: 'ed1', locale: 'zh-Hant' } }],
      },
      pullQuotes: { connect: [{ id: 9, documentId: 'q9' }], disconnect: [] },
      slug: 'ignored',
    });
    expect(data).toEqual({
      title: '垂直大模型',
      author: { connect: [], disconnect: [] },
      editor: { connect: ['ed2'], disconnect: ['ed1'] },
      pullQuotes: { connect: ['q9'], disconnect: [] },
    });
  });

  it('sends media as file ids and keeps the component id for its stored relations', () => {
    const data = toCheckData({
      cover: {
        id: 3,
        image: { id: 2, url: '/uploads/a.jpg' },
        credit: '',
        license: 'agency',
        agency: { connect: [], disconnect: [] },
        caption: 'x',
      },
      gallery: [{ __temp_key__: 'a0', image: 5, credit: '視覺中國' }, null],
    });
    expect(data).toEqual({
      cover: { id: 3, image: 2, credit: null, photographer: null, license: 'agency', agency: { connect: [], disconnect: [] } },
      gallery: [{ image: 5, credit: '視覺中國', photographer: null, license: null }, { image: null }],
    });
  });

  it('reads relation values in every shape the form may hold', () => {
    expect(toRelationValue(undefined)).toBeUndefined();
    expect(toRelationValue(null)).toBeNull();
    expect(toRelationValue('abc')).toBe('abc');
    expect(toRelationValue([{ documentId: 'a' }, 'b', 3])).toEqual(['a', 'b']);
    expect(toRelationValue({ documentId: 'a' })).toBe('a');
  });
});

describe('field paths', () => {
  it('describes a path in parts an editor recognises', () => {
    expect(describePath('cover.credit')).toEqual([{ key: 'cover' }, { key: 'credit' }]);
    expect(describePath('gallery.2.agency')).toEqual([{ key: 'gallery', position: 3 }, { key: 'agency' }]);
    expect(describePath('pullQuotes.0.text')).toEqual([{ key: 'pullQuotes', position: 1 }, { key: 'text' }]);
    expect(describePath('body.5')).toEqual([{ key: 'body', position: 6 }]);
    expect(describePath('somethingElse')).toEqual([{ key: 'other' }]);
  });

  it('focuses the input the edit view has for it', () => {
    expect(focusTarget('cover.credit')).toBe('cover.credit');
    expect(focusTarget('cover')).toBe('cover.image');
    expect(focusTarget('gallery.1')).toBe('gallery.1.image');
    expect(focusTarget('gallery.1.agency')).toBe('gallery.1.agency');
    expect(focusTarget('pullQuotes.0.text')).toBe('pullQuotes');
    expect(focusTarget('body.12')).toBe('body');
    expect(focusTarget('author')).toBe('author');
  });
});

describe('messages in the admin language', () => {
  const message = { en: 'No credit', 'zh-Hant': '沒有圖片來源', 'zh-Hans': '没有图片来源' };
  it('maps admin locale codes to message locales', () => {
    expect(messageLocale('zh')).toBe('zh-Hant');
    expect(messageLocale('zh-Hans')).toBe('zh-Hans');
    expect(messageLocale('en')).toBe('en');
    expect(messageLocale('fr')).toBe('en');
    expect(localized(message, 'zh')).toBe('沒有圖片來源');
    expect(localized(message, 'zh-Hans')).toBe('没有图片来源');
    expect(localized({ ...message, 'zh-Hans': '' }, 'zh-Hans')).toBe('No credit');
  });

  it('groups findings by severity, keeping their order', () => {
    const f = (rule: 'outlet.required' | 'image.agency-known', severity: 'error' | 'warning') => ({
      rule,
      severity,
      path: 'source',
      message,
    });
    const grouped = groupFindings([f('image.agency-known', 'warning'), f('outlet.required', 'error')]);
    expect(grouped.errors.map((x) => x.rule)).toEqual(['outlet.required']);
    expect(grouped.warnings.map((x) => x.rule)).toEqual(['image.agency-known']);
  });
});
