import { demoClient } from './client';
import { DemoOrganisation, ProgrammeCode } from './organisation';
import plans from './savings.json';

type Category = 'STAFFING' | 'PREMISES' | 'COMMISSIONING' | 'INCOME' | 'OTHER';

interface DemoLine {
  /** The MTFS reference tying the saving's yearly increments together. */
  reference?: string;
  description: string;
  category: Category;
  year: string;
  planned: string;
  cost?: true;
  recurring?: true;
  forecast?: string;
  confidence?: 'AMBER' | 'RED';
  /** Recorded by hand: [amount, recordedOn, ledger reference]. */
  deliveries?: [string, string, string][];
  /** The text of the resolution that authorised it (see resolutions.ts). */
  resolution?: string;
}

/**
 * What each programme promised to save, year by year, and what making the change cost (data, kept
 * as data in savings.json). A recurring line holds its year's increment only. ICS-2011 is the case
 * in the minutes: £552K a year once fully implemented over three years (£452K staffing, £100K
 * premises: the 2013/14 cumulative figure), with £120K of training and change management costs in
 * 2011/12.
 */
const LINES = plans as Record<ProgrammeCode, DemoLine[]>;

/** Ledger actuals as finance exports them from the spreadsheet: BOM, CRLF, £ and thousands separators. */
const LEDGER = [
  'Ledger_Reference,Programme_Code,Financial_Year,Description,Amount,Recorded_On',
  'CS-1213-0050,ICS-2011,2012/13,Management and staffing restructure,"£100,000.00",30/09/2012',
  'CS-1213-0121,ICS-2011,2012/13,Management and staffing restructure,"£50,000.00",31/03/2013',
  'CS-1213-0122,ICS-2011,2012/13,Office moves and premises rationalisation,"£40,000.00",31/03/2013',
  'CS-1314-0060,ICS-2011,2013/14,Management and staffing restructure,"£60,000.00",30/09/2013',
  'CS-1314-0061,ICS-2011,2013/14,Office moves and premises rationalisation,"£10,000.00",30/09/2013',
  'EH-1819-0310,FH-2018,2018/19,Early help and children’s centre staffing,"£150,000.00",31/10/2018',
  'EH-1819-0522,FH-2018,2018/19,Early help and children’s centre staffing,"£137,750.00",31/03/2019',
  'EH-1819-0523,FH-2018,2018/19,Recommissioned early help contracts,"£125,000.00",31/03/2019',
  'EH-1819-0524,FH-2018,2018/19,Children’s centre buildings released,"£90,000.00",31/03/2019',
  'EH-1819-0201,FH-2018,2018/19,Workforce training for the Family Hubs model,"£62,450.00",28/09/2018',
  'EH-1819-0388,FH-2018,2018/19,Workforce training for the Family Hubs model,"£21,300.00",30/11/2018',
  'EH-1920-0140,FH-2018,2019/20,Early help and children’s centre staffing,"£300,000.00",30/09/2019',
  'EH-1920-0141,FH-2018,2019/20,Recommissioned early help contracts,"£125,000.00",30/09/2019',
  'EH-1920-0199,FH-2018,2019/20,Recommissioned early help contracts,"-£4,250.00",31/10/2019',
].join('\r\n');

/** Finance records the savings lines, hand-recorded deliveries and a ledger import; ADMIN links the resolutions. */
export async function seedSavings(url: string, org: DemoOrganisation, resolutionIds: Map<string, string>): Promise<void> {
  const finance = demoClient(url, org.tokens.FINANCE);
  for (const [code, lines] of Object.entries(LINES) as [ProgrammeCode, DemoLine[]][]) {
    for (const l of lines) {
      const { createSavingsLine } = await finance(
        `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`,
        {
          input: {
            programmeId: org.programmeIds[code],
            description: l.description,
            kind: l.cost ? 'ONE_OFF_COST' : 'SAVING',
            category: l.category,
            financialYear: l.year,
            recurring: Boolean(l.recurring),
            reference: l.reference,
            planned: l.planned,
            forecast: l.forecast,
            confidence: l.confidence,
          },
        },
      );
      for (const [amount, recordedOn, ledgerReference] of l.deliveries ?? []) {
        await finance(
          `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`,
          {
            id: createSavingsLine.id,
            input: { amount, recordedOn, ledgerReference },
          },
        );
      }
      const resolutionId = l.resolution && resolutionIds.get(l.resolution);
      if (resolutionId) {
        await org.admin(
          `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`,
          {
            id: resolutionId,
            target: { savingsLineId: createSavingsLine.id },
          },
        );
      }
    }
  }
  const { importLedgerActuals } = await finance(
    `mutation($csv: String!) { importLedgerActuals(csv: $csv) { rowsImported errors { line message } } }`,
    { csv: `\ufeff${LEDGER}\r\n` },
  );
  if (importLedgerActuals.errors.length)
    throw new Error(`demo ledger import failed: ${JSON.stringify(importLedgerActuals.errors)}`);
}
