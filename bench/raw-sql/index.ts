// The limit: one hand-written statement per operation, the JSON answer built in PostgreSQL, the
// caller's token checked in the same statement. One file per domain; fragments.ts what they share.
import { OpName } from '../operations';
import { changesSinceStatements } from './changes-since';
import { committeeActionStatements } from './committee-actions';
import { Statement } from './fragments';
import { issueStatements } from './issues';
import { mitigationStatements } from './mitigations';
import { programmeStatements } from './programme';
import { programmeHealthStatements } from './programme-health';
import { resolutionStatements } from './resolutions';
import { riskStatements } from './risks';
import { savingsStatements } from './savings';

const STATEMENTS: Partial<Record<OpName, Statement>> = {
  ...riskStatements,
  ...programmeStatements,
  ...savingsStatements,
  ...resolutionStatements,
  ...mitigationStatements,
  ...committeeActionStatements,
  ...changesSinceStatements,
  ...issueStatements,
  ...programmeHealthStatements,
};

/** The statement for an operation and its parameters after $1 and $2; null for what raw SQL does not serve. */
export function rawStatement(op: OpName, v: Record<string, any>): { sql: string; params: unknown[] } | null {
  // own keys only: an operationName such as toString is unknown, not Object's
  return Object.hasOwn(STATEMENTS, op) ? STATEMENTS[op]!(v) : null;
}
