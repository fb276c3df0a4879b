import { toPlainText } from './plain-text';

describe('toPlainText', () => {
  it.each([
    ['<b>Bold</b>', 'Bold'],
    ['a <script>alert(1)</script>b', 'a b'],
    ['<img src=x onerror=alert(1)>', ''],
    ['AT&T & 1 < 2', 'AT&T & 1 < 2'],
    ['「引號」 "quotes"', '「引號」 "quotes"'],
    ['  視覺中國  ', '視覺中國'],
    ['<style>p{}</style>圖片', '圖片'],
  ])('%s → %s', (input, output) => {
    expect(toPlainText(input)).toBe(output);
  });
});
