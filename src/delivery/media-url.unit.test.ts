import { absoluteUrl, isMediaLibraryUrl } from './media-url';

describe('isMediaLibraryUrl', () => {
  it.each(['/uploads/lead_photo_e1a151a31e.jpg', '/uploads/thumbnail_x.jpg?updated=1', 'https://cdn.example.com/media/x.png'])(
    'accepts %s',
    (url) => {
      expect(isMediaLibraryUrl(url, ['/uploads/', 'https://cdn.example.com/media/'])).toBe(true);
    },
  );

  it.each([
    'https://evil.example/x.png',
    '//evil.example/uploads/x.png',
    '/uploads/../admin/x.png',
    '/uploads/%2e%2e/x.png',
    '/uploads/x.png" onerror="alert(1)',
    '/uploads/\\x.png',
    'javascript:alert(1)//uploads/',
    'data:image/png;base64,AAAA',
    '/uploadsx/x.png',
    '',
  ])('refuses %s', (url) => {
    expect(isMediaLibraryUrl(url, ['/uploads/'])).toBe(false);
  });

  it('makes relative media URLs absolute only when a public URL is configured', () => {
    expect(absoluteUrl('/uploads/a.jpg', 'https://cms.example.com/')).toBe('https://cms.example.com/uploads/a.jpg');
    expect(absoluteUrl('/uploads/a.jpg', '')).toBe('/uploads/a.jpg');
    expect(absoluteUrl('https://cdn.example.com/a.jpg', 'https://cms.example.com')).toBe('https://cdn.example.com/a.jpg');
  });
});
