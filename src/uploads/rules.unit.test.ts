import { renamed, textKind, verdictFor } from './rules';

describe('upload verdicts', () => {
  it('accepts only the allowed image types, with the detected extension', () => {
    expect(verdictFor('a.jpg', { ext: 'png', mime: 'image/png' }, '')).toEqual({ ok: true, ext: 'png', mime: 'image/png' });
    expect(verdictFor('a.gif', { ext: 'avif', mime: 'image/avif' }, '')).toEqual({ ok: true, ext: 'avif', mime: 'image/avif' });
    for (const detected of [
      { ext: 'pdf', mime: 'application/pdf' },
      { ext: 'zip', mime: 'application/zip' },
      { ext: 'tif', mime: 'image/tiff' },
      { ext: 'jxl', mime: 'image/jxl' },
    ]) {
      expect(verdictFor('x.jpg', detected, '').ok).toBe(false);
    }
  });
  it('names the kind of markup, whatever the file is called', () => {
    expect(verdictFor('a.png', { ext: 'xml', mime: 'application/xml' }, '<?xml version="1.0"?><svg>')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^SVG files cannot be uploaded \("a\.png"\): export the graphic as PNG\.$/u),
    });
    expect(verdictFor('a.jpg', null, '<html><script>')).toMatchObject({
      message: expect.stringContaining('"a.jpg" is an HTML page, not an image'),
    });
    expect(verdictFor('a.js', null, 'alert(1)')).toMatchObject({ message: expect.stringContaining('is a script') });
  });
  it('reads text kinds after a BOM and leading space', () => {
    expect(textKind('\uFEFF \n<SVG xmlns="x">', 'x')).toBe('svg');
    expect(textKind('<!DOCTYPE html>', 'x')).toBe('html');
    expect(textKind('<?xml?><feed>', 'x')).toBe('xml');
    expect(textKind('hello', 'x.txt')).toBe('other');
  });
  it('renames to the detected extension', () => {
    expect(renamed('photo.jpg', 'png')).toBe('photo.png');
    expect(renamed('no-ext', 'gif')).toBe('no-ext.gif');
    expect(renamed('.jpg', 'png')).toBe('upload.png');
  });
});
