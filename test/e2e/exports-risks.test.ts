import ExcelJS from 'exceljs';
import { newOrg } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';
import { allNodes, csvRecords, download, sheetCells, sheetValues, workbook } from './export-helpers';
import { ADD_MITIGATION, CLOSE, FUTURE, newRisk, PAST } from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const HEADER = [
  'programme_code',
  'programme_name',
  'reference',
  'title',
  'category',
  'owner',
  'status',
  'inherent_score',
  'inherent_rating',
  'current_score',
  'current_rating',
  'target_score',
  'target_rating',
  'trend',
  'within_appetite',
  'review_date',
  'review_overdue',
  'mitigations',
  'mitigations_overdue',
  'actions',
  'cause',
  'effect',
  'treatment',
  'proximity',
  'escalated',
  'controls',
];

const RISKS = `query($filter: RiskFilter, $after: String) {
  risks(filter: $filter, first: 200, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      programme { code name } reference title category owner status confidential
      inherent { score rating } current { score rating } target { score rating }
      trend withinAppetite reviewDate reviewOverdue cause effect treatment proximity escalated
      mitigations { action overdue kind effectiveness }
    }
  }
}`;

/** The API's risks, in its order, as the caller sees them. */
const apiRisks = (token: string, filter: object = {}) => allNodes(t, token, RISKS, 'risks', { filter });

const FORMULA = /^[=+\-@\t\r]/;
const csvText = (s: string | null) => (s === null ? '' : FORMULA.test(s) ? `'${s}` : s);
const csvBool = (b: boolean) => (b ? 'TRUE' : 'FALSE');

/** The actions, or the controls (with their ratings), of a risk, as one text. */
const listed = (r: any, kind: string) =>
  r.mitigations
    .filter((m: any) => m.kind === kind)
    .map((m: any) => (m.effectiveness ? `${m.action} (${m.effectiveness})` : m.action))
    .join('; ') || null;

/** What the CSV must say for one risk of the API, written out from the rules. */
function csvRow(r: any): string[] {
  const overdue = r.mitigations.filter((m: any) => m.overdue).length;
  return [
    csvText(r.programme.code),
    csvText(r.programme.name),
    csvText(r.reference),
    csvText(r.title),
    r.category,
    csvText(r.owner),
    r.status,
    String(r.inherent.score),
    r.inherent.rating,
    String(r.current.score),
    r.current.rating,
    r.target ? String(r.target.score) : '',
    r.target?.rating ?? '',
    r.trend,
    csvBool(r.withinAppetite),
    r.reviewDate ?? '',
    csvBool(r.reviewOverdue),
    String(r.mitigations.length),
    String(overdue),
    csvText(listed(r, 'ACTION')),
    csvText(r.cause),
    csvText(r.effect),
    r.treatment ?? '',
    r.proximity ?? '',
    csvBool(r.escalated),
    csvText(listed(r, 'CONTROL')),
  ];
}

/** What the XLSX must hold for one risk: typed cells, text as written (never a formula). */
function xlsxRow(r: any): ExcelJS.CellValue[] {
  return [
    r.programme.code,
    r.programme.name,
    r.reference,
    r.title,
    r.category,
    r.owner,
    r.status,
    r.inherent.score,
    r.inherent.rating,
    r.current.score,
    r.current.rating,
    r.target?.score ?? null,
    r.target?.rating ?? null,
    r.trend,
    r.withinAppetite,
    r.reviewDate ? new Date(`${r.reviewDate}T00:00:00Z`) : null,
    r.reviewOverdue,
    r.mitigations.length,
    r.mitigations.filter((m: any) => m.overdue).length,
    listed(r, 'ACTION'),
    r.cause,
    r.effect,
    r.treatment,
    r.proximity ? new Date(`${r.proximity}T00:00:00Z`) : null,
    r.escalated,
    listed(r, 'CONTROL'),
  ];
}

/**
 * Two programmes: FH's R01 with two mitigations (one overdue) and text a spreadsheet would take
 * for formulas; R02 confidential; R03 closed, without owner, target or review date. CCR's R01
 * belongs to a programme whose name starts with "@".
 */
