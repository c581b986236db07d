import { page, parsed, found, numbers, read, texts } from '../../../test/support/minutes-reading';

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

  test('"Resolved – (1) ..." with the first resolution on the marker\'s line', () => {
    expect(numbers(page('Resolved – (1) That A be approved;\n(2) That B be approved.'))).toEqual(['1', '2']);
  });

  test('"RESOLVED (1) That ..." with the number straight after the word', () => {
    expect(numbers(page('RESOLVED (1) That A be approved.\n(2) That B be approved.'))).toEqual(['1', '2']);
  });

  test('"i)" after "h)" is the letter, not the Roman one', () => {
    const list = 'abcdefgh'.split('').map((l) => `${l}) That ${l} be done.`);
    expect(numbers(page(`RESOLVED:\n${list.join('\n')}\ni) That i be done.\nj) That j be done.`))).toEqual([...'abcdefghij']);
  });
});

describe('where each resolution starts, and what belongs to it', () => {
  test.each([
    [
      'a number on its own line, its text below (a flattened table)',
      'RESOLVED:\n\n1\n\nThat A be approved.\n\n2\n\nThat B be approved.',
      ['[1] DECISION: That A be approved.', '[2] DECISION: That B be approved.'],
    ],
    [
      'a table whose cells each came out on a line',
      'Recommendations\n\nNo.\n\nRecommendation\n\n1\n\nThat A be done.\n\nAgreed\n\n2\n\nThat B be done.\n\nAgreed',
      ['[1] RECOMMENDATION: That A be done.', '[2] RECOMMENDATION: That B be done.'],
    ],
    [
      'a numbered line straight after "RESOLVED:" is a resolution even when it reads like a heading',
      'RESOLVED:\n1. Approve the Budget Strategy\n2. Fund the Plan',
      ['[1] DECISION: Approve the Budget Strategy', '[2] DECISION: Fund the Plan'],
    ],
    [
      '(a)-(c) under (1) ending in ":"',
      'RESOLVED:\n\n(1) That the Executive be recommended to:\n\n(a) approve the model;\n\n(b) fund it; and\n\n(c) review it in 2019.\n\n(2) That the report be noted.',
      [
        '[1] RECOMMENDATION -> the Executive: That the Executive be recommended to: (a) approve the model; (b) fund it; and (c) review it in 2019.',
        '[2] NOTED: That the report be noted.',
      ],
    ],
    [
      'bullets under a numbered resolution',
      'RESOLVED:\n1. That officers:\n• circulate the dashboard;\n• report in six months.\n2. That the report be noted.',
      ['[1] DECISION: That officers: • circulate the dashboard; • report in six months.', '[2] NOTED: That the report be noted.'],
    ],
    [
      'Word\'s second-level "o" bullets under a first-level bullet',
      'RESOLVED:\n•\tThat officers:\no\tcirculate the dashboard;\no\treport back.\n•\tThat the report be noted.',
      ['[null] DECISION: That officers: o circulate the dashboard; o report back.', '[null] NOTED: That the report be noted.'],
    ],
    [
      'an unnumbered stem above a list introduces it; each entry is a resolution',
      'RESOLVED that the Committee:\n(a) notes the report;\n(b) agrees to receive a further report in six months.',
      ['[a] NOTED: notes the report;', '[b] DECISION: agrees to receive a further report in six months.'],
    ],
  ])('%s', (_, minutes, expected) => {
    expect(read(page(minutes))).toEqual(expected);
  });

  test('(i), (ii) under a) and b) (Roman under letters)', () => {
    const minutes = page(
      'AGREED:\na) That the Panel:\n(i) meets quarterly;\n(ii) reports yearly.\nb) That the report be noted.\nc) That X be approved.',
    );
    expect(numbers(minutes)).toEqual(['a', 'b', 'c']);
    expect(texts(minutes)[0]).toBe('That the Panel: (i) meets quarterly; (ii) reports yearly.');
  });
});

describe('text that looks numbered but is not', () => {
  test.each([
    [
      'points under an entry ending ":" that read like headings stay in it',
      'RESOLVED:\n(1) That Cabinet be recommended to:\n1. Approve the Budget Strategy;\n2. Fund the Plan\n(2) That the report be noted.',
      ['That Cabinet be recommended to: 1. Approve the Budget Strategy; 2. Fund the Plan', 'That the report be noted.'],
    ],
    [
      'a number before a single space opens no list ("12 FTE ...")',
      'RESOLVED: That the loss of\n12 FTE posts be noted.',
      ['That the loss of 12 FTE posts be noted.'],
    ],
    [
      '"e.g." and "No. 5" are not numbering',
      'RESOLVED:\n(1) That the services be joined,\ne.g. early years and youth, with\nNo. 5 excepted.',
      ['That the services be joined, e.g. early years and youth, with No. 5 excepted.'],
    ],
  ])('%s', (_, minutes, expected) => {
    expect(texts(page(minutes))).toEqual(expected);
  });
});
