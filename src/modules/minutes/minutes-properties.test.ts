import fc from 'fast-check';
import { MinutesParse, parseMinutes } from './minutes-parser';

// the pieces minutes are made of, and the ones that trip parsers up
const PIECES = [
  'Agenda item',
  'Minutes:',
  'Minutes',
  'Local democracy',
  'UPDATE ON FAMILY HUBS',
  '45. BUDGET MONITORING',
  'RESOLVED:',
  'Resolved –',
  'RESOLVED - That the report be noted.',
  'AGREED that X be approved',
  'It was resolved that',
  'Decision:',
  'Recommended –',
  'Noted.',
  'Agreed',
  'The recommendations to be submitted to the Executive were:',
  'That the report be noted.',
  'That Cabinet be recommended to:',
  'That',
  'to the Executive',
  '(1)',
  '(1) That A be approved;',
  '2)',
  '3.',
  '(a)',
  'b)',
  'i)',
  '(iv)',
  'A.',
  '2.1',
  '•',
  '·         ',
  '- ',
  '* item',
  '1\t',
  'Supporting documents:',
  'Contact Officer: Jane Smith Tel: 01234 567890',
  '(Jim Hopkinson – 01274 432904)',
  'ACTION: Director',
  'OVERVIEW AND SCRUTINY COMMITTEE: Children’s Services',
  'Reason for decision',
  'For: 6 Against: 2',
  'Page 12',
  '(Unanimous)',
  '',
  ' ',
  '\u00a0',
  '\t',
  '–',
  '—',
  '‘',
  '”',
  '(',
  ')',
  ':',
  '.',
  'x'.repeat(600),
];
const LINE_ENDS = ['\n', '\r\n', '\r', '\n\n', '\u2028', '\f'];

const minutesLike = fc
  .array(fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }), fc.constantFrom(...LINE_ENDS)), { maxLength: 40 })
  .map((lines) => lines.map(([pieces, end]) => pieces.join(' ') + end).join(''));
const anyText = fc.oneof(
  minutesLike,
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const lineCount = (text: string) => text.split(/\r\n|[\n\r\f\v\u2028\u2029]/).length;
const collapsed = (text: string) => text === text.replace(/\s+/g, ' ').trim() && text !== '';

/** What holds of every answer, whatever the text. */
function checkAnswer(text: string, result: MinutesParse): void {
  const lines = lineCount(text);
  if (!result.ok) {
    expect(result.error.line).toBeGreaterThanOrEqual(1);
    expect(result.error.line).toBeLessThanOrEqual(lines);
    expect(result.error.message).toContain(result.error.line === 1 && !text.trim() ? 'line 1' : `${result.error.line}`);
    return;
  }
  const { agendaItem, resolutions } = result.minutes;
  expect(collapsed(agendaItem)).toBe(true);
  expect(agendaItem.length).toBeLessThanOrEqual(500);
  expect(resolutions.length).toBeGreaterThan(0);
  let previous = 0;
  for (const r of resolutions) {
    expect(collapsed(r.text)).toBe(true);
    expect(['DECISION', 'RECOMMENDATION', 'NOTED']).toContain(r.kind);
    if (r.number !== null) expect(r.number).toMatch(/^[0-9A-Za-z]+(?:\.[0-9]+)*$/);
    expect(r.referralLine === null).toBe(r.kind !== 'RECOMMENDATION');
    if (r.kind !== 'RECOMMENDATION') expect(r.referredTo).toBeNull();
    expect(r.line).toBeGreaterThanOrEqual(previous);
    expect(r.line).toBeLessThanOrEqual(lines);
    previous = r.line;
  }
}

describe('parseMinutes on any text', () => {
  test('answers minutes or a parse error naming a line, and never throws', () => {
    fc.assert(
      fc.property(anyText, (text) => checkAnswer(text, parseMinutes(text))),
      { numRuns: 3000 },
    );
  });

  test('reads CRLF, CR and LF line ends alike', () => {
    fc.assert(
      fc.property(minutesLike, (text) => {
        const lf = text.replace(/\r\n?/g, '\n');
        expect(parseMinutes(lf.replace(/\n/g, '\r\n'))).toEqual(parseMinutes(lf));
        expect(parseMinutes(lf.replace(/\n/g, '\r'))).toEqual(parseMinutes(lf));
      }),
      { numRuns: 500 },
    );
  });

  test('reads non-breaking spaces as spaces', () => {
    fc.assert(
      fc.property(minutesLike, (text) => {
        expect(parseMinutes(text.replace(/ /g, '\u00a0'))).toEqual(parseMinutes(text));
      }),
      { numRuns: 500 },
    );
  });
});

// a list as clerks number it: the labels and what a resolution's number is then
const STYLES: [string, (k: number) => string, (k: number) => string | null][] = [
  ['(1)', (k) => `(${k})`, (k) => `${k}`],
  ['1)', (k) => `${k})`, (k) => `${k}`],
  ['1.', (k) => `${k}.`, (k) => `${k}`],
  ['(a)', (k) => `(${letter(k)})`, (k) => letter(k)],
  ['a)', (k) => `${letter(k)})`, (k) => letter(k)],
  ['a.', (k) => `${letter(k)}.`, (k) => letter(k)],
  ['A.', (k) => `${letter(k).toUpperCase()}.`, (k) => letter(k).toUpperCase()],
  ['(i)', (k) => `(${roman(k)})`, (k) => roman(k)],
  ['i)', (k) => `${roman(k)})`, (k) => roman(k)],
  ['I.', (k) => `${roman(k).toUpperCase()}.`, (k) => roman(k).toUpperCase()],
  ['1<tab>', (k) => `${k}\t`, (k) => `${k}`],
  ['•', () => '•', () => null],
  ['-', () => '-', () => null],
];
const letter = (k: number) => String.fromCharCode(96 + k);
const roman = (k: number) => ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][k - 1];

