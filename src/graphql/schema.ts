import fs from 'node:fs';
import path from 'node:path';
import { auditResolvers } from '../modules/audit/audit.resolvers';
import { decisionTrailResolvers, linkResolvers } from '../modules/decision-trail/decision-trail.resolvers';
import { cycleResolvers } from '../modules/cycle/cycle.resolvers';
import { committeeActionResolvers } from '../modules/cycle/committee-action.resolvers';
import { changesResolvers } from '../modules/cycle/changes.resolvers';
import { minutesResolvers } from '../modules/minutes/minutes.resolvers';
import { issueResolvers } from '../modules/issue/issue.resolvers';
import { milestoneResolvers } from '../modules/milestone/milestone.resolvers';
import { organisationResolvers } from '../modules/organisation/organisation.resolvers';
import { programmeResolvers } from '../modules/programme/programme.resolvers';
import { savingsResolvers } from '../modules/savings/savings.resolvers';
import { riskResolvers } from '../modules/risk/risk.resolvers';
import { scalarResolvers } from './scalars';

// schema/ beside src/, or two levels up from a compiled dist/src/
const SCHEMA_DIR = [path.join(__dirname, '..', '..', 'schema'), path.join(__dirname, '..', '..', '..', 'schema')].find((dir) =>
  fs.existsSync(dir),
)!;

/** The SDL files of schema/, one per domain, in a stable order. */
export function loadTypeDefs(): string[] {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'));
}

export const resolvers = [
  scalarResolvers,
  organisationResolvers,
  programmeResolvers,
  decisionTrailResolvers,
  linkResolvers,
  cycleResolvers,
  committeeActionResolvers,
  changesResolvers,
  minutesResolvers,
  riskResolvers,
  milestoneResolvers,
  savingsResolvers,
  issueResolvers,
  auditResolvers,
];
