/**
 * Whether a URL points into the media library: it starts with one of the library's URL prefixes
 * (`/uploads/` for the local provider, a CDN origin otherwise) and cannot climb out of it.
 */
export function isMediaLibraryUrl(url: unknown, prefixes: readonly string[]): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2048) return false;
  // Control characters, backslashes and encoded dots are how `/uploads/../` and `/\evil` tricks start.
  if (/[\u0000-\u0020\\<>"'`]|%2e|%2f|%5c/iu.test(url)) return false;
  if (
    url
      .split(/[?#]/u)[0]!
      .split('/')
      .some((segment) => segment === '..' || segment === '.')
  )
    return false;
  return prefixes.some((prefix) => url.startsWith(prefix));
}

/** A media URL as an absolute URL when the server has a public URL; relative otherwise. */
export function absoluteUrl(url: string, publicUrl: string): string {
  if (!publicUrl || /^https?:\/\//iu.test(url)) return url;
  return `${publicUrl.replace(/\/+$/u, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}

/**
 * `bodyHtml` with its images' root-relative `src` made absolute from PUBLIC_URL. Runs on the
 * sanitiser's output, where every `<img>` has a media-library `src` in double quotes.
 */
export function absoluteImageSources(html: string, publicUrl: string): string {
  if (!publicUrl) return html;
  return html.replace(/(<img\b[^>]*?\ssrc=")(\/[^"]*)"/gu, (_match, head: string, src: string) => `${head}${absoluteUrl(src, publicUrl)}"`);
}