async function register() {
  const org = await newOrg(t);
  const fh = await org.programme({ code: 'FH-2018', name: 'Family Hubs – Bradford' });
  const ccr = await org.programme({ code: 'CCR-2019', name: '@Children’s Centres review' });
  const r1 = await newRisk(t, org, fh.id, {
    reference: 'R01',
    title: '=HYPERLINK("http://example.com","Click")',
    owner: '+44 20 7946 0000',
    inherent: { likelihood: 5, impact: 4 },
    target: { likelihood: 2, impact: 2 },
    reviewDate: PAST,
  });
  ok(await t.gql(ADD_MITIGATION, { id: r1.id, input: { action: 'Weekly caseload review', dueDate: FUTURE } }, org.admin));
  ok(await t.gql(ADD_MITIGATION, { id: r1.id, input: { action: '-2+3 step-up pathway', dueDate: PAST } }, org.admin));
  await newRisk(t, org, fh.id, { reference: 'R02', title: 'Named child at risk', confidential: true, reviewDate: FUTURE });
  const r3 = await newRisk(t, org, fh.id, { reference: 'R03', title: 'Premises, "lease" and\nheating', owner: null });
  ok(await t.gql(CLOSE, { id: r3.id, v: 1, reason: 'Lease signed' }, org.admin));
  const c1 = await newRisk(t, org, ccr.id, {
    reference: 'R01',
    title: 'Consultation challenged',
    category: 'LEGAL',
    cause: '=Consultation shorter than 12 weeks',
    effect: 'Judicial review; the decision is quashed',
    treatment: 'TREAT',
    proximity: '2030-06-30',
  });
  ok(
    await t.gql(
      ADD_MITIGATION,
      { id: c1.id, input: { action: 'Legal sign-off of every consultation', kind: 'CONTROL' } },
      org.admin,
    ),
  );
  ok(await t.gql(ADD_MITIGATION, { id: c1.id, input: { action: 'Extend the consultation to 12 weeks' } }, org.admin));
  return { org, fh, ccr };
}

