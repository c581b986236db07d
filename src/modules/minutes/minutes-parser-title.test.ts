import { parsed } from '../../../test/support/minutes-reading';

describe('the agenda item title', () => {
  test.each([
    [
      'the first line after "Agenda item"',
      'Agenda item\n\nBudget Monitoring\n\nMinutes:\n\nRESOLVED: That X be approved.',
      'Budget Monitoring',
      null,
    ],
    [
      '"Agenda item" below the site\'s own heading',
      'Local democracy\n\nAgenda item\n\nUPDATE ON FAMILY HUBS\n\nMinutes:\n\nRESOLVED: That X be approved.',
      'UPDATE ON FAMILY HUBS',
      null,
    ],
    [
      'the rest of an "Agenda item - " line',
      'Agenda item - Budget Monitoring\nMinutes:\nAGREED that X be approved.',
      'Budget Monitoring',
      null,
    ],
    ['an "Agenda item 5:" line', 'Agenda item 5: Budget Monitoring\nAGREED that X be approved.', 'Budget Monitoring', null],
    ['the first line, its number apart', '45. BUDGET MONITORING\n\nRESOLVED – That X be approved.', 'BUDGET MONITORING', '45'],
    ['a number on a line of its own', '45.\n\nBudget Monitoring\n\nRESOLVED – That X be approved.', 'Budget Monitoring', '45'],
    ['"Item 6:"', 'Item 6: Locality Working\nRESOLVED – That X be approved.', 'Locality Working', '6'],
    ['a number before a tab', '12\tLocality Working\nRESOLVED – That X be approved.', 'Locality Working', '12'],
    ['"Minute 46/18 –"', 'Minute 46/18 – Locality Working\nRESOLVED – That X be approved.', 'Locality Working', '46/18'],
    ["a number that is the title's first word", '100 Days Plan\nRESOLVED – That X be approved.', '100 Days Plan', null],
    [
      "without the agenda link's size and pages",
      'Agenda item\n\nBudget Monitoring PDF 245 KB\n\nRESOLVED – That X be approved.',
      'Budget Monitoring',
      null,
    ],
    ['without "(Pages 5 - 20)"', 'Budget Monitoring (Pages 5 - 20)\nRESOLVED – That X be approved.', 'Budget Monitoring', null],
    [
      'after blank lines, a byte-order mark and page furniture',
      '\ufeff\n \n\u00a0\nPage 1\n\nBudget Monitoring\nRESOLVED – That X be approved.',
      'Budget Monitoring',
      null,
    ],
    [
      'an item called "Minutes"',
      'Agenda item\n\nMinutes\n\nMinutes:\n\nRESOLVED – That the minutes be approved.',
      'Minutes',
      null,
    ],
  ])('is %s', (_, text, title, number) => {
    const minutes = parsed(text);
    expect(minutes.agendaItem).toBe(title);
    expect(minutes.agendaItemNumber).toBe(number);
  });
});
