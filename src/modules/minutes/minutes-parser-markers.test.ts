import { page, parsed, found, numbers } from '../../../test/support/minutes-reading';

describe('what opens resolutions', () => {
  test.each([
    ['Resolved –', 'Resolved –\n\nThat X be approved.'],
    ['RESOLVED: on the same line', 'RESOLVED:  That X be approved.'],
    ['Resolved: above', 'Resolved:\n\nThat X be approved.'],
    ['RESOLVED - (hyphen)', 'RESOLVED - That X be approved.'],
    ['Resolved — (em dash)', 'Resolved — That X be approved.'],
    ['RESOLVED:- ', 'RESOLVED:- That X be approved.'],
    ['Resolved, that', 'Resolved, That X be approved.'],
    ['AGREED alone', 'AGREED\n\nThat X be approved.'],
    ['AGREED:', 'AGREED: That X be approved.'],
    ['Agreed –', 'Agreed – That X be approved.'],
    ['DECIDED:', 'DECIDED: That X be approved.'],
    ['Decision:', 'Decision:\n\nThat X be approved.'],
    ['Resolution:', 'Resolution:\nThat X be approved.'],
    ['RESOLVED UNANIMOUSLY:', 'RESOLVED UNANIMOUSLY: That X be approved.'],
    ['Resolved (unanimously) –', 'Resolved (unanimously) – That X be approved.'],
    ['RESOLVED (with Cllr Smith abstaining):', 'RESOLVED (with Cllr Smith abstaining): That X be approved.'],
    ['RESOLVED by 6 votes to 2 –', 'RESOLVED by 6 votes to 2 – That X be approved.'],
    ['It was RESOLVED:', 'It was RESOLVED:\nThat X be approved.'],
    ['The Committee RESOLVED:', 'The Committee RESOLVED:\n\nThat X be approved.'],
    ['The Scrutiny Panel unanimously AGREED:', 'The Scrutiny Panel unanimously AGREED:\nThat X be approved.'],
    ['put to the vote, it was RESOLVED', 'Upon being put to the vote, it was RESOLVED:\n\nThat X be approved.'],
  ])('%s', (_, minutes) => {
    expect(found(page(minutes))).toEqual([[null, 'DECISION', 'That X be approved.']]);
  });

  test.each([
    ['It was resolved that X be approved.', 'that X be approved.'],
    ['It was unanimously agreed that X be approved.', 'that X be approved.'],
    ['AGREED that X be approved.', 'that X be approved.'],
    ['It was moved by Councillor Ali, seconded by Councillor Brown and resolved that X be approved.', 'that X be approved.'],
    ['RESOLVED to approve X.', 'to approve X.'],
    ['The Committee agreed to approve X.', 'to approve X.'],
  ])('"%s": the text from "that" or "to", as written', (minutes, text) => {
    expect(found(page(minutes))).toEqual([[null, 'DECISION', text]]);
  });

  test('"agreed" in the discussion is no resolution', () => {
    const minutes = page(
      'On 3 April 2018, the Council’s Executive agreed to implement the model.\n\n' +
        'The Executive agreed to implement the Family Hubs model from October.\n\n' +
        'A district dashboard was available and it was agreed this would be circulated to Members.\n\n' +
        'Resolved:\n\nThat the report be noted.',
    );
    expect(found(minutes)).toEqual([[null, 'NOTED', 'That the report be noted.']]);
  });

  test('"Decision maker:" and "Decisions of the Cabinet were" open nothing', () => {
    expect(() =>
      parsed(page('Decision maker: Cabinet\n\nDecisions of the Cabinet were discussed.\n\nThat X be approved.')),
    ).toThrow(/No resolution/);
  });

  test('a minute number before RESOLVED', () => {
    expect(found('Budget\n\n23.1 RESOLVED – That X be approved.')).toEqual([[null, 'DECISION', 'That X be approved.']]);
  });

  test('"Minutes: RESOLVED – ..." on one line', () => {
    expect(found('Budget\nMinutes: RESOLVED – That X be approved.')).toEqual([[null, 'DECISION', 'That X be approved.']]);
  });

  test('more than one "Resolved" in an item: every one is read', () => {
    const minutes = page(
      'RESOLVED: That X be approved.\n\nMembers then discussed Y.\n\nRESOLVED:\n(1) That Y be approved.\n(2) That Z be approved.',
    );
    expect(numbers(minutes)).toEqual([null, '1', '2']);
  });
});
