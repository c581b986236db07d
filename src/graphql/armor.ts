import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Refuses abusive operations during validation, before any resolver runs: deep nesting
 * (e.g. 12 levels of risks { programme { risks ... } }), many aliases (300 aliased lists),
 * huge documents and expensive shapes. Every client query we know of (README, tests, the
 * benchmark's) stays well inside. Introspection is exempt, as the contract answers it for anyone.
 */
export const armor = new ApolloArmor({
  maxDepth: { n: 10 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 2000 },
  costLimit: { maxCost: 100_000 },
  blockFieldSuggestion: { enabled: true },
}).protect();
