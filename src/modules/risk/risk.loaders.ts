import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Keyed, loaderById, loaderOfLists } from '../../db/batch';
import { Scope } from '../../loaders';
import { resolutionColumns, resolutionOrder, ResolutionRow } from '../committee/committee.entity';
import {
  AssessmentRow, assessmentColumns, mitigationColumns, mitigationOrder, MitigationRow, riskColumns, riskOrder, RiskRow, visibleRisks,
} from './risk.entity';
import { riskConditions, RiskFilter } from './risk.service';

export function riskLoaders(db: DataSource, scope: Scope) {
  const org = scope.organisationId;
  const byProgramme = new Map<string, DataLoader<string, RiskRow[]>>();

  /** A programme's risks matching one filter, in the list's order. */
  const risksOfProgrammes = (filter: RiskFilter | null | undefined) =>
    loaderOfLists<RiskRow>(async (ids): Promise<Keyed<RiskRow>[]> => {
      const params: unknown[] = [org];
      const where = riskConditions('r', scope, filter, params);
      if (!where) return [];
      return db.query(
        `SELECT r.programme_id AS _key, ${riskColumns('r')} FROM risks r
          WHERE ${where.join(' AND ')} AND r.programme_id = ANY($${params.push(ids)}::uuid[]) ORDER BY ${riskOrder('r')}`,
        params,
      );
    });

  return {
    riskById: loaderById<RiskRow>((ids) =>
      db.query(`SELECT ${riskColumns('r')} FROM risks r WHERE ${visibleRisks('r', scope)} AND r.id = ANY($2::uuid[])`, [org, ids]),
    ),
    /** Programme.risks(filter): one loader per distinct filter in a request, made when first asked for. */
    risksByProgrammeId(filter: RiskFilter | null | undefined): DataLoader<string, RiskRow[]> {
      const key = JSON.stringify(filter ?? {});
      let loader = byProgramme.get(key);
      if (!loader) byProgramme.set(key, (loader = risksOfProgrammes(filter)));
      return loader;
    },
    /** The risks a resolution is linked to, as the list orders them; for a MEMBER no confidential one. */
    risksByResolutionId: loaderOfLists<RiskRow>(
      (ids): Promise<Keyed<RiskRow>[]> =>
        db.query(
          `SELECT l.resolution_id AS _key, ${riskColumns('r')}
             FROM resolution_risks l JOIN risks r ON r.organisation_id = l.organisation_id AND r.id = l.risk_id
            WHERE ${visibleRisks('r', scope)} AND l.resolution_id = ANY($2::uuid[]) ORDER BY ${riskOrder('r')}`,
          [org, ids],
        ),
    ),
    /** A risk's mitigations by due date. */
    mitigationsByRiskId: loaderOfLists<MitigationRow>(
      (ids): Promise<Keyed<MitigationRow>[]> =>
        db.query(
          `SELECT m.risk_id AS _key, ${mitigationColumns('m')} FROM mitigations m
            WHERE m.organisation_id = $1 AND m.risk_id = ANY($2::uuid[]) ORDER BY ${mitigationOrder('m')}`,
          [org, ids],
        ),
    ),
    /** A risk's assessments, newest first (in the order recorded). */
    assessmentsByRiskId: loaderOfLists<AssessmentRow>(
      (ids): Promise<Keyed<AssessmentRow>[]> =>
        db.query(
          `SELECT a.risk_id AS _key, ${assessmentColumns('a')} FROM risk_assessments a
            WHERE a.organisation_id = $1 AND a.risk_id = ANY($2::uuid[]) ORDER BY a.seq DESC`,
          [org, ids],
        ),
    ),
    /** The resolutions behind a risk, newest meeting first. */
    resolutionsByRiskId: loaderOfLists<ResolutionRow>(
      (ids): Promise<Keyed<ResolutionRow>[]> =>
        db.query(
          `SELECT l.risk_id AS _key, ${resolutionColumns('r')}
             FROM resolution_risks l JOIN resolutions r ON r.organisation_id = l.organisation_id AND r.id = l.resolution_id
            WHERE l.organisation_id = $1 AND l.risk_id = ANY($2::uuid[]) ORDER BY ${resolutionOrder('r')}`,
          [org, ids],
        ),
    ),
  };
}
