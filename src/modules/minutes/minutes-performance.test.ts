import fs from 'node:fs';
import path from 'node:path';
import { parseMinutes } from './minutes-parser';

/**
 * The body limit is 1 MiB: any text that size parses in well under a second, and no input makes
 * a pattern backtrack without bound. Time is the process's CPU time, so that other work on a
 * shared machine does not fail the test; a pattern that backtracked catastrophically would take
 * minutes, not a second.
 */
const MiB = 1 << 20;
const fill = (unit: string) => unit.repeat(Math.ceil(MiB / unit.length)).slice(0, MiB);

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const bradford = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/minutes/bradford-family-hubs-update.txt'), 'utf8');
const discussion = bradford.slice(bradford.indexOf('Minutes:') + 'Minutes:'.length, bradford.indexOf('Resolved –'));
const resolutions = Array.from(
  { length: 40 },
  (_, k) =>
    `(${k + 1})\tThat the Executive be recommended to approve item ${k}, and that it be referred to the Health and Wellbeing Board.\r\n\r\n`,
).join('');

const REALISTIC: [string, string][] = [
  [
    'discussion, then resolutions',
    `Agenda item\n\nTitle\n\nMinutes:\n\n${fill(discussion)}\nResolved –\n\n(1) That the report be noted.\n`,
  ],
  ['thousands of numbered resolutions', `Agenda item\n\nTitle\n\nMinutes:\n\nResolved –\n\n${fill(resolutions)}`],
  ['one resolution a megabyte long', `Title\nRESOLVED: That ${fill('the report and the budget be noted and ')}.`],
];

const PATHOLOGICAL: [string, string][] = [
  ['spaces', fill(' ')],
  ['dots', fill('.')],
  ['opening brackets', fill('(')],
  ['labels on one line', `T\nRESOLVED:\n${fill('(1)')}`],
  ['"a) " on one line', `T\nRESOLVED:\n${fill('a) ')}`],
  ['line ends', fill('\n')],
  ['carriage returns', fill('\r')],
  ['non-breaking spaces and tabs', `T\nRESOLVED: That${fill('\u00a0 \t')}`],
  ['"RESOLVED " on one line', `T\n${fill('RESOLVED ')}`],
  ['"RESOLVED:" on every line', `T\n${fill('RESOLVED:\n')}`],
  ['"to the " after "recommended"', `T\nRESOLVED: That it be recommended ${fill('to the ')}`],
  ['capitalised words after "to"', `T\nRESOLVED: That it be recommended to ${fill('The And ')}`],
  ['digits', `T\nRESOLVED: ${fill('0')}`],
  ['phone-like numbers', `T\nRESOLVED: That ${fill('01234 ')}`],
  ['"@"', `T\n${fill('a@')}`],
  ['"a." repeated', `T\nRESOLVED: That ${fill('a.')}`],
  ['closing brackets', `T\nRESOLVED: That ${fill('))x')}`],
  ['capitals and colons', `T\n${fill('A:')}`],
  ['capital words', `T\nRESOLVED: That ${fill('ACTION BY ')}`],
  ['"it was "', `T\n${fill('it was ')}`],
  ['"the x "', `T\n${fill('the x ')}`],
  ['" noted"', `T\nRESOLVED: That ${fill(' noted')}`],
  ['dashes', `T\nRESOLVED${fill(' –')}`],
  ['"(i)" on every line', `T\nRESOLVED:\n${fill('(i)\n')}`],
  ['a bullet on every line', `T\nRESOLVED:\n${fill('•\n')}`],
  ['an unclosed qualifier', `T\nRESOLVED (${fill('(')}`],
  ['one word a megabyte long', `T\nRESOLVED: That ${fill('x')}`],
  ['paragraphs held after a finished resolution', `T\nRESOLVED:\n(1) That X.\n${fill('Discussion.\n')}(2) That Y.`],
];

describe('1 MiB of minutes', () => {
  test.each(REALISTIC)('%s parses in well under a second', (_, text) => {
    expect(text.length).toBeGreaterThanOrEqual(MiB);
    let ok = false;
    const ms = cpuMs(() => (ok = parseMinutes(text).ok));
    expect(ok).toBe(true);
    expect(ms).toBeLessThan(1000);
  });

  // Alone the slowest of these takes about 1 s of CPU; late in the full suite, with the worker's
  // heap grown, the collector's share took it to 6.5 s. Runaway backtracking over 1 MiB takes
  // hours, so 20 s still tells the two apart.
  test.each(PATHOLOGICAL)('%s: no pattern runs away', (_, text) => {
    expect(text.length).toBeGreaterThanOrEqual(MiB);
    expect(cpuMs(() => parseMinutes(text))).toBeLessThan(20_000);
  });
});
