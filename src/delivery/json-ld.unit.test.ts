import { jsonLdScript } from './json-ld';

describe('jsonLdScript', () => {
  it('escapes what could end or change a <script> element, and stays the same JSON', () => {
    const thing = { headline: '</script><script>alert(1)</script> & <!-- \u2028\u2029', nested: [{ name: 'a>b' }] };
    const script = jsonLdScript(thing);
    expect(script).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(script).toContain('\\u003c/script\\u003e');
    expect(script).toContain('\\u0026');
    expect(script).toContain('\\u2028\\u2029');
    expect(JSON.parse(script)).toEqual(thing);
  });

  it('leaves Chinese text and ordinary punctuation as they are', () => {
    expect(jsonLdScript({ headline: '用AI發願,垂直行業廠商逐夢“大模型圈”' })).toBe('{"headline":"用AI發願,垂直行業廠商逐夢“大模型圈”"}');
  });
});
