import { buildSchema, parse, validate } from 'graphql';
import { apolloServerLimits, GRAPHQL_LIMITS } from './limits';

const schema = buildSchema(
  'type Article { title: String dek: String author: Author } type Author { name: String articles: [Article] } type Query { articles: [Article] }',
);
const errorsOf = (source: string, production = false) => {
  const { validationRules } = apolloServerLimits(production);
  return validate(schema, parse(source), validationRules as never).map((e) => e.message);
};

describe('apolloServerLimits', () => {
  it('introspection and field suggestions are for development only', () => {
    expect(apolloServerLimits(true).introspection).toBe(false);
    expect(apolloServerLimits(false).introspection).toBe(true);
    expect(apolloServerLimits(true).allowBatchedHttpRequests).toBe(false);
  });

  it('the parser stops at the token cap', () => {
    const { parseOptions } = apolloServerLimits(false);
    const long = `{ articles { ${'title '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`;
    expect(() => parse(long, parseOptions)).toThrow(/tokens/);
  });

  it(`refuses more than ${GRAPHQL_LIMITS.maxAliases} aliases`, () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: articles { title }`).join(' ')} }`;
    expect(errorsOf(aliases(GRAPHQL_LIMITS.maxAliases))).toEqual([]);
    expect(errorsOf(aliases(GRAPHQL_LIMITS.maxAliases + 1)).join(' ')).toMatch(/alias/i);
  });

  it(`refuses a selection deeper than ${GRAPHQL_LIMITS.maxDepth}`, () => {
    const deep = (levels: number) => `{ articles { ${'author { articles { '.repeat(levels)} title ${'} } '.repeat(levels)} } }`;
    expect(errorsOf(deep(2))).toEqual([]);
    expect(errorsOf(deep(6)).join(' ')).toMatch(/depth/i);
  });

  it('refuses a query whose cost is over the cap though its depth and aliases are within limits', () => {
    const level = (n: number) => `title dek ${'author { name articles { title dek '.repeat(n)}${' } }'.repeat(n)}`;
    const wide = `{ ${Array.from({ length: GRAPHQL_LIMITS.maxAliases }, (_, i) => `a${i}: articles { ${level(4)} }`).join(' ')} }`;
    expect(errorsOf(`{ articles { ${level(4)} } }`)).toEqual([]);
    expect(errorsOf(wide).join(' ')).toMatch(/cost/i);
  });

  it('a front end’s ordinary story query passes', () => {
    expect(errorsOf('query Story { articles { title author { name articles { title } } } }')).toEqual([]);
  });
});
