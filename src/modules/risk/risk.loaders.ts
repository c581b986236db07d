import { BATCH_KEY, byKeys, Keyed, loaderById, loaderOfLists, loaderPerVariant } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { sql } from '../../db/sql';
import { resolutionColumns, resolutionOrder, ResolutionRow } from '../committee/committee.entity';
import {
  AssessmentRow,
  assessmentColumns,
  mitigationOrder,
  mitigationProjection,
  MitigationRow,
  riskColumns,
  riskOrder,
  riskProjection,
  RiskRow,
  visibleRisks,
} from './risk.entity';
import { riskConditions, RiskFilter } from './risk.service';

type RiskFields = readonly (keyof RiskRow & string)[];
type MitigationFields = readonly (keyof MitigationRow & string)[];

export function riskLoaders(reads: ReadBatch, scope: Scope) {
  /** A programme's risks matching one filter, in the list's order, with the fields asked for. */
  const risksOfProgrammes = (filter: RiskFilter | null | undefined, fields: RiskFields) =>
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
    risksByProgrammeId: loaderPerVariant((filter: RiskFilter | null | undefined, fields: RiskFields) =>
      risksOfProgrammes(filter, fields),
    ),
    /** The risks a resolution is linked to, as the list orders them; for a MEMBER no confidential one. */
    risksByResolutionId: loaderPerVariant((fields: RiskFields) =>
      loaderOfLists<RiskRow>((ids): Promise<Keyed<RiskRow>[]> =>
        reads.rows(
          sql`SELECT ${BATCH_KEY}, ${riskProjection.select(fields, 'r')}
               FROM ${byKeys('resolution_risks', 'l', 'resolution_id', scope, ids)} JOIN risks r ON r.organisation_id = l.organisation_id AND r.id = l.risk_id
              WHERE ${visibleRisks('r', scope)} ORDER BY ${riskOrder('r')}`,
        ),
      ),
    ),
    /** A risk's mitigations by due date. */
    mitigationsByRiskId: loaderPerVariant((fields: MitigationFields) =>
      loaderOfLists<MitigationRow>((ids): Promise<Keyed<MitigationRow>[]> =>
        reads.rows(
          sql`SELECT ${BATCH_KEY}, ${mitigationProjection.select(fields, 'm')} FROM ${byKeys('mitigations', 'm', 'risk_id', scope, ids)}
              ORDER BY ${mitigationOrder('m')}`,
        ),
      ),
    ),
    /** A risk's assessments, newest first (in the order recorded). */
    assessmentsByRiskId: loaderOfLists<AssessmentRow>((ids): Promise<Keyed<AssessmentRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${assessmentColumns('a')} FROM ${byKeys('risk_assessments', 'a', 'risk_id', scope, ids)}
            ORDER BY a.seq DESC`,
      ),
    ),
    /** The resolutions behind a risk, newest meeting first. */
    resolutionsByRiskId: loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${resolutionColumns('r')}
             FROM ${byKeys('resolution_risks', 'l', 'risk_id', scope, ids)} JOIN resolutions r ON r.organisation_id = l.organisation_id AND r.id = l.resolution_id
            ORDER BY ${resolutionOrder('r')}`,
      ),
    ),
  };
}
