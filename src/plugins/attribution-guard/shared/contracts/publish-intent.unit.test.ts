import { localeRequest, publishIntent } from './publish-intent';

describe('localeRequest', () => {
  it('reads a list, every locale, one code, or nothing as Strapi does', () => {
    expect(localeRequest(['en', 'zh-Hant'])).toEqual(['en', 'zh-Hant']);
    expect(localeRequest('*')).toBe('*');
    expect(localeRequest('zh-Hans')).toEqual(['zh-Hans']);
    expect(localeRequest(undefined)).toBe('default');
    expect(localeRequest(null)).toBe('default');
  });
});

describe('publishIntent', () => {
  it('sees a publish of one document, with the locales it names', () => {
    expect(publishIntent('publish', { documentId: 'abc', locale: '*' })).toEqual({ via: 'publish', documentId: 'abc', locales: '*' });
    expect(publishIntent('publish', { documentId: 'abc' })).toEqual({ via: 'publish', documentId: 'abc', locales: 'default' });
    expect(publishIntent('publish', { documentId: 'abc', locale: ['en'] })).toEqual({ via: 'publish', documentId: 'abc', locales: ['en'] });
  });

  it('leaves a publish that names no document to the documentId check', () => {
    expect(publishIntent('publish', {})).toBeNull();
    expect(publishIntent('publish', { documentId: '' })).toBeNull();
    expect(publishIntent('publish', { documentId: { $ne: 'x' } })).toBeNull();
  });

  it('sees a save that publishes, in the locale named or the default one', () => {
    expect(publishIntent('update', { documentId: 'abc', locale: 'zh-Hant', status: 'published' })).toEqual({
      via: 'save',
      action: 'update',
      documentId: 'abc',
      locale: 'zh-Hant',
    });
    expect(publishIntent('update', { documentId: 'abc', locale: '*', status: 'published' })).toEqual({
      via: 'save',
      action: 'update',
      documentId: 'abc',
      locale: null,
    });
    expect(publishIntent('update', { documentId: 'abc', locale: ['en'], status: 'published' })).toEqual({
      via: 'save',
      action: 'update',
      documentId: 'abc',
      locale: null,
    });
    // A create makes a new document: whatever id it brings, there is nothing yet to read or lock.
    expect(publishIntent('create', { documentId: 'abc', status: 'published' })).toEqual({
      via: 'save',
      action: 'create',
      documentId: null,
      locale: null,
    });
  });

  it('does not take a draft save, an unpublish or any other action for a publish', () => {
    expect(publishIntent('update', { documentId: 'abc', status: 'draft' })).toBeNull();
    expect(publishIntent('create', { data: {} })).toBeNull();
    expect(publishIntent('unpublish', { documentId: 'abc' })).toBeNull();
    expect(publishIntent('discardDraft', { documentId: 'abc', status: 'published' })).toBeNull();
    expect(publishIntent('publish', null)).toBeNull();
  });
});
