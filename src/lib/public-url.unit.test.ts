import { checkPublicUrl } from './public-url';

describe('checkPublicUrl', () => {
  it('accepts an http(s) address in every environment', () => {
    for (const env of ['production', 'development', 'test']) expect(checkPublicUrl('https://cms.example.com', env)).toEqual({ ok: true });
  });
  it('refuses to start in production without one, saying how to set it', () => {
    expect(checkPublicUrl('', 'production')).toEqual({ ok: false, fatal: true, message: expect.stringContaining('PUBLIC_URL=https://') });
  });
  it('warns in development and is silent in tests', () => {
    expect(checkPublicUrl('', 'development')).toMatchObject({ ok: false, fatal: false });
    expect(checkPublicUrl('', undefined)).toMatchObject({ ok: false, fatal: false });
    expect(checkPublicUrl('', 'test')).toEqual({ ok: true });
  });
  it.each(['cms.example.com', 'javascript:alert(1)', 'ftp://cms.example.com'])('refuses %s anywhere', (url) => {
    expect(checkPublicUrl(url, 'development')).toMatchObject({ ok: false, fatal: true });
  });
});
