import { page, found, numbers, texts } from '../../../test/support/minutes-reading';

describe('only the minutes are read', () => {
  test('the report\'s own "Recommended –" above "Minutes:" is no resolution', () => {
    const text =
      'Agenda item\n\nUPDATE ON FAMILY HUBS\n\nThe Strategic Director will submit Document “B”.\n\nRecommended –\n\n' +
      'Shipley Area Committee is asked to note the report.\n\n(Jim Hopkinson – 01274 432904)\n\nMinutes:\n\nResolved –\n\n(1) That the report be noted.';
    expect(found(text)).toEqual([['1', 'NOTED', 'That the report be noted.']]);
  });

  test('the report\'s a) and b) above "Minutes:" are not resolutions', () => {
    const text =
      'Agenda item\n\nImpact of the Review\n\na)    Joint Report of the Director\n\nb)    Presentation by the Strategic Manager\n\n' +
      'Minutes:\n\nResolved:\n\nThat the report and presentation be noted.';
    expect(found(text)).toEqual([[null, 'NOTED', 'That the report and presentation be noted.']]);
  });

  test('a decision page: only what follows "Decision:" counts', () => {
    const text =
      'Agenda item\n\nBudget Proposals\n\nPurpose:\n\nTo set the budget.\n\nRecommendations:\n\nThat Cabinet approve the budget.\n\n' +
      'Decision:\n\nThat the budget be approved as amended.\n\nReasons for the decision:\n\nTo set a balanced budget.';
    expect(found(text)).toEqual([[null, 'DECISION', 'That the budget be approved as amended.']]);
  });

  test('bullets in the discussion are not resolutions', () => {
    const minutes = page(
      'In response to Members’ questions, it was reported that:\n\n·         There would be four localities.\n\n·         Events were due in July.\n\nResolved:\n\nThat the report be noted.',
    );
    expect(found(minutes)).toEqual([[null, 'NOTED', 'That the report be noted.']]);
  });
});

describe("where a resolution's text stops", () => {
  test.each([
    ['Supporting documents:', 'Supporting documents:'],
    ['Supporting documents without a colon', 'Supporting documents'],
    ["an officer's contact line", 'Contact Officer: Jane Smith, Tel: 01234 567890'],
    ['a phone number in brackets', '(Jim Hopkinson – 01274 432904)'],
    ['an e-mail address', 'jane.smith@council.gov.uk'],
    ['Lead officer:', 'Lead officer: Director of Children’s Services'],
    ['Reason for decision', 'Reason for decision\nTo deliver the savings that were agreed.'],
    ['Alternative options considered:', 'Alternative options considered: none were considered.'],
    ['ACTION:', 'ACTION: Strategic Director, Children’s Services'],
    ['Action by:', 'Action by: Head of Service'],
    ['a label in capitals', 'OVERVIEW AND SCRUTINY COMMITTEE: Children’s Services'],
    ['NOTE:', 'NOTE: Councillor Smith left the meeting'],
    ["the next item's number and heading", '46. BUDGET MONITORING 2018/19\n\nRESOLVED: That the budget be approved.'],
    ["the next item's number and title", '46\tBudget monitoring\nRESOLVED: That the budget be approved.'],
    ['"Item 7:"', 'Item 7: Budget Monitoring\nRESOLVED: That the budget be approved.'],
    ['the next item\'s "Agenda item"', 'Agenda item\n\nBudget\n\nMinutes:\n\nRESOLVED: That the budget be approved.'],
    ['the next item\'s "Minutes:"', 'Minutes:\n\nRESOLVED: That the budget be approved.'],
    ['a heading in capitals', 'EXCLUSION OF THE PUBLIC\n\nThat is all.'],
  ])('%s', (_, after) => {
    const text = `Agenda item\n\nLocality Working\n\nMinutes:\n\nRESOLVED:\n(1) That the report be noted.\n(2) That X be approved\nin full.\n${after}`;
    expect(texts(text)).toEqual(['That the report be noted.', 'That X be approved in full.']);
  });

  test.each([
    ['a vote', 'For: 6 Against: 2 Abstentions: 1'],
    ['a vote in brackets', '(For 6, Against 2)'],
    ['a vote counted the other way', '(6 for, 2 against)'],
    ['unanimous', '(Unanimous)'],
    ['carried', 'Carried.'],
    ['a page number', 'Page 12'],
    ['a page footer', '- 12 -'],
    ['a note in brackets', '(Councillor Smith abstained from voting.)'],
  ])('%s between two resolutions is skipped and the list goes on', (_, line) => {
    expect(texts(page(`RESOLVED:\n(1) That X be approved.\n${line}\n(2) That Y be approved.`))).toEqual([
      'That X be approved.',
      'That Y be approved.',
    ]);
  });

  test('a page break inside a resolution', () => {
    expect(texts(page('RESOLVED:\n(1) That the report and\n\nPage 12\n\nprogress be noted.'))).toEqual([
      'That the report and progress be noted.',
    ]);
  });

  test('a response column\'s "Agreed" inside a list opens nothing', () => {
    expect(numbers(page('RESOLVED:\n(1) That X be approved.\nAgreed\n(2) That Y be approved.'))).toEqual(['1', '2']);
  });

  test('"For 2019/20, ..." inside a resolution is text, not a vote', () => {
    expect(texts(page('RESOLVED:\n(1) That the budget be set\nFor 2019/20 at £40.8m.'))).toEqual([
      'That the budget be set For 2019/20 at £40.8m.',
    ]);
  });
});
