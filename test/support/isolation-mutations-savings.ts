import { asEachRole, Case, codeOf, World } from './isolation-org-queries';
import { each, versioned } from './isolation-mutations-each';

const IMPORT = `mutation($csv: String!, $dryRun: Boolean) {
  importLedgerActuals(csv: $csv, dryRun: $dryRun) { dryRun rowsRead rowsImported rowsSkipped errors { line message } } }`;
const HEADER = 'programme_code,financial_year,description,amount,recorded_on,ledger_reference';

/** Mutations on savings lines, their deliveries and ledger actuals, and their links to risks: A's objects are NOT_FOUND to every user of B. */
export const SAVINGS_MUTATIONS: Record<string, Case> = {
  'Mutation.createSavingsLine': (w) =>
    each(w, `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`, [
      ...Object.values(w.a.programmes).map((p) => ({
        input: { programmeId: p.id, description: 'Planted', category: 'OTHER', financialYear: '2018/19', planned: '1' },
      })),
      // B's own programme, replacing A's line
      ...Object.values(w.a.savings).map((l) => ({
        input: {
          programmeId: w.b.programmes.fh.id,
          replacesId: l.id,
          description: 'Planted',
          category: 'OTHER',
          financialYear: '2018/19',
          planned: '1',
        },
      })),
    ]),

  'Mutation.updateSavingsLine': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { updateSavingsLine(id: $id, expectedVersion: $v, input: {forecast: "0"}) { id } }`,
      versioned(Object.values(w.a.savings)),
    ),

  'Mutation.recordSavingsDelivery': async (w) => {
    const q = `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id ledgerReference } }`;
    const delivery = (ledgerReference: string) => ({ amount: '-100000', recordedOn: '2018-12-31', ledgerReference });
    await each(
      w,
      q,
      Object.values(w.a.savings).map((l) => ({ id: l.id, input: delivery(`${w.b.marker}-GL-99`) })),
    );
    // ledger references are unique within an organisation only
    const fresh = await w.fresh();
    const line = await fresh.send(
      `mutation($p: ID!) { createSavingsLine(input: {programmeId: $p, description: "Staffing", category: STAFFING,
      financialYear: "2018/19", planned: "1000"}) { id } }`,
      { p: fresh.programmeId },
      fresh.admin,
      { ghost: false },
    );
    const recorded = await fresh.send(
      q,
      { id: line.data.createSavingsLine.id, input: delivery(w.a.ledgerReferences[0]) },
      fresh.admin,
      { ghost: false, echo: true },
    );
    expect(recorded.data?.recordSavingsDelivery.ledgerReference).toBe(w.a.ledgerReferences[0]);
  },

  'Mutation.importLedgerActuals': async (w) => {
    const { fh, ics } = w.a.programmes;
    const { staffing, premises } = w.a.savings;
    // A's own codes, years and descriptions, and a reference A has recorded: every row is unknown to B
    const rows = [
      `${fh.code},2018/19,${staffing.description},"£1,000.00",2019-01-31,${w.a.ledgerReferences[0]}`,
      `${ics.code},2019/20,${premises.description},2000,2019-06-30,${w.a.marker}-GL-NEW`,
    ];
    const csv = [HEADER, ...rows].join('\r\n');
    const refused = {
      dryRun: false,
      rowsRead: 2,
      rowsImported: 0,
      rowsSkipped: 0,
      errors: [
        { line: 2, message: `No programme with code ${fh.code}` },
        { line: 3, message: `No programme with code ${ics.code}` },
      ],
    };
    await asEachRole(w, async (role, token) => {
      for (const dryRun of [false, true]) {
        const res = await w.probe.send(IMPORT, { csv, dryRun }, token, { echo: true });
        if (role === 'ADMIN' || role === 'FINANCE') expect(res.data?.importLedgerActuals).toEqual({ ...refused, dryRun });
        else expect(codeOf(res)).toBe('FORBIDDEN');
      }
    });
    // a namesake programme elsewhere takes the rows (A's ledger reference is no duplicate there); A is untouched
    const fresh = await w.fresh();
    const created = await fresh.send(
      `mutation($code: String!) { p: createProgramme(input: {code: $code, name: "Namesake"}) { id } }`,
      { code: fh.code },
      fresh.admin,
      { ghost: false, echo: true },
    );
    await fresh.send(
      `mutation($p: ID!, $description: String!) { createSavingsLine(input: {programmeId: $p, description: $description,
      category: STAFFING, financialYear: "2018/19", planned: "1000"}) { id } }`,
      { p: created.data.p.id, description: staffing.description },
      fresh.admin,
      { ghost: false, echo: true },
    );
    const imported = await fresh.send(IMPORT, { csv: [HEADER, rows[0]].join('\n') }, fresh.admin, { ghost: false, echo: true });
    expect(imported.data.importLedgerActuals).toEqual({
      dryRun: false,
      rowsRead: 1,
      rowsImported: 1,
      rowsSkipped: 0,
      errors: [],
    });
  },

  'Mutation.deleteSavingsLine': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { deleteSavingsLine(id: $id, expectedVersion: $v, reason: "Taken over") { id } }`,
      versioned(Object.values(w.a.savings)),
    ),

  'Mutation.rephaseSavings': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!, $r: ID) { rephaseSavings(savingsLineId: $id, expectedVersion: $v, toFinancialYear: "2030/31",
         amount: "1", reason: "Slipped", resolutionId: $r) { id } }`,
      // A's lines, and B's own lines approved by A's resolution
      [
        ...versioned(Object.values(w.a.savings)),
        ...versioned(Object.values(w.b.savings)).map((v) => ({ ...v, r: w.a.resolutions.model })),
      ],
    ),

  'Mutation.writeOffSavings': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!, $r: ID) { writeOffSavings(savingsLineId: $id, expectedVersion: $v, amount: "1",
         reason: "Undeliverable", resolutionId: $r) { id } }`,
      [
        ...versioned(Object.values(w.a.savings)),
        ...versioned(Object.values(w.b.savings)).map((v) => ({ ...v, r: w.a.resolutions.model })),
      ],
    ),

  'Mutation.deleteSavingsDelivery': (w) =>
    each(w, `mutation($id: ID!) { deleteSavingsDelivery(id: $id, reason: "Taken over") { id } }`, [{ id: w.a.delivery }]),

  'Mutation.linkRiskToSavingsLine': (w) => riskSavingsCase(w, 'linkRiskToSavingsLine'),
  'Mutation.unlinkRiskFromSavingsLine': (w) => riskSavingsCase(w, 'unlinkRiskFromSavingsLine'),
};

/** A's risks with B's line, and B's risk with A's lines: the other organisation's side is NOT_FOUND. */
function riskSavingsCase(w: World, mutation: string) {
  const q = `mutation($r: ID!, $l: ID!) { ${mutation}(riskId: $r, savingsLineId: $l) { id } }`;
  const [a, b] = [w.a, w.b];
  return each(w, q, [
    ...[a.risks.open, a.risks.secret, a.risks.closed].map((r) => ({ r: r.id, l: b.savings.staffing.id })),
    ...Object.values(a.savings).map((l) => ({ r: b.risks.open.id, l: l.id })),
  ]);
}
