import { Context } from '../../context';
import { InProcessQueries, operation } from '../../graphql/in-process';
import { SavingsTotalsRow } from '../savings/reconciliation.service';
import { boolean, Columns, date, money, text } from './columns';

/** As the API answers them: exact amounts as strings. */
export type Totals = SavingsTotalsRow;

interface ReconciliationRow {
  programme?: { code: string; name: string } | null;
  financialYear?: string | null;
  category?: string | null;
  kind?: string | null;
  totals: Totals;
}

interface Reconciliation {
  rows: ReconciliationRow[];
  totals: Totals;
}

export interface SavingsFilter {
  programmeId?: string;
  /** As the API writes it, e.g. 2018/19. */
  financialYear?: string;
}

const TOTALS = `totals { planned forecast delivered variance netPlanned netDelivered forecastVariance
  oneOffCosts oneOffCostsIncurred writtenOff atRisk }`;

const RECONCILIATIONS = operation<
  { byProgrammeAndYear: Reconciliation; byCategory: Reconciliation; byKind: Reconciliation },
  { filter: SavingsFilter }
>(`
  query ExportSavingsReconciliation($filter: SavingsFilter) {
    byProgrammeAndYear: savingsReconciliation(filter: $filter, groupBy: [PROGRAMME, FINANCIAL_YEAR]) {
      rows { programme { code name } financialYear ${TOTALS} }
      ${TOTALS}
    }
    byCategory: savingsReconciliation(filter: $filter, groupBy: [CATEGORY]) { rows { category ${TOTALS} } ${TOTALS} }
    byKind: savingsReconciliation(filter: $filter, groupBy: [KIND]) { rows { kind ${TOTALS} } ${TOTALS} }
  }`);

/** A reconciliation row, or the grouping's "Total" row. */
type TotalsRow = ReconciliationRow & { total?: true };

const label = (value: (r: TotalsRow) => string | null | undefined) => (r: TotalsRow) => (r.total ? 'Total' : value(r));

const totalsColumns: Columns<TotalsRow> = [
  money('planned', (r) => r.totals.planned),
  money('forecast', (r) => r.totals.forecast),
  money('delivered', (r) => r.totals.delivered),
  money('variance', (r) => r.totals.variance),
  money('netPlanned', (r) => r.totals.netPlanned),
  money('netDelivered', (r) => r.totals.netDelivered),
  money('forecastVariance', (r) => r.totals.forecastVariance),
  money('oneOffCosts', (r) => r.totals.oneOffCosts),
  money('oneOffCostsIncurred', (r) => r.totals.oneOffCostsIncurred),
  money('writtenOff', (r) => r.totals.writtenOff),
  money('atRisk', (r) => r.totals.atRisk),
];

export interface ReconciliationSheet {
  name: string;
  columns: Columns<TotalsRow>;
  rows: TotalsRow[];
}

/**
 * The three reconciliations the issue names, each as the `savingsReconciliation` query answers
 * the caller (so equal to it to the penny), its rows then a "Total" row.
 */
export async function reconciliationSheets(
  queries: InProcessQueries,
  ctx: Context,
  filter: SavingsFilter,
): Promise<ReconciliationSheet[]> {
  const answer = await queries.run(RECONCILIATIONS, { filter }, ctx);
  const sheet = (name: string, reconciliation: Reconciliation, columns: Columns<TotalsRow>): ReconciliationSheet => ({
    name,
    columns: [...columns, ...totalsColumns],
    rows: [...reconciliation.rows, { total: true, totals: reconciliation.totals }],
  });
  return [
    sheet('By programme and year', answer.byProgrammeAndYear, [
      text(
        'programmeCode',
        label((r) => r.programme?.code),
      ),
      text('programmeName', (r) => r.programme?.name, 30),
      text('financialYear', (r) => r.financialYear, 12),
    ]),
    sheet('By category', answer.byCategory, [
      text(
        'category',
        label((r) => r.category),
      ),
    ]),
    sheet('By kind', answer.byKind, [
      text(
        'kind',
        label((r) => r.kind),
        14,
      ),
    ]),
  ];
}

