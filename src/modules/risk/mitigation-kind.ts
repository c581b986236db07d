import { badInput } from '../../errors';
import { MitigationRow } from './risk.entity';

type Kind = MitigationRow['kind'];
type Effectiveness = NonNullable<MitigationRow['effectiveness']>;

/** A new mitigation's rating: a CONTROL starts NOT_ASSESSED; an ACTION is never rated. */
export const initialEffectiveness = (kind: Kind): Effectiveness | null => (kind === 'CONTROL' ? 'NOT_ASSESSED' : null);

/**
 * The rating an update gives: absent keeps it; null is refused for any mitigation (a control
 * is always rated, an action never); a value only for a CONTROL. Both BAD_USER_INPUT, field effectiveness.
 */
export function checkEffectiveness(kind: Kind, given: Effectiveness | null | undefined): Effectiveness | undefined {
  if (given === undefined) return undefined;
  if (given === null) throw badInput('effectiveness', 'effectiveness cannot be null');
  if (kind !== 'CONTROL')
    throw badInput('effectiveness', 'Only a CONTROL is rated for effectiveness; this mitigation is an ACTION');
  return given;
}

/**
 * The baseline after a due date is given: the first due date a mitigation was given stays its
 * baseline however often it moves or is cleared after; until it has one, the date given becomes it.
 */
export const baselineAfter = (baseline: string | null, dueDate: string | null | undefined): string | null =>
  baseline ?? dueDate ?? null;
