import { page, failure } from '../../../test/support/minutes-reading';

describe('text it cannot read names the line', () => {
  test.each([
    ['empty text', '', 1, /empty/],
    ['only white space', ' \r\n\t\u00a0\n', 1, /empty/],
    ['"Minutes:" first', 'Minutes:\nRESOLVED: That X be approved.', 1, /Line 1 "Minutes:" is not an agenda item title/],
    [
      'a resolution first',
      '\nRESOLVED: That X be approved.',
      2,
      /Line 2 "RESOLVED: That X be approved." is not an agenda item title/,
    ],
    ['"Agenda item" and nothing after it', 'Agenda item\n\n', 1, /Line 1 "Agenda item" has no title after it/],
    [
      'a title too long to be one',
      `${'Budget '.repeat(100)}\nRESOLVED: That X be approved.`,
      1,
      /Line 1 .* is not an agenda item title/,
    ],
    [
      'discussion and no resolution',
      'Agenda item\n\nBudget\n\nMinutes:\n\nMembers discussed the budget.\n\nSupporting documents:',
      5,
      /No resolution found after line 5 "Minutes:"/,
    ],
    ['no "Minutes:" and no resolution', 'Budget\nMembers discussed the budget.', 1, /No resolution found after line 1 "Budget"/],
    ['"RESOLVED:" followed by nothing', page('RESOLVED:'), 7, /Line 7 "RESOLVED:" is followed by no resolution/],
    [
      '"Resolved –" and then the officer\'s contact',
      page('Resolved –\n\nContact Officer: Jane Smith Tel: 01234 567890'),
      7,
      /Line 7/,
    ],
    ['"RESOLVED that:" and no list', page('RESOLVED that:'), 7, /Line 7/],
  ])('%s', (_, text, line, message) => {
    const error = failure(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });
});