interface Delivery {
  recordedOn: string;
  amount: string;
  ledgerReference: string | null;
  note: string | null;
}

interface Line {
  description: string;
  kind: string;
  category: string;
  financialYear: string;
  recurring: boolean;
  planned: string;
  forecast: string;
  delivered: string;
  confidence: string;
  deliveries: Delivery[];
}

interface ProgrammeLines {
  code: string;
  name: string;
  savingsLines: Line[];
}

const PROGRAMME_LINES = `
  fragment ProgrammeLines on Programme {
    code name
    savingsLines {
      description kind category financialYear recurring planned forecast delivered confidence
      deliveries { recordedOn amount ledgerReference note }
    }
  }`;

/** Programmes a page: each brings all its lines and deliveries, so pages are kept small. */
const PROGRAMMES_PAGE = 50;

interface ProgrammesPage {
  programmes: { nodes: ProgrammeLines[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const ALL_PROGRAMMES_LINES = operation<ProgrammesPage, { after: string | null }>(`
  query ExportSavingsLines($after: String) {
    programmes(first: ${PROGRAMMES_PAGE}, after: $after) { pageInfo { hasNextPage endCursor } nodes { ...ProgrammeLines } }
  }
  ${PROGRAMME_LINES}`);

const ONE_PROGRAMME_LINES = operation<{ programme: ProgrammeLines | null }, { id: string }>(`
  query ExportProgrammeSavingsLines($id: ID!) { programme(id: $id) { ...ProgrammeLines } }
  ${PROGRAMME_LINES}`);

/** A row of "Lines and deliveries": a line, or one of its deliveries under it. */
export interface LineRow {
  programme: { code: string; name: string };
  line: Line;
  delivery?: Delivery;
}

/** A field of the line, on the line's own row only (a delivery's row leaves it blank). */
const lineOnly =
  <K extends keyof Line>(field: K) =>
  (r: LineRow) =>
    r.delivery ? null : r.line[field];

export const lineColumns: Columns<LineRow> = [
  text('record', (r) => (r.delivery ? 'Delivery' : 'Line'), 10),
  text('programmeCode', (r) => r.programme.code, 14),
  text('programmeName', (r) => r.programme.name, 30),
  text('financialYear', (r) => r.line.financialYear, 12),
  text('description', (r) => r.line.description, 40),
  text('kind', (r) => r.line.kind, 14),
  text('category', (r) => r.line.category, 14),
  boolean('recurring', lineOnly('recurring')),
  text('confidence', lineOnly('confidence'), 11),
  money('planned', lineOnly('planned')),
  money('forecast', lineOnly('forecast')),
  money('delivered', lineOnly('delivered')),
  date('recordedOn', (r) => r.delivery?.recordedOn),
  money('amount', (r) => r.delivery?.amount),
  text('ledgerReference', (r) => r.delivery?.ledgerReference, 18),
  text('note', (r) => r.delivery?.note, 40),
];

function rowsOfProgramme(programme: ProgrammeLines, financialYear: string | undefined): LineRow[] {
  return programme.savingsLines
    .filter((line) => financialYear === undefined || line.financialYear === financialYear)
    .flatMap((line) => [{ programme, line }, ...line.deliveries.map((delivery) => ({ programme, line, delivery }))]);
}

/**
 * Every savings line the caller sees (of one programme, or of each by programme code) in the
 * API's order, each followed by its deliveries in theirs, a page of programmes at a time.
 */
export async function* lineRowPages(
  queries: InProcessQueries,
  context: () => Context,
  filter: SavingsFilter,
): AsyncGenerator<LineRow[]> {
  if (filter.programmeId) {
    const { programme } = await queries.run(ONE_PROGRAMME_LINES, { id: filter.programmeId }, context());
    yield programme ? rowsOfProgramme(programme, filter.financialYear) : [];
    return;
  }
  let after: string | null = null;
  do {
    const { programmes }: ProgrammesPage = await queries.run(ALL_PROGRAMMES_LINES, { after }, context());
    yield programmes.nodes.flatMap((p) => rowsOfProgramme(p, filter.financialYear));
    after = programmes.pageInfo.hasNextPage ? programmes.pageInfo.endCursor : null;
  } while (after);
}
