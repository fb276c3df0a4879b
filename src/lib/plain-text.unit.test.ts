import sanitizeHtml from 'sanitize-html';
import fs from 'node:fs';
import path from 'node:path';
import { toPlainText } from './plain-text';

const XSS_CORPUS = fs
  .readFileSync(path.resolve(__dirname, '../../tests/fixtures/xss/xss-payloads.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '');

/** True when an HTML parser would find an element in the value. */
const hasMarkup = (value: string) =>
  sanitizeHtml(value, { allowedTags: [], allowedAttributes: {} }) !==
  sanitizeHtml(value, { allowedTags: false as unknown as string[], allowedAttributes: false });

describe('toPlainText', () => {
  it.each([
    ['<b>Bold</b>', 'Bold'],
    ['a <script>alert(1)</script>b', 'a b'],
    ['<img src=x onerror=alert(1)>', ''],
    ['AT&T & 1 < 2', 'AT&T & 1 < 2'],
    ['「引號」 "quotes"', '「引號」 "quotes"'],
    ['  視覺中國  ', '視覺中國'],
    ['<style>p{}</style>圖片', '圖片'],
    ['1 < 2 > 0', '1 < 2 > 0'],
    ["O'Brien & Sons", "O'Brien & Sons"],
  ])('%s → %s', (input, output) => {
    expect(toPlainText(input)).toBe(output);
  });

  it.each([
    ['entity-encoded', '&lt;img src=x onerror=alert(1)&gt;'],
    ['numeric-encoded', '&#60;img src=x onerror=alert(1)&#62;'],
    ['hex-encoded', '&#x3c;svg onload=alert(1)&#x3e;'],
    ['double-encoded', '&amp;lt;img src=x onerror=alert(1)&amp;gt;'],
    ['triple-encoded', '&amp;amp;lt;script&amp;amp;gt;alert(1)&amp;amp;lt;/script&amp;amp;gt;'],
    ['mixed with text', '正見 &lt;img src=x onerror=alert(1)&gt;TrueView'],
    ['split by a tag', '<<b>img src=x onerror=alert(1)>'],
    ['named entity without semicolon', '&ltimg src=x onerror=alert(1)&gt'],
  ])('leaves no markup in the %s form', (_form, input) => {
    const output = toPlainText(input);
    expect(output).not.toMatch(/<\s*[a-z!/?]/iu);
    expect(hasMarkup(output)).toBe(false);
    // Stable: cleaning the cleaned value changes nothing, so a second save cannot bring markup back.
    expect(toPlainText(output)).toBe(output);
  });

  it('keeps the text around an encoded tag', () => {
    expect(toPlainText('正見 &lt;img src=x onerror=alert(1)&gt;TrueView')).toBe('正見 TrueView');
  });

  it('drops control characters and bidi overrides but keeps line breaks', () => {
    expect(toPlainText('koo\u0000r\u202evoa')).toBe('koorvoa');
    expect(toPlainText('line one\nline two')).toBe('line one\nline two');
  });

  it('never leaves angle-bracket markup after many encoding levels', () => {
    let value = '<img src=x onerror=alert(1)>';
    for (let i = 0; i < 20; i += 1) value = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(toPlainText(value)).not.toMatch(/<|>/u);
  });

  it('finds markup where there is some (the check above is not blind)', () => {
    expect(hasMarkup('<img src=x onerror=alert(1)>')).toBe(true);
    expect(hasMarkup('1 < 2')).toBe(false);
  });

  it(`leaves no markup in any of the ${XSS_CORPUS.length} corpus payloads, and is stable on each`, () => {
    const failures = XSS_CORPUS.filter((payload) => {
      const output = toPlainText(payload);
      return hasMarkup(output) || toPlainText(output) !== output;
    });
    expect(XSS_CORPUS.length).toBe(2000);
    expect(failures).toEqual([]);
  });
});
