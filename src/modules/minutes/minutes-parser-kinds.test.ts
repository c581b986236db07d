import { page, parsed, found } from '../../../test/support/minutes-reading';

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

  test('"Recommended –" (a committee recommending): RECOMMENDATION, or NOTED for noting', () => {
    const minutes = page('Recommended –\n\n(1) That the Executive be asked to fund the scheme.\n\n(2) That the report be noted.');
    expect(parsed(minutes).resolutions.map((r) => [r.kind, r.referredTo])).toEqual([
      ['RECOMMENDATION', 'the Executive'],
      ['NOTED', null],
    ]);
  });
});

describe('one resolution, NOTED or a DECISION', () => {
  /** Resolutions by the kind they are, and why. */
  const kinds: [kind: string, why: string, texts: string[]][] = [
    [
      'NOTED',
      'it notes or receives',
      [
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
      ],
    ],
    [
      'DECISION',
      'it notes and also decides',
      [
        'That the report be noted and that officers report back in six months.',
        'That the Committee notes the report and agrees to receive a further update in March.',
        'That the report be noted, that officers report back.',
      ],
    ],
    [
      'DECISION',
      'it refers nothing to another body',
      [
        'That a further report be submitted to the Committee in six months.',
        'That officers be asked to circulate the dashboard to Members.',
        'That the Committee recommends that officers review the scheme.',
        'That the Commission be kept informed.',
        'That Members’ comments be taken into account.',
      ],
    ],
  ];
  test.each(kinds.flatMap(([kind, why, texts]) => texts.map((text) => [text, kind, why])))('"%s" is %s: %s', (text, kind) => {
    expect(found(page(`RESOLVED:\n${text}`))).toEqual([[null, kind, text]]);
  });

  test('"NOTED:" as the marker', () => {
    expect(found(page('NOTED:\n\nThe report and the update on Family Hubs.'))).toEqual([
      [null, 'NOTED', 'The report and the update on Family Hubs.'],
    ]);
  });
});
