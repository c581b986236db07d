import { claimingUnique } from '../../db/unique';
import { conflict } from '../../errors';

/**
 * The decision trail's uniqueness rules, each a unique index (migration DecisionTrailUniqueness):
 * a write that would break one is CONFLICT on the field that holds the key. Rows kept as
 * duplicates by that migration are outside the indexes until their key is corrected.
 */

/** A committee's name, within the organisation, ignoring case (names are stored trimmed). */
export const withCommitteeName = <T>(name: string, write: () => Promise<T>) =>
  claimingUnique('uq_committees_name', () => conflict(`A committee named ${name} already exists`, 'name'), write);

/** One meeting per committee and date. */
export const withMeetingDate = <T>(date: string, write: () => Promise<T>) =>
  claimingUnique('uq_meetings_date', () => conflict(`The committee already has a meeting on ${date}`, 'date'), write);

/** A resolution's number within its meeting's agenda item, ignoring case; absent numbers never collide. */
export const withResolutionNumber = <T>(write: () => Promise<T>) =>
  claimingUnique(
    'uq_resolutions_number',
    () => conflict(`That number is already taken in the meeting's agenda item`, 'number'),
    write,
  );
