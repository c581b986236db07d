import { DataSource } from 'typeorm';
import { Caller } from './auth/caller';
import { seesConfidential } from './auth/permissions';
import { ReadBatch } from './db/json-rows';
import { committeeLoaders } from './modules/committee/committee.loaders';
import { milestoneLoaders } from './modules/milestone/milestone.loaders';
import { organisationLoaders } from './modules/organisation/organisation.loaders';
import { programmeLoaders } from './modules/programme/programme.loaders';
import { savingsLoaders } from './modules/savings/savings.loaders';
import { riskLoaders } from './modules/risk/risk.loaders';

/** What a request's loaders may return: one organisation's rows, confidential ones if allowed. */
export interface Scope {
  organisationId: string;
  seesConfidential: boolean;
}

// A request without a caller is refused by every root field before any loader runs;
// its loaders still get a scope that matches nothing.
const NOBODY: Scope = { organisationId: '00000000-0000-0000-0000-000000000000', seesConfidential: false };

/** Every relation a resolver follows, batched per request. */
export function createLoaders(db: DataSource, caller: Caller | null) {
  const scope = caller ? { organisationId: caller.organisationId, seesConfidential: seesConfidential(caller) } : NOBODY;
  // the reads that fall due together go as one statement (see ReadBatch)
  const reads = new ReadBatch(db);
  return {
    /** For reads outside a loader that fall due with them, e.g. a list's totalCount. */
    reads,
    ...organisationLoaders(db, scope),
    ...programmeLoaders(reads, scope),
    ...savingsLoaders(reads, scope),
    ...committeeLoaders(reads, scope),
    ...riskLoaders(reads, scope),
    ...milestoneLoaders(reads, scope),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
