import { MinutesParseError, ParsedMinutes, parseMinutes } from './minutes-parser';

/** The minutes of one item, as a ModernGov "Agenda item" page reads when copied. */
const page = (minutes: string, title = 'Locality Working') =>
  `Agenda item\n\n${title}\n\nMinutes:\n\n${minutes}\n\nSupporting documents:`;

function parsed(text: string): ParsedMinutes {
  const result = parseMinutes(text);
  if (!result.ok) throw new Error(`expected minutes, got ${JSON.stringify(result.error)}`);
  return result.minutes;
}
function failure(text: string): MinutesParseError {
  const result = parseMinutes(text);
  if (result.ok) throw new Error(`expected a parse error, got ${JSON.stringify(result.minutes)}`);
  return result.error;
}
/** [number, kind, text] of each resolution found. */
const found = (text: string) => parsed(text).resolutions.map((r) => [r.number, r.kind, r.text]);
const numbers = (text: string) => parsed(text).resolutions.map((r) => r.number);
const texts = (text: string) => parsed(text).resolutions.map((r) => r.text);

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
    ['It was resolved that', 'It was resolved that X be approved.', 'that X be approved.'],
    ['It was unanimously agreed that', 'It was unanimously agreed that X be approved.', 'that X be approved.'],
    ['AGREED that', 'AGREED that X be approved.', 'that X be approved.'],
    [
      'moved, seconded and resolved that',
      'It was moved by Councillor Ali, seconded by Councillor Brown and resolved that X be approved.',
      'that X be approved.',
    ],
    ['RESOLVED to', 'RESOLVED to approve X.', 'to approve X.'],
    ['The Committee agreed to', 'The Committee agreed to approve X.', 'to approve X.'],
  ])('%s: the text from "that" or "to", as written', (_, minutes, text) => {
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

describe('numbering', () => {
  test.each([
    ['(1) (2) (3)', '(1) That A be approved.\n(2) That B be approved.\n(3) That C be approved.', ['1', '2', '3']],
    ['1) 2) 3)', '1) That A be approved.\n2) That B be approved.\n3) That C be approved.', ['1', '2', '3']],
    ['1. 2. 3.', '1. That A be approved.\n\n2. That B be approved.\n\n3. That C be approved.', ['1', '2', '3']],
    ['(a) (b) (c)', '(a) That A be approved;\n(b) That B be approved; and\n(c) That C be approved.', ['a', 'b', 'c']],
    ['a) b) c)', 'a) That A be approved.\nb) That B be approved.\nc) That C be approved.', ['a', 'b', 'c']],
    ['a. b. c.', 'a. That A be approved.\nb. That B be approved.\nc. That C be approved.', ['a', 'b', 'c']],
    ['A. B. C.', 'A. That A be approved.\nB. That B be approved.\nC. That C be approved.', ['A', 'B', 'C']],
    ['(A) (B)', '(A) That A be approved.\n(B) That B be approved.', ['A', 'B']],
    [
      '(i) (ii) (iii) (iv)',
      '(i) That A be approved.\n(ii) That B be approved.\n(iii) That C be approved.\n(iv) That D be approved.',
      ['i', 'ii', 'iii', 'iv'],
    ],
    ['i) ii)', 'i) That A be approved.\nii) That B be approved.', ['i', 'ii']],
    ['i. ii.', 'i. That A be approved.\nii. That B be approved.', ['i', 'ii']],
    ['I. II. III.', 'I. That A be approved.\nII. That B be approved.\nIII. That C be approved.', ['I', 'II', 'III']],
    ['a number and a tab', '1\tThat A be approved.\n2\tThat B be approved.', ['1', '2']],
    ['decimal 2.1 2.2', '2.1 That A be approved.\n2.2 That B be approved.', ['2.1', '2.2']],
    ['[1] [2]', '[1] That A be approved.\n[2] That B be approved.', ['1', '2']],
    ['(1)That without a space', '(1)That A be approved.\n(2)That B be approved.', ['1', '2']],
    [
      '(v) as the fifth Roman numeral',
      '(i) A.\n(ii) B.\n(iii) C.\n(iv) D.\n(v) E.\n(vi) F.',
      ['i', 'ii', 'iii', 'iv', 'v', 'vi'],
    ],
  ])('%s', (_, minutes, expected) => {
    expect(numbers(page(`RESOLVED:\n\n${minutes}`))).toEqual(expected);
    expect(texts(page(`RESOLVED:\n\n${minutes}`)).every((t) => /^That [A-F] be approved(?:\.|;|; and)$|^[A-F]\.$/.test(t))).toBe(
      true,
    );
  });

  test('letters run on through h), i), j) (i is a letter there, not a Roman one)', () => {
    const list = 'abcdefghij'.split('').map((l) => `${l}) Recommendation ${l.toUpperCase()}.`);
    expect(numbers(page(`RESOLVED:\n${list.join('\n')}`))).toEqual('abcdefghij'.split(''));
  });

  test.each([
    ['•', '•\tThat A be approved.\n•\tThat B be approved.'],
    ['·', '·         That A be approved.\n·         That B be approved.'],
    ['-', '- That A be approved.\n- That B be approved.'],
    ['*', '* That A be approved.\n* That B be approved.'],
    ['Symbol-font bullet', '\uf0b7 That A be approved.\n\uf0b7 That B be approved.'],
  ])('bullets %s: unnumbered resolutions', (_, minutes) => {
    expect(found(page(`RESOLVED:\n${minutes}`))).toEqual([
      [null, 'DECISION', 'That A be approved.'],
      [null, 'DECISION', 'That B be approved.'],
    ]);
  });

  test('a number on its own line, its text below (a flattened table)', () => {
    const minutes = page('RESOLVED:\n\n1\n\nThat A be approved.\n\n2\n\nThat B be approved.');
    expect(found(minutes)).toEqual([
      ['1', 'DECISION', 'That A be approved.'],
      ['2', 'DECISION', 'That B be approved.'],
    ]);
  });

  test('a table of recommendations flattened into lines, header and response cells included', () => {
    const minutes = page(
      'The recommendations to the Executive were:\n\nNo.\tRecommendation\tResponse\n' +
        '1\tThat a single front door be created.\tAgreed\n2\tThat caseloads be reviewed.\tAgreed',
    );
    const result = parsed(minutes).resolutions;
    expect(result.map((r) => [r.number, r.kind, r.referredTo])).toEqual([
      ['1', 'RECOMMENDATION', 'the Executive'],
      ['2', 'RECOMMENDATION', 'the Executive'],
    ]);
    expect(result[0].text).toBe('That a single front door be created. Agreed');
  });

  test('a table whose cells each came out on a line', () => {
    const minutes = page(
      'Recommendations\n\nNo.\n\nRecommendation\n\n1\n\nThat A be done.\n\nAgreed\n\n2\n\nThat B be done.\n\nAgreed',
    );
    expect(found(minutes)).toEqual([
      ['1', 'RECOMMENDATION', 'That A be done.'],
      ['2', 'RECOMMENDATION', 'That B be done.'],
    ]);
  });

  test('"Resolved – (1) ..." with the first resolution on the marker\'s line', () => {
    expect(numbers(page('Resolved – (1) That A be approved;\n(2) That B be approved.'))).toEqual(['1', '2']);
  });
});

describe('nested points belong to the resolution above them', () => {
  test('(a)-(c) under (1) ending in ":"', () => {
    const minutes = page(
      'RESOLVED:\n\n(1) That the Executive be recommended to:\n\n(a) approve the model;\n\n(b) fund it; and\n\n(c) review it in 2019.\n\n(2) That the report be noted.',
    );
    expect(found(minutes)).toEqual([
      [
        '1',
        'RECOMMENDATION',
        'That the Executive be recommended to: (a) approve the model; (b) fund it; and (c) review it in 2019.',
      ],
      ['2', 'NOTED', 'That the report be noted.'],
    ]);
  });

  test('bullets under a numbered resolution', () => {
    const minutes = page(
      'RESOLVED:\n1. That officers:\n• circulate the dashboard;\n• report in six months.\n2. That the report be noted.',
    );
    expect(found(minutes)).toEqual([
      ['1', 'DECISION', 'That officers: • circulate the dashboard; • report in six months.'],
      ['2', 'NOTED', 'That the report be noted.'],
    ]);
  });

  test('(i), (ii) under a) and b) (Roman under letters)', () => {
    const minutes = page(
      'AGREED:\na) That the Panel:\n(i) meets quarterly;\n(ii) reports yearly.\nb) That the report be noted.\nc) That X be approved.',
    );
    expect(numbers(minutes)).toEqual(['a', 'b', 'c']);
    expect(texts(minutes)[0]).toBe('That the Panel: (i) meets quarterly; (ii) reports yearly.');
  });

  test('an unnumbered stem above a list introduces it; each entry is a resolution', () => {
    const minutes = page(
      'RESOLVED that the Committee:\n(a) notes the report;\n(b) agrees to receive a further report in six months.',
    );
    expect(found(minutes)).toEqual([
      ['a', 'NOTED', 'notes the report;'],
      ['b', 'DECISION', 'agrees to receive a further report in six months.'],
    ]);
  });
});

describe('recommendations to another body', () => {
  test("a scrutiny panel's a)-j) after a line naming the Executive", () => {
    const recommendations = 'abcdefghij'
      .split('')
      .map((l, k) => `${l})\tThat recommendation ${k + 1} be taken forward.`)
      .join('\n');
    const minutes = page(
      'Resolved –\n\n(1) That the report be noted.\n\n(2) That the findings of the Panel be endorsed and referred to the Executive.\n\n' +
        `The recommendations to be submitted to the Executive were:\n\n${recommendations}`,
    );
    const result = parsed(minutes).resolutions;
    expect(result.map((r) => [r.number, r.kind, r.referredTo])).toEqual([
      ['1', 'NOTED', null],
      ['2', 'RECOMMENDATION', 'the Executive'],
      ...'abcdefghij'.split('').map((l) => [l, 'RECOMMENDATION', 'the Executive']),
    ]);
    expect(result[2].referralLine).toBe('The recommendations to be submitted to the Executive were:');
    expect(result[11].text).toBe('That recommendation 10 be taken forward.');
  });

  test.each([
    ['RECOMMENDED to Cabinet:', 'RECOMMENDED to Cabinet:\n(1) That A be adopted.\n(2) That B be adopted.', 'Cabinet'],
    ['RECOMMENDATIONS TO CABINET:', 'RECOMMENDATIONS TO CABINET:\n(1) That A be adopted.\n(2) That B be adopted.', 'CABINET'],
    [
      'a stem naming them',
      'RESOLVED – That the following recommendations be made to the Executive:\n(a) That A be adopted.\n(b) That B be adopted.',
      'the Executive',
    ],
    ['"recommends to Council:"', 'The Panel recommends to Council:\n1. That A be adopted.\n2. That B be adopted.', 'Council'],
    [
      '"to the Health and Wellbeing Board"',
      'The Committee AGREED the following recommendations to the Health and Wellbeing Board:\na) That A be adopted.\nb) That B be adopted.',
      'the Health and Wellbeing Board',
    ],
    [
      '"RESOLVED to recommend to full Council that:"',
      'RESOLVED to recommend to full Council that:\n(a) A be adopted.\n(b) B be adopted.',
      'full Council',
    ],
  ])('%s', (_, minutes, body) => {
    const result = parsed(page(minutes)).resolutions;
    expect(result).toHaveLength(2);
    for (const r of result) {
      expect(r.kind).toBe('RECOMMENDATION');
      expect(r.referredTo).toBe(body);
    }
  });

  test.each([
    ['That Council be recommended to approve the budget.', 'Council'],
    ['That Cabinet is asked to approve the budget.', 'Cabinet'],
    ['That the Executive be requested to review the funding.', 'the Executive'],
    ['That it be recommended to Council that the budget be approved.', 'Council'],
    ['That the Committee recommends to Cabinet that the scheme be adopted.', 'Cabinet'],
    ['That the Panel recommend that the Executive adopts the scheme.', 'the Executive'],
    ['That the findings be endorsed and referred to the Executive.', 'the Executive'],
    ['That the scheme be recommended to council for adoption.', 'council'],
    [
      'That the report be forwarded to the Children’s Services Overview and Scrutiny Committee.',
      'the Children’s Services Overview and Scrutiny Committee',
    ],
  ])('"%s" is a RECOMMENDATION to %s', (text, body) => {
    const [r] = parsed(page(`RESOLVED:\n${text}`)).resolutions;
    expect([r.kind, r.referredTo, r.referralLine]).toEqual(['RECOMMENDATION', body, text]);
  });

  test.each([
    'That a further report be submitted to the Committee in six months.',
    'That officers be asked to circulate the dashboard to Members.',
    'That the Committee recommends that officers review the scheme.',
    'That the Commission be kept informed.',
    'That Members’ comments be taken into account.',
  ])('"%s" is a DECISION', (text) => {
    expect(found(page(`RESOLVED:\n${text}`))).toEqual([[null, 'DECISION', text]]);
  });

  test('"Recommended –" (a committee recommending): RECOMMENDATION, or NOTED for noting', () => {
    const minutes = page('Recommended –\n\n(1) That the Executive be asked to fund the scheme.\n\n(2) That the report be noted.');
    expect(parsed(minutes).resolutions.map((r) => [r.kind, r.referredTo])).toEqual([
      ['RECOMMENDATION', 'the Executive'],
      ['NOTED', null],
    ]);
  });
});

describe('NOTED', () => {
  test.each([
    'That the report be noted.',
    'That the report be received and noted.',
    'That the update be noted with thanks.',
    'That the report and presentation be noted',
    'That the contents of the report are noted;',
    'That the Committee notes the report.',
    'That the Children’s Services Overview and Scrutiny Committee note the update.',
    'To note the report.',
    'Noted.',
    'That the minutes of the Panel be received.',
  ])('"%s"', (text) => {
    expect(found(page(`RESOLVED:\n${text}`))).toEqual([[null, 'NOTED', text]]);
  });

  test.each([
    'That the report be noted and that officers report back in six months.',
    'That the Committee notes the report and agrees to receive a further update in March.',
    'That the report be noted, that officers report back.',
  ])('"%s" also decides: a DECISION', (text) => {
    expect(found(page(`RESOLVED:\n${text}`))).toEqual([[null, 'DECISION', text]]);
  });

  test('"NOTED:" as the marker', () => {
    expect(found(page('NOTED:\n\nThe report and the update on Family Hubs.'))).toEqual([
      [null, 'NOTED', 'The report and the update on Family Hubs.'],
    ]);
  });
});

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

describe("a resolution's text", () => {
  test('runs over paragraphs that continue it', () => {
    const minutes = page(
      'RESOLVED:\n\n(1) That the Executive approve:\n\nthe revised model, and\n\nthe budget for 2019/20.\n\n(2) That the report be noted.',
    );
    expect(texts(minutes)).toEqual([
      'That the Executive approve: the revised model, and the budget for 2019/20.',
      'That the report be noted.',
    ]);
  });

  test('joins lines wrapped by a PDF copy', () => {
    expect(texts(page('RESOLVED:\n(1) That the report and\nprogress to date be\nnoted.\n(2) That X be approved.'))).toEqual([
      'That the report and progress to date be noted.',
      'That X be approved.',
    ]);
  });

  test('keeps a paragraph between two resolutions with the first', () => {
    const minutes = page(
      'RESOLVED:\n\n(1) That the model be approved.\n\nThe model will be reviewed after twelve months.\n\n(2) That the report be noted.',
    );
    expect(texts(minutes)[0]).toBe('That the model be approved. The model will be reviewed after twelve months.');
  });

  test('after the last resolution, runs to the closing line', () => {
    const minutes = page(
      'RESOLVED:\n\n(1) That the model be approved.\n\nThe model will be reviewed after twelve months.\n\nPage 3\n\n(For 6, Against 2)',
    );
    expect(texts(minutes)).toEqual(['That the model be approved. The model will be reviewed after twelve months.']);
  });

  test('discussion between two "RESOLVED" belongs to neither', () => {
    const minutes = page(
      'RESOLVED: That X be approved.\n\nMembers then discussed Y.\n\n• Points raised included staffing.\n\nRESOLVED: That Y be approved.',
    );
    expect(texts(minutes)).toEqual(['That X be approved.', 'That Y be approved.']);
  });

  test('each "That ..." paragraph under one marker is a resolution', () => {
    const minutes = page(
      'RESOLVED:\n\nThat the update be noted.\n\nThat the Commission be kept informed.\n\nThat Members’ comments be taken into account.',
    );
    expect(found(minutes)).toEqual([
      [null, 'NOTED', 'That the update be noted.'],
      [null, 'DECISION', 'That the Commission be kept informed.'],
      [null, 'DECISION', 'That Members’ comments be taken into account.'],
    ]);
  });

  test('"To ..." paragraphs too', () => {
    expect(found(page('RESOLVED:\nTo note the report.\nTo approve the plan.'))).toEqual([
      [null, 'NOTED', 'To note the report.'],
      [null, 'DECISION', 'To approve the plan.'],
    ]);
  });

  test('a "That" paragraph that continues an unfinished one joins it', () => {
    expect(texts(page('RESOLVED:\nThat the Committee agrees\nThat officers report back.'))).toEqual([
      'That the Committee agrees That officers report back.',
    ]);
  });

  test('keeps smart quotes, dashes and symbols verbatim; collapses every kind of space', () => {
    const minutes = page('RESOLVED:\u00a0\u00a0That\tthe ‘front door’ – as “agreed” – cost £1.4m\u2009in\u00a0\u00a02011/12.');
    expect(texts(minutes)).toEqual(['That the ‘front door’ – as “agreed” – cost £1.4m in 2011/12.']);
  });

  test('drops zero-width characters and soft hyphens', () => {
    expect(texts(page('RESOLVED: That the re\u00adorganisation\u200b be noted.'))).toEqual(['That the reorganisation be noted.']);
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

describe('line endings and spacing', () => {
  const minutes =
    'Agenda item\n\nLocality Working\n\nMinutes:\n\nResolved –\n\n(1)\tThat the report be noted.\n\n(2)\tThat X be approved.\n\nSupporting documents:';
  const expected = found(minutes);

  test.each([
    ['CRLF', minutes.replace(/\n/g, '\r\n')],
    ['CR', minutes.replace(/\n/g, '\r')],
    ['non-breaking spaces', minutes.replace(/ /g, '\u00a0')],
    ['blank lines of non-breaking spaces', minutes.replace(/\n\n/g, '\n\u00a0\n')],
    ['tabs and trailing spaces', minutes.replace(/\n/g, ' \t\n')],
    ['Unicode line separators', minutes.replace(/\n/g, '\u2028')],
  ])('%s read as LF', (_, text) => {
    expect(found(text)).toEqual(expected);
  });

  test('line numbers count CRLF as one line end', () => {
    expect(parsed(minutes.replace(/\n/g, '\r\n')).resolutions.map((r) => r.line)).toEqual([9, 11]);
  });
});

describe("councils' own styles", () => {
  const read = (text: string) =>
    parsed(text).resolutions.map((r) => `[${r.number}] ${r.kind}${r.referredTo ? ` -> ${r.referredTo}` : ''}: ${r.text}`);

  test('a minutes document: numbered items, points in the discussion, the next item not read', () => {
    const text =
      '45\tFAMILY HUBS UPDATE\n\nThe Director submitted a report.\n\nMembers discussed:\n1. Staffing\n2. Budget pressures\n\n' +
      'RESOLVED – That the contents of the report be noted.\n\n46\tBUDGET MONITORING\nRESOLVED – That the budget be approved.';
    expect(parsed(text).agendaItem).toBe('FAMILY HUBS UPDATE');
    expect(read(text)).toEqual(['[null] NOTED: That the contents of the report be noted.']);
  });

  test('a Cabinet decision page: "Decision:", a stem, reasons and options after', () => {
    const text =
      'Agenda item\n\nDecisions - Locality Working\n\nDecision:\n\nRESOLVED that Cabinet:\n\n(1) approves the continuation of locality working;\n\n' +
      '(2) delegates authority to the Director to roll out the model; and\n\n(3) notes that looked-after children numbers remain high.\n\n' +
      'Reasons for decision:\n\nTo target early help.\n\nAlternative options considered:\n\nNone.';
    expect(parsed(text).agendaItem).toBe('Decisions - Locality Working');
    expect(read(text)).toEqual([
      '[1] DECISION: approves the continuation of locality working;',
      '[2] DECISION: delegates authority to the Director to roll out the model; and',
      '[3] NOTED: notes that looked-after children numbers remain high.',
    ]);
  });

  test("approving a report's recommendations is a decision; making them to the Executive is not", () => {
    const text = page(
      'It was RESOLVED that the recommendations set out in the report be approved, namely:\n\n(a) That locality working continue;\n(b) That practitioners be recruited.\n\n' +
        'The Committee AGREED to make the following recommendations to the Executive:\n\ni) That the roll-out be by priority need;\nii) That a dashboard be circulated to Members.\n\n' +
        'ACTION: Head of Early Help',
    );
    expect(read(text)).toEqual([
      '[a] DECISION: That locality working continue;',
      '[b] DECISION: That practitioners be recruited.',
      '[i] RECOMMENDATION -> the Executive: That the roll-out be by priority need;',
      '[ii] RECOMMENDATION -> the Executive: That a dashboard be circulated to Members.',
    ]);
  });

  test('"AGREED:" with numbered clauses that leave out "That"', () => {
    const text = page(
      'Members raised the following points:\n\n·         Funding was for two years only.\n\n \n\nAGREED:\n\n \n\n1.    The update be noted.\n\n' +
        "2.    The Commission be kept informed of progress.\n\n3.    Members' comments be taken into account.\n\n \n\nContact: Jane Smith, 0121 303 1234",
    );
    expect(read(text)).toEqual([
      '[1] NOTED: The update be noted.',
      '[2] DECISION: The Commission be kept informed of progress.',
      "[3] DECISION: Members' comments be taken into account.",
    ]);
  });

  test('"RESOLVED to RECOMMEND to Cabinet:", a vote line, then the next item', () => {
    const text =
      "7.\tIntegrated Children's Services (Pages 13 - 40)\n\nThe Committee RESOLVED to RECOMMEND to Cabinet:\n1.\tThat the model be adopted;\n" +
      '2.\tThat savings of £552K per year be confirmed.\n(Voting: For 7, Against 0)\n\n8.\tExclusion of the Press and Public\n\nRESOLVED – That the public be excluded.';
    expect(parsed(text)).toMatchObject({ agendaItem: "Integrated Children's Services", agendaItemNumber: '7' });
    expect(read(text)).toEqual([
      '[1] RECOMMENDATION -> Cabinet: That the model be adopted;',
      '[2] RECOMMENDATION -> Cabinet: That savings of £552K per year be confirmed.',
    ]);
  });

  test('"Recommendation 1:" numbering, and a noting stem above bullets', () => {
    const text = page(
      'The Panel considered its draft recommendations.\n\nRecommendation 1: That the Executive increase the number of practitioners.\n\n' +
        'Recommendation 2 – That numbers be reported to the Panel in six months.\n\nResolved – that the Committee notes:\n• the progress made;\n• the risks identified.',
    );
    expect(read(text)).toEqual([
      '[1] RECOMMENDATION -> the Executive: That the Executive increase the number of practitioners.',
      '[2] RECOMMENDATION: That numbers be reported to the Panel in six months.',
      '[null] NOTED: the progress made;',
      '[null] NOTED: the risks identified.',
    ]);
  });

  test('an unfinished clause running into a lower-case paragraph', () => {
    const text = page(
      'Resolved:\n\nThat the report be noted, and\n\nthat the Committee receive a further report in six months.\n\nThat a working group be set up.',
    );
    expect(read(text)).toEqual([
      '[null] DECISION: That the report be noted, and that the Committee receive a further report in six months.',
      '[null] DECISION: That a working group be set up.',
    ]);
  });

  test('"RECOMMENDED: That the Executive be asked to:" above (a) and (b)', () => {
    expect(read(page('RECOMMENDED: That the Executive be asked to:\n(a) fund the scheme;\n(b) review it in 2019.'))).toEqual([
      '[a] RECOMMENDATION -> the Executive: fund the scheme;',
      '[b] RECOMMENDATION -> the Executive: review it in 2019.',
    ]);
  });

  test("a closing label within the resolution's line", () => {
    expect(read(page('RESOLVED: That the report be noted. ACTION: Director of Children’s Services'))).toEqual([
      '[null] NOTED: That the report be noted.',
    ]);
    expect(read(page('RESOLVED:\n(1) That X be approved. Supporting documents: Report PDF 12 KB'))).toEqual([
      '[1] DECISION: That X be approved.',
    ]);
  });

  test('"the Council’s response" names no body', () => {
    expect(read(page('RESOLVED: That the Council’s response be endorsed.'))).toEqual([
      '[null] DECISION: That the Council’s response be endorsed.',
    ]);
  });

  test('"i)" after "h)" is the letter, not the Roman one', () => {
    const list = 'abcdefgh'.split('').map((l) => `${l}) That ${l} be done.`);
    expect(numbers(page(`RESOLVED:\n${list.join('\n')}\ni) That i be done.\nj) That j be done.`))).toEqual([...'abcdefghij']);
  });
});

describe('more layouts', () => {
  test('"RESOLVED (1) That ..." with the number straight after the word', () => {
    expect(numbers(page('RESOLVED (1) That A be approved.\n(2) That B be approved.'))).toEqual(['1', '2']);
  });

  test('Word\'s second-level "o" bullets under a first-level bullet', () => {
    expect(
      found(page('RESOLVED:\n•\tThat officers:\no\tcirculate the dashboard;\no\treport back.\n•\tThat the report be noted.')),
    ).toEqual([
      [null, 'DECISION', 'That officers: o circulate the dashboard; o report back.'],
      [null, 'NOTED', 'That the report be noted.'],
    ]);
  });

  test('a number before a single space opens no list ("12 FTE ...")', () => {
    expect(texts(page('RESOLVED: That the loss of\n12 FTE posts be noted.'))).toEqual([
      'That the loss of 12 FTE posts be noted.',
    ]);
  });

  test('"e.g." and "No. 5" are not numbering', () => {
    expect(texts(page('RESOLVED:\n(1) That the services be joined,\ne.g. early years and youth, with\nNo. 5 excepted.'))).toEqual(
      ['That the services be joined, e.g. early years and youth, with No. 5 excepted.'],
    );
  });

  test('a numbered line straight after "RESOLVED:" is a resolution even when it reads like a heading', () => {
    expect(found(page('RESOLVED:\n1. Approve the Budget Strategy\n2. Fund the Plan'))).toEqual([
      ['1', 'DECISION', 'Approve the Budget Strategy'],
      ['2', 'DECISION', 'Fund the Plan'],
    ]);
  });

  test('points under an entry ending ":" that read like headings stay in it', () => {
    expect(
      texts(
        page(
          'RESOLVED:\n(1) That Cabinet be recommended to:\n1. Approve the Budget Strategy;\n2. Fund the Plan\n(2) That the report be noted.',
        ),
      ),
    ).toEqual(['That Cabinet be recommended to: 1. Approve the Budget Strategy; 2. Fund the Plan', 'That the report be noted.']);
  });
});
