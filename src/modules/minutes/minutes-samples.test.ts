import fs from 'node:fs';
import path from 'node:path';
import { parseMinutes } from './minutes-parser';

/** The three published minutes of ../shared/domain/minutes, byte for byte. */
const sample = (name: string) => fs.readFileSync(path.join(__dirname, '../../../test/fixtures/minutes', `${name}.txt`), 'utf8');

describe('the three published minutes', () => {
  test('Bradford: a title below "Local democracy", the report\'s "Recommended –" ignored, (1) noted and (2) decided', () => {
    expect(parseMinutes(sample('bradford-family-hubs-update'))).toEqual({
      ok: true,
      minutes: {
        agendaItem: 'UPDATE ON FAMILY HUBS PREVENTION AND EARLY HELP IMPLEMENTATION',
        agendaItemNumber: null,
        resolutions: [
          {
            number: '1',
            kind: 'NOTED',
            text: 'That the report and progress to date be noted.',
            referredTo: null,
            referralLine: null,
            line: 103,
          },
          {
            number: '2',
            kind: 'DECISION',
            text: 'That the Committee continues to review, support and scrutinise the on-going co-production of the Family Hubs offer.',
            referredTo: null,
            referralLine: null,
            line: 107,
          },
        ],
      },
    });
  });

  test('Durham: the report\'s a) and b) above "Minutes:" ignored, one unnumbered NOTED', () => {
    expect(parseMinutes(sample('durham-childrens-centres-review'))).toEqual({
      ok: true,
      minutes: {
        agendaItem: "Impact of the Children's Centres Review",
        agendaItemNumber: null,
        resolutions: [
          {
            number: null,
            kind: 'NOTED',
            text: 'That the report and presentation be noted.',
            referredTo: null,
            referralLine: null,
            line: 55,
          },
        ],
      },
    });
  });

  test('Integrated Children\'s Services: "RESOLVED:  That ..." on one line, discussion bullets ignored', () => {
    expect(parseMinutes(sample('integrated-childrens-services'))).toEqual({
      ok: true,
      minutes: {
        agendaItem: "Integrated Children's Services",
        agendaItemNumber: null,
        resolutions: [
          {
            number: null,
            kind: 'NOTED',
            text: 'That the progress towards delivering a new operating model for Children’s Services, and Members’ comments thereon, be noted.',
            referredTo: null,
            referralLine: null,
            line: 65,
          },
        ],
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
