import { page, parsed, read } from '../../../test/support/minutes-reading';

const PAGE = { agendaItem: 'Locality Working', agendaItemNumber: null };

describe("councils' own styles", () => {
  test.each([
    [
      'a minutes document: numbered items, points in the discussion, the next item not read',
      '45\tFAMILY HUBS UPDATE\n\nThe Director submitted a report.\n\nMembers discussed:\n1. Staffing\n2. Budget pressures\n\n' +
        'RESOLVED – That the contents of the report be noted.\n\n46\tBUDGET MONITORING\nRESOLVED – That the budget be approved.',
      { agendaItem: 'FAMILY HUBS UPDATE' },
      ['[null] NOTED: That the contents of the report be noted.'],
    ],
    [
      'a Cabinet decision page: "Decision:", a stem, reasons and options after',
      'Agenda item\n\nDecisions - Locality Working\n\nDecision:\n\nRESOLVED that Cabinet:\n\n(1) approves the continuation of locality working;\n\n' +
        '(2) delegates authority to the Director to roll out the model; and\n\n(3) notes that looked-after children numbers remain high.\n\n' +
        'Reasons for decision:\n\nTo target early help.\n\nAlternative options considered:\n\nNone.',
      { agendaItem: 'Decisions - Locality Working' },
      [
        '[1] DECISION: approves the continuation of locality working;',
        '[2] DECISION: delegates authority to the Director to roll out the model; and',
        '[3] NOTED: notes that looked-after children numbers remain high.',
      ],
    ],
    [
      "approving a report's recommendations is a decision; making them to the Executive is not",
      page(
        'It was RESOLVED that the recommendations set out in the report be approved, namely:\n\n(a) That locality working continue;\n(b) That practitioners be recruited.\n\n' +
          'The Committee AGREED to make the following recommendations to the Executive:\n\ni) That the roll-out be by priority need;\nii) That a dashboard be circulated to Members.\n\n' +
          'ACTION: Head of Early Help',
      ),
      PAGE,
      [
        '[a] DECISION: That locality working continue;',
        '[b] DECISION: That practitioners be recruited.',
        '[i] RECOMMENDATION -> the Executive: That the roll-out be by priority need;',
        '[ii] RECOMMENDATION -> the Executive: That a dashboard be circulated to Members.',
      ],
    ],
    [
      '"AGREED:" with numbered clauses that leave out "That"',
      page(
        'Members raised the following points:\n\n·         Funding was for two years only.\n\n \n\nAGREED:\n\n \n\n1.    The update be noted.\n\n' +
          "2.    The Commission be kept informed of progress.\n\n3.    Members' comments be taken into account.\n\n \n\nContact: Jane Smith, 0121 303 1234",
      ),
      PAGE,
      [
        '[1] NOTED: The update be noted.',
        '[2] DECISION: The Commission be kept informed of progress.',
        "[3] DECISION: Members' comments be taken into account.",
      ],
    ],
    [
      '"RESOLVED to RECOMMEND to Cabinet:", a vote line, then the next item',
      "7.\tIntegrated Children's Services (Pages 13 - 40)\n\nThe Committee RESOLVED to RECOMMEND to Cabinet:\n1.\tThat the model be adopted;\n" +
        '2.\tThat savings of £552K per year be confirmed.\n(Voting: For 7, Against 0)\n\n8.\tExclusion of the Press and Public\n\nRESOLVED – That the public be excluded.',
      { agendaItem: "Integrated Children's Services", agendaItemNumber: '7' },
      [
        '[1] RECOMMENDATION -> Cabinet: That the model be adopted;',
        '[2] RECOMMENDATION -> Cabinet: That savings of £552K per year be confirmed.',
      ],
    ],
    [
      '"Recommendation 1:" numbering, and a noting stem above bullets',
      page(
        'The Panel considered its draft recommendations.\n\nRecommendation 1: That the Executive increase the number of practitioners.\n\n' +
          'Recommendation 2 – That numbers be reported to the Panel in six months.\n\nResolved – that the Committee notes:\n• the progress made;\n• the risks identified.',
      ),
      PAGE,
      [
        '[1] RECOMMENDATION -> the Executive: That the Executive increase the number of practitioners.',
        '[2] RECOMMENDATION: That numbers be reported to the Panel in six months.',
        '[null] NOTED: the progress made;',
        '[null] NOTED: the risks identified.',
      ],
    ],
    [
      'an unfinished clause running into a lower-case paragraph',
      page(
        'Resolved:\n\nThat the report be noted, and\n\nthat the Committee receive a further report in six months.\n\nThat a working group be set up.',
      ),
      PAGE,
      [
        '[null] DECISION: That the report be noted, and that the Committee receive a further report in six months.',
        '[null] DECISION: That a working group be set up.',
      ],
    ],
    [
      '"RECOMMENDED: That the Executive be asked to:" above (a) and (b)',
      page('RECOMMENDED: That the Executive be asked to:\n(a) fund the scheme;\n(b) review it in 2019.'),
      PAGE,
      ['[a] RECOMMENDATION -> the Executive: fund the scheme;', '[b] RECOMMENDATION -> the Executive: review it in 2019.'],
    ],
    [
      "a closing label within the resolution's line",
      page('RESOLVED: That the report be noted. ACTION: Director of Children’s Services'),
      PAGE,
      ['[null] NOTED: That the report be noted.'],
    ],
    [
      "a closing label within a numbered resolution's line",
      page('RESOLVED:\n(1) That X be approved. Supporting documents: Report PDF 12 KB'),
      PAGE,
      ['[1] DECISION: That X be approved.'],
    ],
    [
      '"the Council’s response" names no body',
      page('RESOLVED: That the Council’s response be endorsed.'),
      PAGE,
      ['[null] DECISION: That the Council’s response be endorsed.'],
    ],
  ])('%s', (_, text, item, resolutions) => {
    expect(parsed(text)).toMatchObject(item);
    expect(read(text)).toEqual(resolutions);
  });
});
