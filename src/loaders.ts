import { Scope } from './auth/scope';
import { Db } from './db/db';
import { ReadBatch } from './db/json-rows';
import { decisionTrailLoaders } from './modules/decision-trail/decision-trail.loaders';
import { cycleLoaders } from './modules/cycle/cycle.loaders';
import { committeeActionLoaders } from './modules/cycle/committee-action.loaders';
import { changesPlanLoaders } from './modules/cycle/changes-plan.loaders';
import { changesRiskLoaders } from './modules/cycle/changes-risk.loaders';
import { issueLoaders } from './modules/issue/issue.loaders';
import { milestoneLoaders } from './modules/milestone/milestone.loaders';
import { organisationLoaders } from './modules/organisation/organisation.loaders';
import { programmeLoaders } from './modules/programme/programme.loaders';
import { savingsLoaders } from './modules/savings/savings.loaders';
import { riskLoaders } from './modules/risk/risk.loaders';

/** Every relation a resolver follows, batched per request. */
export function createLoaders(db: Db, scope: Scope) {
  // the reads that fall due together go as one statement (see ReadBatch)
  const reads = new ReadBatch(db);
  return {
    /** For reads outside a loader that fall due with them, e.g. a list's totalCount. */
    reads,
    ...organisationLoaders(db, scope),
    ...programmeLoaders(reads, scope),
    ...savingsLoaders(reads, scope),
    ...decisionTrailLoaders(reads, scope),
    ...cycleLoaders(reads, scope),
    ...committeeActionLoaders(reads, scope),
    ...riskLoaders(reads, scope),
    ...milestoneLoaders(reads, scope),
    ...changesRiskLoaders(reads, scope),
    ...changesPlanLoaders(reads, scope),
    ...issueLoaders(reads, scope),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
