import { Resolvers } from '../../generated/graphql';
import { londonToday } from '../../values/calendar-date';
import { addMitigation, updateMitigation } from './mitigation.service';
import { addMitigationUpdate } from './mitigation-progress.service';
import { getMitigation, listMitigations } from './mitigation-list.service';
import { mitigationOverdue, mitigationProjection, reviewOverdue, riskProjection } from './risk.entity';
import { getRisk, listRisks, riskMatrix } from './risk.service';
import { assessRisk, createRisk, updateRisk } from './risk-write.service';
import { closeRisk, reopenRisk } from './risk-lifecycle.service';
import { deleteMitigation, deleteRisk } from './risk-deletion.service';
import { riskScore, trend } from './score';
import { totalCount } from '../../paging';
import { prefetchRelations } from '../../graphql/prefetch';
import { resolverOf } from '../../graphql/reads';

export const riskResolvers: Resolvers = {
  RiskConnection: { totalCount },
  MitigationConnection: { totalCount },
  Query: {
    risks: (_, args, ctx) => listRisks(ctx, args),
    risk: (_, { id }, ctx, info) => {
      const risk = getRisk(ctx, id);
      prefetchRelations(info, id, ctx, ['mitigations', 'assessments', 'resolutions']);
      return risk;
    },
    riskMatrix: (_, { programmeId, basis }, ctx) => riskMatrix(ctx, programmeId, basis),
    mitigations: (_, args, ctx) => listMitigations(ctx, args),
    mitigation: (_, { id }, ctx, info) => {
      const mitigation = getMitigation(ctx, id);
      prefetchRelations(info, id, ctx, ['updates']);
      return mitigation;
    },
  },
  Mutation: {
    createRisk: (_, { input }, ctx) => createRisk(ctx, input),
    updateRisk: (_, { id, expectedVersion, input }, ctx) => updateRisk(ctx, id, expectedVersion, input),
    assessRisk: (_, args, ctx) => assessRisk(ctx, args),
    closeRisk: (_, { id, expectedVersion, reason, closedOn }, ctx) => closeRisk(ctx, id, expectedVersion, reason, closedOn),
    reopenRisk: (_, { id, expectedVersion, reason }, ctx) => reopenRisk(ctx, id, expectedVersion, reason),
    deleteRisk: (_, { id, expectedVersion, reason }, ctx) => deleteRisk(ctx, id, expectedVersion, reason),
    deleteMitigation: (_, { id, expectedVersion, reason }, ctx) => deleteMitigation(ctx, id, expectedVersion, reason),
    addMitigation: (_, { riskId, input }, ctx) => addMitigation(ctx, riskId, input),
    updateMitigation: (_, args, ctx) => updateMitigation(ctx, args),
    addMitigationUpdate: (_, { mitigationId, note }, ctx) => addMitigationUpdate(ctx, mitigationId, note),
  },
  Risk: {
    programme: resolverOf(['programmeId'], async (risk, _, ctx) => (await ctx.loaders.programmeById.load(risk.programmeId))!),
    inherent: resolverOf(['inherentLikelihood', 'inherentImpact'], (risk) =>
      riskScore(risk.inherentLikelihood, risk.inherentImpact),
    ),
    current: resolverOf(['currentLikelihood', 'currentImpact'], (risk) => riskScore(risk.currentLikelihood, risk.currentImpact)),
    target: resolverOf(['targetLikelihood', 'targetImpact'], (risk) =>
      risk.targetLikelihood && risk.targetImpact ? riskScore(risk.targetLikelihood, risk.targetImpact) : null,
    ),
    trend: resolverOf(['currentScore', 'previousScore'], (risk) => trend(risk.currentScore, risk.previousScore)),
    reviewOverdue: resolverOf(['status', 'reviewDate'], (risk) => reviewOverdue(risk, londonToday())),
    mitigations: resolverOf(['id'], (risk, _, ctx, info) =>
      ctx.loaders.mitigationsByRiskId(mitigationProjection.fieldsFor(info)).load(risk.id),
    ),
    assessments: resolverOf(['id'], (risk, _, ctx) => ctx.loaders.assessmentsByRiskId.load(risk.id)),
  },
  RiskAssessment: {
    score: (a) => riskScore(a.likelihood, a.impact).score,
    rating: (a) => riskScore(a.likelihood, a.impact).rating,
  },
  Mitigation: {
    risk: resolverOf(['riskId'], async (mitigation, _, ctx) => (await ctx.loaders.riskById.load(mitigation.riskId))!),
    overdue: resolverOf(['status', 'dueDate'], (mitigation) => mitigationOverdue(mitigation, londonToday())),
    updates: resolverOf(['id'], (mitigation, _, ctx) => ctx.loaders.mitigationUpdatesByMitigationId.load(mitigation.id)),
  },
  Programme: {
    risks: resolverOf(['id'], (programme, { filter }, ctx, info) =>
      ctx.loaders.risksByProgrammeId(filter, riskProjection.fieldsFor(info)).load(programme.id),
    ),
  },
};
