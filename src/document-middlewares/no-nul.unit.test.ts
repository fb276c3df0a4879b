import { withoutNul } from './no-nul';

describe('withoutNul', () => {
  it('removes U+0000 from strings at any depth and leaves everything else', () => {
    const date = new Date(0);
    expect(
      withoutNul({
        title: 'a\u0000b',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: '\u0000javascript:alert(1)' }] }],
        n: 1,
        d: date,
        ok: true,
      }),
    ).toEqual({
      title: 'ab',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'javascript:alert(1)' }] }],
      n: 1,
      d: date,
      ok: true,
    });
  });
});
