import fs from 'node:fs';
import path from 'node:path';
import { parseMinutes } from './minutes-parser';

/** The three published minutes of ../shared/domain/minutes, byte for byte. */
const sample = (name: string) => fs.readFileSync(path.join(__dirname, '../../../test/fixtures/minutes', `${name}.txt`), 'utf8');

describe('the three published minutes', () => {
  test.each([
    [
      'Bradford: a title below "Local democracy", the report\'s "Recommended –" ignored, (1) noted and (2) decided',
      'bradford-family-hubs-update',
      'UPDATE ON FAMILY HUBS PREVENTION AND EARLY HELP IMPLEMENTATION',
      [
        ['1', 'NOTED', 103, 'That the report and progress to date be noted.'],
        [
          '2',
          'DECISION',
          107,
          'That the Committee continues to review, support and scrutinise the on-going co-production of the Family Hubs offer.',
        ],
      ],
    ],
    [
      'Durham: the report\'s a) and b) above "Minutes:" ignored, one unnumbered NOTED',
      'durham-childrens-centres-review',
      "Impact of the Children's Centres Review",
      [[null, 'NOTED', 55, 'That the report and presentation be noted.']],
    ],
    [
      'Integrated Children\'s Services: "RESOLVED:  That ..." on one line, discussion bullets ignored',
      'integrated-childrens-services',
      "Integrated Children's Services",
      [
        [
          null,
          'NOTED',
          65,
          'That the progress towards delivering a new operating model for Children’s Services, and Members’ comments thereon, be noted.',
        ],
      ],
    ],
  ] as const)('%s', (_, name, agendaItem, resolutions) => {
    expect(parseMinutes(sample(name))).toEqual({
      ok: true,
      minutes: {
        agendaItem,
        agendaItemNumber: null,
        resolutions: resolutions.map(([number, kind, line, text]) => ({
          number,
          kind,
          text,
          referredTo: null,
          referralLine: null,
          line,
        })),
      },
    });
  });

  test('each sample read the same with Windows line endings', () => {
    for (const name of ['bradford-family-hubs-update', 'durham-childrens-centres-review', 'integrated-childrens-services']) {
      const text = sample(name);
      expect(parseMinutes(text.replace(/\r?\n/g, '\r\n'))).toEqual(parseMinutes(text));
    }
  });

  test('two samples pasted together: only the first item is read', () => {
    const text = `${sample('durham-childrens-centres-review')}\n\n${sample('integrated-childrens-services')}`;
    const result = parseMinutes(text);
    expect(result.ok && result.minutes.resolutions.map((r) => r.text)).toEqual(['That the report and presentation be noted.']);
  });
});
