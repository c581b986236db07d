import { DomainError } from '../../errors';
import { completedOnAfter } from './action-completion';
import { actionOverdue } from './committee-action.entity';

const DAY = '2026-03-10';

describe('completedOnAfter: DONE needs completedOn, given or already set', () => {
  test.each`
    status       | had     | givenStatus  | givenOn         | expected
    ${'OPEN'}    | ${null} | ${'DONE'}    | ${DAY}          | ${DAY}
    ${'OPEN'}    | ${DAY}  | ${'DONE'}    | ${undefined}    | ${DAY}
    ${'DONE'}    | ${DAY}  | ${undefined} | ${undefined}    | ${DAY}
    ${'DONE'}    | ${DAY}  | ${undefined} | ${'2026-03-11'} | ${'2026-03-11'}
    ${'DONE'}    | ${DAY}  | ${'OPEN'}    | ${null}         | ${null}
    ${'DONE'}    | ${DAY}  | ${'OPEN'}    | ${undefined}    | ${DAY}
    ${'OPEN'}    | ${null} | ${undefined} | ${DAY}          | ${DAY}
    ${'OPEN'}    | ${null} | ${'DROPPED'} | ${undefined}    | ${null}
    ${'DROPPED'} | ${null} | ${undefined} | ${undefined}    | ${null}
  `('$status (completedOn $had) given $givenStatus, $givenOn: $expected', ({ status, had, givenStatus, givenOn, expected }) => {
    expect(completedOnAfter({ status, completedOn: had }, { status: givenStatus, completedOn: givenOn })).toBe(expected);
  });

  test.each`
    status    | had     | givenStatus  | givenOn
    ${'OPEN'} | ${null} | ${'DONE'}    | ${undefined}
    ${'OPEN'} | ${null} | ${'DONE'}    | ${null}
    ${'OPEN'} | ${DAY}  | ${'DONE'}    | ${null}
    ${'DONE'} | ${DAY}  | ${undefined} | ${null}
    ${'DONE'} | ${DAY}  | ${'DONE'}    | ${null}
  `(
    '$status (completedOn $had) given $givenStatus, $givenOn: BAD_USER_INPUT on completedOn',
    ({ status, had, givenStatus, givenOn }) => {
      let error: unknown;
      try {
        completedOnAfter({ status, completedOn: had }, { status: givenStatus, completedOn: givenOn });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'completedOn' });
    },
  );
});

describe('actionOverdue: OPEN and dueDate before today', () => {
  test.each`
    status       | dueDate         | overdue
    ${'OPEN'}    | ${'2026-03-09'} | ${true}
    ${'OPEN'}    | ${'2025-12-31'} | ${true}
    ${'OPEN'}    | ${DAY}          | ${false}
    ${'OPEN'}    | ${'2026-03-11'} | ${false}
    ${'OPEN'}    | ${null}         | ${false}
    ${'DONE'}    | ${'2026-03-09'} | ${false}
    ${'DROPPED'} | ${'2026-03-09'} | ${false}
    ${'DONE'}    | ${null}         | ${false}
  `('$status due $dueDate: $overdue', ({ status, dueDate, overdue }) => {
    expect(actionOverdue({ status, dueDate }, DAY)).toBe(overdue);
  });
});
