import { buildSchema, parse, validate } from 'graphql';
import { findFragmentCycle, fragmentCycleGuard } from './fragment-cycles';

describe('findFragmentCycle', () => {
  it.each([
    ['fragment A on T { ...A }', ['A', 'A']],
    ['fragment A on T { ...B } fragment B on T { ...A }', ['A', 'B', 'A']],
    ['fragment A on T { x { ...B } } fragment B on T { y { z { ...C } } } fragment C on T { ...A }', ['A', 'B', 'C', 'A']],
    ['fragment A on T { ... on T { ...B } } fragment B on T { ...A }', ['A', 'B', 'A']],
    ['fragment Ok on T { x } fragment B on T { ...C } fragment C on T { ...B }', ['B', 'C', 'B']],
  ])('%s', (source, cycle) => {
    expect(findFragmentCycle(parse(`{ t { x } } ${source}`))).toEqual(cycle);
  });

  it.each([
    '{ t { ...A } } fragment A on T { x }',
    '{ t { ...A ...B } } fragment A on T { ...B } fragment B on T { x }',
    '{ t { ...Missing } }',
    '{ a: t { x } b: t { x } }',
  ])('no cycle in %s', (source) => {
    expect(findFragmentCycle(parse(source))).toBeNull();
  });

  it('follows a chain of 5,000 fragments without overflowing the stack', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => `fragment F${i} on T { ...F${i + 1} }`).join(' ');
    expect(findFragmentCycle(parse(`{ t { ...F0 } } ${chain} fragment F5000 on T { ...F0 }`, { maxTokens: 100_000 }))?.length).toBe(5002);
  });
});

describe('fragmentCycleGuard', () => {
  const schema = buildSchema('type T { x: String t: T } type Query { t: T }');

  async function run(source: string) {
    const { plugin, rule } = fragmentCycleGuard();
    const requestContext: { document?: ReturnType<typeof parse> } = { document: parse(source) };
    const listener = await (
      plugin as { requestDidStart: () => Promise<{ validationDidStart: (c: typeof requestContext) => Promise<void> }> }
    ).requestDidStart();
    await listener.validationDidStart(requestContext);
    return validate(schema, requestContext.document!, [rule]).map((e) => e.message);
  }

  it('turns a cyclic document into one validation error naming the cycle', async () => {
    expect(await run('{ t { ...A } } fragment A on T { ...B } fragment B on T { ...A }')).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
    expect(await run('{ t { ...A } } fragment A on T { x ...A }')).toEqual(['Cannot spread fragment "A" within itself.']);
  });

  it('leaves a sound document as it was', async () => {
    expect(await run('{ t { ...A } } fragment A on T { x t { x } }')).toEqual([]);
  });
});
