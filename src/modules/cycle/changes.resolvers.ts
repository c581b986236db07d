import { Resolvers } from '../../generated/graphql';
import { riskScore } from '../risk/score';
import { changesSince } from './changes-since.service';

/** changesSince: each list is one loader (one statement for any number of rows), keyed by programme per day. */
export const changesResolvers: Resolvers = {
  Query: {
    changesSince: (_, args, ctx) => changesSince(ctx, args),
  },
  ProgrammeChanges: {
    riskMoves: (c, _, ctx) => ctx.loaders.riskMovesSince(c.since).load(c.programme.id),
    newRisks: (c, _, ctx) => ctx.loaders.newRisksSince(c.since).load(c.programme.id),
    closedRisks: (c, _, ctx) => ctx.loaders.closedRisksSince(c.since).load(c.programme.id),
    mitigationsCompleted: (c, _, ctx) => ctx.loaders.mitigationsCompletedSince(c.since).load(c.programme.id),
    mitigationsNowOverdue: (c, _, ctx) => ctx.loaders.mitigationsNowOverdueSince(c.since).load(c.programme.id),
    mitigationsRescheduled: (c, _, ctx) => ctx.loaders.mitigationsRescheduledSince(c.since).load(c.programme.id),
    milestonesMoved: (c, _, ctx) => ctx.loaders.milestonesMovedSince(c.since).load(c.programme.id),
    savingsChanged: (c, _, ctx) => ctx.loaders.savingsChangedSince(c.since).load(c.programme.id),
    deliveries: (c, _, ctx) => ctx.loaders.deliveriesSince(c.since).load(c.programme.id),
    resolutions: (c, _, ctx) => ctx.loaders.resolutionsSince(c.since).load(c.programme.id),
    openActions: (c, _, ctx) => ctx.loaders.openActionsByProgrammeId.load(c.programme.id),
  },
  RiskMove: {
    before: (move) => riskScore(move.before.likelihood, move.before.impact),
    after: (move) => riskScore(move.risk.currentLikelihood, move.risk.currentImpact),
  },
  MitigationMove: {
    dueDateAfter: (move) => move.mitigation.dueDate,
  },
  MilestoneMove: {
    forecastDateAfter: (move) => move.milestone.forecastDate,
  },
  SavingsLineMove: {
    forecastAfter: (move) => move.savingsLine.forecast,
    plannedAfter: (move) => move.savingsLine.planned,
  },
};
