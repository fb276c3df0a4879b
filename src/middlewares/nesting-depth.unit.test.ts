import { fieldNameDepth, findExcessNesting, jsonTextDepth, MAX_NESTING_DEPTH, nestingDepth } from './nesting-depth';

const nest = (n: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < n; i += 1) value = { a: value };
  return value;
};

describe('nestingDepth', () => {
  it('counts levels without recursion, even 100,000 deep', () => {
    expect(nestingDepth(1)).toBe(0);
    expect(nestingDepth({})).toBe(1);
    expect(nestingDepth({ a: [{ b: 1 }] })).toBe(3);
    expect(nestingDepth(nest(100_000))).toBe(MAX_NESTING_DEPTH + 1);
    expect(nestingDepth(nest(MAX_NESTING_DEPTH))).toBe(MAX_NESTING_DEPTH);
  });
});

describe('jsonTextDepth and fieldNameDepth', () => {
  it('ignores brackets inside strings', () => {
    expect(jsonTextDepth('{"a":"[[[[[[","b":[1]}')).toBe(2);
    expect(jsonTextDepth('{"a":"\\"[[[["}')).toBe(1);
    expect(jsonTextDepth('['.repeat(50))).toBe(MAX_NESTING_DEPTH + 1);
    expect(fieldNameDepth('a[b][c]')).toBe(2);
  });
});

describe('findExcessNesting', () => {
  it('finds a deep body, a deep JSON field, a deep field name and a deep query', () => {
    expect(findExcessNesting({ body: nest(41) })?.where).toBe('body');
    expect(findExcessNesting({ body: { data: '{"a":'.repeat(50) + '1' + '}'.repeat(50) }, multipart: true })).toMatchObject({
      where: 'body',
      path: 'data',
    });
    expect(findExcessNesting({ body: { [`a${'[b]'.repeat(50)}`]: '1' } })?.where).toBe('body');
    expect(findExcessNesting({ query: {}, rawQuery: `filters${'%5Ba%5D'.repeat(50)}=1` })?.where).toBe('query');
  });

  it('leaves ordinary input alone, text with brackets included', () => {
    expect(
      findExcessNesting({
        body: {
          data: {
            title: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ quoted',
            body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }],
          },
        },
        query: { filters: { author: { name: { $eq: 'x' } } } },
        rawQuery: 'filters[author][name][$eq]=x',
      }),
    ).toBeNull();
    expect(findExcessNesting({})).toBeNull();
  });
});
