import { fieldLabel, refusalDetails, refusalMessage, type Dependent } from './describe';
import { removalScope } from '../document-middlewares/dependency-gate';

const story = (over: Partial<Dependent> = {}): Dependent => ({
  contentType: 'api::article.article',
  documentId: 'doc1',
  locale: 'zh-Hant',
  title: '用AI發願',
  field: 'author',
  ...over,
});

describe('refusalMessage', () => {
  it('names the record, each story once with its fields, and what to do, in three languages', () => {
    const m = refusalMessage('unpublish', 'koorvoa', [
      story(),
      story({ field: 'editor' }),
      story({ documentId: 'doc2', title: 'Second', locale: 'en' }),
    ]);
    expect(m.en).toBe(
      'Cannot unpublish “koorvoa”: 2 published stories show it: “用AI發願” (zh-Hant) as author, editor; “Second” (en) as author. Change or unpublish those stories first, or ask an editor with the override permission.',
    );
    expect(m['zh-Hant']).toContain('無法取消發布「koorvoa」');
    expect(m['zh-Hant']).toContain('「用AI發願」(zh-Hant)的作者、編輯');
    expect(m['zh-Hans']).toContain('无法取消发布“koorvoa”');
    expect(m['zh-Hans']).toContain('“用AI發願”(zh-Hant)的作者、编辑');
  });
  it('lists five stories and counts the rest; a story without a title is named by its id', () => {
    const many = Array.from({ length: 7 }, (_, i) => story({ documentId: `d${i}`, title: i === 0 ? null : `T${i}` }));
    const m = refusalMessage('delete', 'VCG', many);
    expect(m.en).toMatch(/^Cannot delete “VCG”: 7 published stories show it: “d0” \(zh-Hant\) as author; “T1”/u);
    expect(m.en).toContain('; and 2 more.');
    expect(m.en).not.toContain('T5');
  });
  it('says “story” for one', () => {
    expect(refusalMessage('delete', 'x', [story()]).en).toContain('1 published story shows it');
  });
});

describe('refusalDetails', () => {
  it('gives one error per story and field, with where to find it', () => {
    const details = refusalDetails('delete', { contentType: 'api::source.source', documentId: 's1', label: '視覺中國' }, [
      story({ field: 'cover.agency' }),
      { ...story({ field: 'cover.image' }), viaMediaCredit: true },
    ]);
    expect(details.errors).toEqual([
      expect.objectContaining({
        path: ['cover', 'agency'],
        documentId: 'doc1',
        locale: 'zh-Hant',
        title: '用AI發願',
        field: 'cover.agency',
        name: 'ValidationError',
        message: '“用AI發願” (zh-Hant) shows it as cover image agency',
      }),
      expect.objectContaining({
        path: ['cover', 'image'],
        field: 'cover.image',
        message: '“用AI發願” (zh-Hant) shows it as agency in a photo’s stored credit',
      }),
    ]);
    expect(details.dependents).toEqual({ action: 'delete', contentType: 'api::source.source', documentId: 's1', overridable: true });
  });
  it('labels fields the newsroom has not named by their path', () => {
    expect(fieldLabel({ field: 'sidebar.photo.agency' }).en).toBe('sidebar.photo.agency');
    expect(fieldLabel({ field: 'source' })).toEqual({ en: 'outlet', 'zh-Hant': '媒體', 'zh-Hans': '媒体' });
  });
});

describe('removalScope', () => {
  it('reads the locale parameter as Strapi does', () => {
    expect(removalScope(undefined, true, 'zh-Hant')).toEqual(['zh-Hant']);
    expect(removalScope('', true, 'zh-Hant')).toEqual(['zh-Hant']);
    expect(removalScope('en', true, 'zh-Hant')).toEqual(['en']);
    expect(removalScope('*', true, 'zh-Hant')).toBe('*');
    expect(removalScope(['en', 'zh-Hans'], true, 'zh-Hant')).toEqual(['en', 'zh-Hans']);
    expect(removalScope(['en', '*'], true, 'zh-Hant')).toBe('*');
  });
  it('removes all of a type without locales, whatever the parameter', () => {
    expect(removalScope('en', false, 'zh-Hant')).toBe('*');
    expect(removalScope(undefined, false, 'zh-Hant')).toBe('*');
  });
});