describe('GET /exports/risks.csv', () => {
  test('one row per risk of the unfiltered list, in its order, with the issue header and cells', async () => {
    const { org } = await register();
    const res = await download(t, '/exports/risks.csv', org.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="risks-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [header, ...rows] = csvRecords(res.body);
    expect(header).toEqual(HEADER);
    const api = await apiRisks(org.admin);
    expect(api).toHaveLength(4);
    expect(rows).toEqual(api.map(csvRow));

    const fhR01 = rows.find((r) => r[0] === 'FH-2018' && r[2] === 'R01')!;
    expect(fhR01).toEqual([
      'FH-2018',
      'Family Hubs – Bradford',
      'R01',
      `'=HYPERLINK("http://example.com","Click")`,
      'SERVICE_DELIVERY',
      "'+44 20 7946 0000",
      'OPEN',
      '20',
      'RED',
      '20',
      'RED',
      '4',
      'GREEN',
      'NEW',
      'FALSE',
      PAST,
      'TRUE',
      '2',
      '1',
      "'-2+3 step-up pathway; Weekly caseload review",
      '',
      '',
      '',
      '',
      'TRUE',
      '',
    ]);
    const ccrR01 = rows.find((r) => r[0] === 'CCR-2019')!;
    expect(ccrR01.slice(19)).toEqual([
      'Extend the consultation to 12 weeks',
      "'=Consultation shorter than 12 weeks",
      'Judicial review; the decision is quashed',
      'TREAT',
      '2030-06-30',
      'TRUE',
      'Legal sign-off of every consultation (NOT_ASSESSED)',
    ]);
    const closed = rows.find((r) => r[2] === 'R03')!;
    expect(closed.slice(3, 7)).toEqual(['Premises, "lease" and\nheating', 'SERVICE_DELIVERY', '', 'CLOSED']);
    expect([closed[11], closed[12], closed[15], closed[19]]).toEqual(['', '', '', '']);
    expect(rows.find((r) => r[0] === 'CCR-2019')![1]).toBe("'@Children’s Centres review");
  });

  test("a MEMBER's export holds exactly the MEMBER's risks: no confidential one", async () => {
    const { org } = await register();
    const member = await org.user('MEMBER');
    const [, ...rows] = csvRecords((await download(t, '/exports/risks.csv', member)).body);
    const api = await apiRisks(member);
    expect(rows).toEqual(api.map(csvRow));
    expect(rows.map((r) => `${r[0]} ${r[2]}`).sort()).toEqual(['CCR-2019 R01', 'FH-2018 R01', 'FH-2018 R03']);
  });

  test('?programmeId= keeps one programme; unknown, malformed or another organisation’s is 404', async () => {
    const { org, fh } = await register();
    const [, ...rows] = csvRecords((await download(t, `/exports/risks.csv?programmeId=${fh.id}`, org.admin)).body);
    expect(rows).toEqual((await apiRisks(org.admin, { programmeId: fh.id })).map(csvRow));
    expect(rows.map((r) => r[2])).toEqual(['R01', 'R02', 'R03']);

    const other = await newOrg(t);
    const theirs = await other.programme();
    for (const id of [theirs.id, '6c1b3c1e-0000-4000-8000-000000000000', 'not-an-id', '']) {
      const res = await download(t, `/exports/risks.csv?programmeId=${encodeURIComponent(id)}`, org.admin);
      expect(res.status).toBe(404);
      expect(res.json()).toEqual({ errors: [{ message: 'No such programme', extensions: { code: 'NOT_FOUND' } }] });
    }
    const twice = await download(t, `/exports/risks.csv?programmeId=${fh.id}&programmeId=${fh.id}`, org.admin);
    expect(twice.status).toBe(404);
  });

  test('no token, an unknown one or the operator secret: 401 UNAUTHENTICATED', async () => {
    const { org } = await register();
    const forged = org.admin.slice(0, -4) + 'AAAA';
    for (const path of ['/exports/risks.csv', '/exports/risks.xlsx']) {
      for (const token of [undefined, forged, 'test-operator-secret']) {
        const res = await download(t, path, token);
        expect(res.status).toBe(401);
        expect(res.json()).toEqual({
          errors: [{ message: 'A valid bearer token is required', extensions: { code: 'UNAUTHENTICATED' } }],
        });
      }
    }
  });

  test('an organisation without risks gets the header alone', async () => {
    const org = await newOrg(t);
    expect(csvRecords((await download(t, '/exports/risks.csv', org.admin)).body)).toEqual([HEADER]);
  });
});

describe('GET /exports/risks.xlsx', () => {
  test('the same rows as typed cells: numbers, booleans, dates, empty cells; text never a formula', async () => {
    const { org } = await register();
    const res = await download(t, '/exports/risks.xlsx', org.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const sheet = (await workbook(res.body)).getWorksheet('Risks')!;
    const [header, ...rows] = sheetValues(sheet);
    expect(header).toEqual(HEADER);
    expect(rows).toEqual((await apiRisks(org.admin)).map(xlsxRow));

    const cells = sheetCells(sheet);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const title = cells.find((c) => String(c.value).startsWith('=HYPERLINK'))!;
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(cells.find((c) => c.value === '+44 20 7946 0000')!.type).toBe(ExcelJS.ValueType.String);
    const reviewDate = sheet.getRow(2).getCell(16);
    expect(reviewDate.type).toBe(ExcelJS.ValueType.Date);
    expect(reviewDate.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(2).getCell(15).type).toBe(ExcelJS.ValueType.Boolean);
  });

  test("a MEMBER's workbook holds exactly the MEMBER's risks", async () => {
    const { org, fh } = await register();
    const member = await org.user('MEMBER');
    const res = await download(t, `/exports/risks.xlsx?programmeId=${fh.id}`, member);
    const [, ...rows] = sheetValues((await workbook(res.body)).getWorksheet('Risks')!);
    expect(rows).toEqual((await apiRisks(member, { programmeId: fh.id })).map(xlsxRow));
    expect(rows.map((r) => r[2])).toEqual(['R01', 'R03']);
    expect((await download(t, `/exports/risks.xlsx?programmeId=not-an-id`, member)).status).toBe(404);
  });
});

test('more risks than one page of the API: every one, in order, in both formats', async () => {
  const org = await newOrg(t);
  const programmes = [await org.programme({ code: 'A-1' }), await org.programme({ code: 'B-2' })];
  const inputs = Array.from({ length: 510 }, (_, i) => ({
    programme: programmes[i % 2],
    input: { reference: `R${String(i).padStart(3, '0')}`, inherent: { likelihood: 1 + (i % 5), impact: 1 + ((i * 3) % 5) } },
  }));
  for (let i = 0; i < inputs.length; i += 20) {
    await Promise.all(inputs.slice(i, i + 20).map((r) => newRisk(t, org, r.programme.id, r.input)));
  }
  const api = await apiRisks(org.admin);
  expect(api).toHaveLength(510);
  const [, ...csv] = csvRecords((await download(t, '/exports/risks.csv', org.admin)).body);
  expect(csv).toEqual(api.map(csvRow));
  const [, ...xlsx] = sheetValues(
    (await workbook((await download(t, '/exports/risks.xlsx', org.admin)).body)).getWorksheet('Risks')!,
  );
  expect(xlsx).toEqual(api.map(xlsxRow));
});
