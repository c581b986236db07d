import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Tokens in one document; Apollo's parser stops past it and answers 400 GRAPHQL_PARSE_FAILED. */
export const MAX_TOKENS = 2000;

/**
 * Refuses abusive operations during validation, before any resolver runs: deep nesting
 * (e.g. 12 levels of risks { programme { risks ... } }) and many aliases (100 aliased lists). Every client query we know of (README, tests, the benchmark's) stays
 * well inside. Introspection is exempt, as the contract answers it for anyone. The token limit
 * is Apollo's own (parseOptions): armor's throws inside the parser, which Apollo answers 500.
 * The cost of an operation is estimated in cost.ts, with its variables; armor's counts neither.
 * Suggestions ("Did you mean ...?") are masked in formatError, for every error alike.
 */
export const armor = new ApolloArmor({
  maxDepth: { n: 10 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  maxTokens: { enabled: false },
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: false },
}).protect();
