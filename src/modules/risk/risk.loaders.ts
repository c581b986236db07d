import {
  BATCH_KEY,
  byKeys,
  Keyed,
  listsByKey,
  listsPerFields,
  loaderById,
  loaderOfLists,
  loaderPerVariant,
} from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { FieldsOf } from '../../db/projection';
import { sql } from '../../db/sql';
import {
  AssessmentRow,
  assessmentColumns,
  assessmentOrder,
  mitigationColumns,
  mitigationOrder,
  mitigationProjection,
  MitigationRow,
  mitigationUpdateColumns,
  mitigationUpdateOrder,
  MitigationUpdateRow,
  riskColumns,
  riskOrder,
  riskProjection,
  RiskRow,
  visibleRisks,
} from './risk.entity';
import { RiskFilter } from '../../generated/types';
import { riskConditions } from './risk-filter';

export function riskLoaders(reads: ReadBatch, scope: Scope) {
  const listsBy = listsByKey(reads, scope);
  /** A programme's risks matching one filter, in the list's order, with the fields asked for. */
  const risksOfProgrammes = (filter: RiskFilter | null | undefined, fields: FieldsOf<RiskRow>) =>
    loaderOfLists<RiskRow>(async (ids): Promise<Keyed<RiskRow>[]> => {
      const where = riskConditions(scope, filter);
      if (!where) return [];
      return reads.rows(
        sql`SELECT ${BATCH_KEY}, ${riskProjection.select(fields, 'r')}
           FROM ${byKeys('risks', 'r', 'programme_id', scope, ids)}
          WHERE ${where} ORDER BY ${riskOrder('r')}`,
      );
    });

  return {
    riskById: loaderById<RiskRow>((ids) =>
      reads.rows(
        sql`SELECT ${riskColumns('r')} FROM ${byKeys('risks', 'r', 'id', scope, ids)} WHERE ${visibleRisks('r', scope)}`,
      ),
    ),
    /** Programme.risks(filter): one loader per distinct filter and set of fields in a request. */
    risksByProgrammeId: loaderPerVariant((filter: RiskFilter | null | undefined, fields: FieldsOf<RiskRow>) =>
      risksOfProgrammes(filter, fields),
    ),
    /** A risk's mitigations by due date. */
    mitigationsByRiskId: listsPerFields<MitigationRow>((fields, ids) =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${mitigationProjection.select(fields, 'm')} FROM ${byKeys('mitigations', 'm', 'risk_id', scope, ids)}
              ORDER BY ${mitigationOrder('m')}`,
      ),
    ),
    /** A mitigation by id, if its risk is visible to the caller. */
    mitigationById: loaderById<MitigationRow>((ids) =>
      reads.rows(
        sql`SELECT ${mitigationColumns('m')} FROM ${byKeys('mitigations', 'm', 'id', scope, ids)}
            JOIN risks r ON r.organisation_id = m.organisation_id AND r.id = m.risk_id WHERE ${visibleRisks('r', scope)}`,
      ),
    ),
    /** A mitigation's progress notes, newest first. */
    mitigationUpdatesByMitigationId: listsBy<MitigationUpdateRow>(
      'mitigation_updates',
      'u',
      'mitigation_id',
      mitigationUpdateColumns,
      mitigationUpdateOrder,
    ),
    /** A risk's assessments, newest assessedOn first. */
    assessmentsByRiskId: listsBy<AssessmentRow>('risk_assessments', 'a', 'risk_id', assessmentColumns, assessmentOrder),
  };
}
