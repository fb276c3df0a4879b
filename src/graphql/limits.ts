import { ApolloArmor } from '@escape.tech/graphql-armor';
import { fragmentCycleGuard } from './fragment-cycles';

/**
 * What one GraphQL request may ask of the server. A front end's heaviest query (a story with its
 * byline, outlet, cover and pull quotes) is a few hundred tokens, depth 4 and no aliases; the limits
 * leave room for that many times over and refuse documents built to make the server work for
 * seconds (10,000 aliases of a list query) before any resolver runs.
 */
export const GRAPHQL_LIMITS = {
  maxTokens: 5000,
  maxDepth: 10,
  maxAliases: 20,
  maxDirectives: 20,
  maxCost: 5000,
} as const;

/**
 * The Apollo Server options Strapi's GraphQL plugin merges into its own: graphql-armor's validation
 * rules (depth, aliases, directives, cost), a fragment-cycle check, the token cap applied by the parser itself, no field
 * suggestions to anonymous callers, and introspection only outside production.
 */
export function apolloServerLimits(production: boolean) {
  const armor = new ApolloArmor({
    // The parser's own maxTokens (below) refuses a long document as a 400 syntax error before it is built.
    maxTokens: { enabled: false },
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  const cycles = fragmentCycleGuard();
  return {
    plugins: [cycles.plugin, ...plugins],
    validationRules: [cycles.rule, ...validationRules],
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    introspection: !production,
    allowBatchedHttpRequests: false,
  };
}