const WORDS = [
  'the',
  'budget',
  'plan',
  'staff',
  'review',
  'services',
  'family',
  'hubs',
  'in',
  '2019/20',
  '£1.4m',
  'Members’',
  '“front',
  'door”',
];
const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 })
  .map((w) => `That ${w.join(' ')} be approved.`);
const gap = fc.constantFrom(' ', '  ', '\t', '\u00a0\u00a0', '       ');
const end = fc.constantFrom('\n', '\r\n', '\n\n', '\r\n\u00a0\r\n');
const opening = fc.constantFrom(
  'RESOLVED:',
  'Resolved –',
  'RESOLVED -',
  'AGREED:',
  'It was RESOLVED:',
  'Decision:',
  'RESOLVED UNANIMOUSLY:',
);
const discussion = fc.array(
  fc.constantFrom(
    'Members asked about staffing.',
    'It was reported that events were due in July.',
    '·         There would be four localities.',
  ),
  {
    maxLength: 3,
  },
);
const closing = fc.constantFrom(
  'Supporting documents:',
  'ACTION: Director',
  '(Jim Hopkinson – 01274 432904)',
  '46. BUDGET MONITORING',
  '',
);
// lines that may fall between two resolutions and are neither
const furniture = fc.constantFrom(
  '',
  'Page 12',
  '- 3 -',
  'For: 6 Against: 2',
  '(Unanimous)',
  '(Councillor Ali abstained.)',
  '\u00a0',
);

describe('minutes written to each convention read back as written', () => {
  test('every resolution, its number and its text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STYLES),
        fc.array(sentence, { minLength: 1, maxLength: 12 }),
        fc.record({ gap, end, opening, discussion, closing, furniture }),
        ([, label, number], sentences, { gap, end, opening, discussion, closing, furniture }) => {
          const list = sentences.flatMap((s, k) => [`${label(k + 1)}${gap}${s}`, furniture]);
          const text = ['Agenda item', 'Locality Working', 'Minutes:', ...discussion, opening, ...list, closing].join(end);
          const result = parseMinutes(text);
          expect(result.ok && result.minutes.resolutions.map((r) => [r.number, r.text])).toEqual(
            sentences.map((s, k) => [number(k + 1), s]),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
