import type { Detected } from './detect';

/** The media a newsroom upload may be, decided by the file's bytes: photos and animated GIFs. */
export const ALLOWED: Readonly<Record<string, { ext: string; mime: string }>> = {
  jpg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  avif: { ext: 'avif', mime: 'image/avif' },
  gif: { ext: 'gif', mime: 'image/gif' },
};

export type Verdict = { ok: true; ext: string; mime: string } | { ok: false; message: string };

/** What a text file that is not an image looks like, read from its first bytes (never its name). */
export function textKind(head: string, name: string): string {
  const text = head
    .replace(/^\uFEFF/u, '')
    .trimStart()
    .toLowerCase();
  if (/<svg[\s>]/u.test(text)) return 'svg';
  if (/<(!doctype\s+html|html|head|body|script|iframe|object|embed)[\s>]/u.test(text)) return 'html';
  if (text.startsWith('<?xml') || text.startsWith('<')) return 'xml';
  if (/\.(m?js|cjs)$/iu.test(name)) return 'script';
  return 'other';
}

const TEXT_FORMATS = new Set(['xml', 'svg', 'html', 'xhtml']);

/** Decides an upload from what file-type detected and the file's first bytes. */
export function verdictFor(name: string, detected: Detected, head: string): Verdict {
  const allowed = detected ? ALLOWED[detected.ext] : undefined;
  if (allowed && detected?.mime === allowed.mime) return { ok: true, ...allowed };
  const shown = `"${name}"`;
  // file-type names markup (XML, and so SVG and XHTML) by its first tag: say what kind of page it is.
  const markup = !detected || TEXT_FORMATS.has(detected.ext);
  if (detected && !markup)
    return { ok: false, message: `${shown} is a ${detected.ext.toUpperCase()} file, not an image: upload JPEG, PNG, WebP, AVIF or GIF.` };
  switch (textKind(head, name)) {
    case 'svg':
      return { ok: false, message: `SVG files cannot be uploaded (${shown}): export the graphic as PNG.` };
    case 'html':
      return { ok: false, message: `${shown} is an HTML page, not an image: upload JPEG, PNG, WebP, AVIF or GIF.` };
    case 'xml':
      return { ok: false, message: `${shown} is an XML document, not an image: upload JPEG, PNG, WebP, AVIF or GIF.` };
    case 'script':
      return { ok: false, message: `${shown} is a script, not an image: upload JPEG, PNG, WebP, AVIF or GIF.` };
    default:
      return { ok: false, message: `${shown} is not an image this newsroom accepts: upload JPEG, PNG, WebP, AVIF or GIF.` };
  }
}

/** The stored name carries the extension of what the bytes are (a PNG named .jpg is stored as .png). */
export function renamed(name: string, ext: string): string {
  const base = name.replace(/\.[^./\\]*$/u, '');
  return `${base || 'upload'}.${ext}`;
}
