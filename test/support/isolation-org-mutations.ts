import { Case } from './isolation-org-queries';
import { ORGANISATION_MUTATIONS } from './isolation-mutations-organisation';
import { PROGRAMMES_MUTATIONS } from './isolation-mutations-programmes';
import { RISKS_MUTATIONS } from './isolation-mutations-risks';
import { SAVINGS_MUTATIONS } from './isolation-mutations-savings';
import { DECISIONS_MUTATIONS } from './isolation-mutations-decisions';

/**
 * Every mutation naming one of A's objects, as each of B's users: NOT_FOUND (never FORBIDDEN,
 * whatever B's role), answered exactly as for an id that exists nowhere (the probe's ghost
 * run). Mutations that name nothing of A's are refused by role, or succeed in a fresh
 * organisation of their own without touching A (the test compares A's whole view afterwards).
 */
export const MUTATION_CASES: Record<string, Case> = {
  ...ORGANISATION_MUTATIONS,
  ...PROGRAMMES_MUTATIONS,
  ...RISKS_MUTATIONS,
  ...SAVINGS_MUTATIONS,
  ...DECISIONS_MUTATIONS,
};
