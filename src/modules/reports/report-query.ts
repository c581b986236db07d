// What the report pack of one programme asks the API, as the caller: one query, so the pack is
// one consistent answer.
import { Band } from '../../../web/src/components/rating';
import { operation } from '../../graphql/in-process';

export interface Totals {
  planned: string;
  forecast: string;
  delivered: string;
  variance: string;
}

export interface ReportData {
  programme: {
    id: string;
    code: string;
    name: string;
    description: string | null;
    status: string;
    owner: string | null;
    startDate: string | null;
    endDate: string | null;
    risks: {
      id: string;
      reference: string;
      title: string;
      category: string;
      current: { score: number; rating: Band };
      trend: string;
      withinAppetite: boolean;
      reviewOverdue: boolean;
      escalated: boolean;
      cause: string | null;
      effect: string | null;
      treatment: string | null;
      proximity: string | null;
      mitigations: {
        id: string;
        action: string;
        owner: string | null;
        dueDate: string | null;
        baselineDueDate: string | null;
        status: string;
        overdue: boolean;
        kind: string;
        effectiveness: string | null;
      }[];
    }[];
    milestones: {
      id: string;
      title: string;
      baselineDate: string;
      forecastDate: string | null;
      actualDate: string | null;
      status: string;
      slippageDays: number;
    }[];
  } | null;
  riskMatrix: { total: number; cells: { likelihood: number; impact: number; count: number }[] };
  savingsReconciliation: { rows: { financialYear: string | null; totals: Totals }[]; totals: Totals };
  resolutions: {
    nodes: {
      id: string;
      agendaItem: string | null;
      number: string | null;
      text: string;
      meeting: { date: string; committee: { name: string } };
    }[];
  };
}

export const REPORT_QUERY = operation<ReportData, { id: string }>(`
  query ProgrammeReport($id: ID!) {
    programme(id: $id) {
      id code name description status owner startDate endDate
      risks(filter: { status: [OPEN] }) {
        id reference title category current { score rating } trend withinAppetite reviewOverdue
        escalated cause effect treatment proximity
        mitigations { id action owner dueDate baselineDueDate status overdue kind effectiveness }
      }
      milestones { id title baselineDate forecastDate actualDate status slippageDays }
    }
    riskMatrix(programmeId: $id, basis: CURRENT) { total cells { likelihood impact count } }
    savingsReconciliation(filter: { programmeId: $id }, groupBy: [FINANCIAL_YEAR]) {
      rows { financialYear totals { planned forecast delivered variance } }
      totals { planned forecast delivered variance }
    }
    resolutions(filter: { programmeId: $id }, first: 500) {
      nodes { id agendaItem number text meeting { date committee { name } } }
    }
  }
`);
