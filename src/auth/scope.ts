import { Param, param } from '../db/sql';
import { Caller } from './caller';
import { seesConfidential } from './permissions';

/** What a request's reads may return: one organisation's rows, confidential ones if allowed. */
export interface Scope {
  organisationId: string;
  /**
   * The organisation's id as a parameter, bound when the scope is made and so before any value
   * of a statement that uses it: `$1` of every statement, as the indexes and the text expect.
   */
  org: Param;
  seesConfidential: boolean;
}

// A request without a caller is refused by every root field before any read runs;
// its loaders still get a scope that matches nothing.
const NOBODY = '00000000-0000-0000-0000-000000000000';

export function scopeOf(caller: Caller | null): Scope {
  const organisationId = caller?.organisationId ?? NOBODY;
  return { organisationId, org: param(organisationId), seesConfidential: caller ? seesConfidential(caller) : false };
}
