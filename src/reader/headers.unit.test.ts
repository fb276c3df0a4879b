import { previewFrameOrigins, readerCsp, readerOrigins } from './headers';
import { PAGE_CSS, PAGE_CSS_HASH } from './styles';
import { createHash } from 'node:crypto';

describe('the reader pages’ CSP', () => {
  it('allows images from the page’s origin, PUBLIC_URL and an absolute media prefix, and the admin as a framer', () => {
    const origins = readerOrigins({
      publicUrl: 'https://cms.example.com/',
      mediaUrlPrefixes: ['/uploads/', 'https://cdn.example.net/media/'],
      adminUrl: 'https://admin.example.com/admin',
    });
    expect(origins).toEqual({
      images: ['https://cms.example.com', 'https://cdn.example.net'],
      frameAncestors: ['https://cms.example.com', 'https://admin.example.com'],
    });
    expect(readerCsp(origins)).toBe(
      `default-src 'none'; img-src 'self' https://cms.example.com https://cdn.example.net; style-src ${PAGE_CSS_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://cms.example.com https://admin.example.com`,
    );
  });

  it('names the stylesheet by its own hash', () => {
    expect(PAGE_CSS_HASH).toBe(`'sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}'`);
  });

  it('keeps relative settings to the page’s own origin', () => {
    expect(readerCsp(readerOrigins({ publicUrl: '', mediaUrlPrefixes: ['/uploads/'], adminUrl: '/admin' }))).toBe(
      `default-src 'none'; img-src 'self'; style-src ${PAGE_CSS_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
    );
  });

  it('lets the admin frame the preview from its own origin and from PUBLIC_URL', () => {
    expect(previewFrameOrigins('')).toEqual(["'self'"]);
    expect(previewFrameOrigins('https://cms.example.com/')).toEqual(["'self'", 'https://cms.example.com']);
    expect(previewFrameOrigins('not a url')).toEqual(["'self'"]);
  });
});
