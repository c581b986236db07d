// What the report pack of one programme asks the API, as the caller: one query, so the pack is
// one consistent answer.
import { CommitteeActionRow } from '../../../web/src/components/committee-actions';
import { HeatMapCell } from '../../../web/src/components/heat-map';
import { IssueRow } from '../../../web/src/components/issue-log';
import { MilestoneTableRow } from '../../../web/src/components/milestones-table';
import { MitigationRow } from '../../../web/src/components/mitigations';
import { HealthReport } from '../../../web/src/components/programme-health';
import { Band } from '../../../web/src/components/rating';
import { SavingsTableProps } from '../../../web/src/components/savings-table';
import { operation } from '../../graphql/in-process';
import { ProgrammeRow } from '../programme/programme.entity';

/** The programme as the pack reads it: the row's fields, its health reports, open risks, issues, milestones and actions. */
export type ReportProgramme = Omit<ProgrammeRow, 'version' | 'updatedAt'> & {
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
    mitigations: MitigationRow[];
  }[];
  issues: IssueRow[];
  health: HealthReport | null;
  healthHistory: HealthReport[];
  milestones: MilestoneTableRow[];
  actions: CommitteeActionRow[];
};

export interface ReportData {
  programme: ReportProgramme | null;
  riskMatrix: { total: number; cells: HeatMapCell[] };
  savingsReconciliation: SavingsTableProps;
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
      health { rating commentary asOf recordedBy }
      healthHistory { rating commentary asOf recordedBy }
      risks(filter: { status: [OPEN] }) {
        id reference title category current { score rating } trend withinAppetite reviewOverdue
        escalated cause effect treatment proximity
        mitigations {
          id action owner dueDate baselineDueDate status completedOn overdue kind effectiveness updates { on note }
        }
      }
      issues {
        id reference title priority owner status raisedOn resolvedOn resolutionNote fromRisk { id reference title }
      }
      milestones { id title baselineDate forecastDate actualDate status slippageDays }
      actions {
        id text owner dueDate status completedOn overdue
        meeting { date committee { name } } reportTo { name } resolution { agendaItem number }
      }
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
