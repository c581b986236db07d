import { page, parsed, found, texts } from '../../../test/support/minutes-reading';

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
