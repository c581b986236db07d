import { Resolvers } from '../../generated/graphql';
import { createMilestone, listMilestones, updateMilestone } from './milestone.service';
import { slippageDays } from './slippage';
import { rebaselineMilestone } from './milestone-baseline.service';
import { deleteMilestone } from './milestone-deletion.service';
import { milestoneOverdue } from './milestone.entity';
import { londonToday } from '../../values/calendar-date';
import { totalCount } from '../../paging';
import { resolverOf } from '../../graphql/reads';

export const milestoneResolvers: Resolvers = {
  MilestoneConnection: { totalCount },
  Query: {
    milestones: (_, args, ctx) => listMilestones(ctx, args),
  },
  Mutation: {
    createMilestone: (_, { input }, ctx) => createMilestone(ctx, input),
    updateMilestone: (_, args, ctx) => updateMilestone(ctx, args),
    rebaselineMilestone: (_, args, ctx) => rebaselineMilestone(ctx, args),
    deleteMilestone: (_, { id, expectedVersion, reason }, ctx) => deleteMilestone(ctx, id, expectedVersion, reason),
  },
  Milestone: {
    programme: async (milestone, _, ctx) => (await ctx.loaders.programmeById.load(milestone.programmeId))!,
    slippageDays: (milestone) => slippageDays(milestone),
    overdue: (milestone) => milestoneOverdue(milestone, londonToday()),
    // the baselines rebaselineMilestone set, newest first, then the original one
    baselines: async (milestone, _, ctx) => [
      ...(await ctx.loaders.rebaselinesByMilestoneId.load(milestone.id)),
      { baselineDate: milestone.originalBaselineDate, setOn: milestone.createdOn, reason: null, resolutionId: null },
    ],
  },
  MilestoneBaseline: {
    resolution: (baseline, _, ctx) => (baseline.resolutionId ? ctx.loaders.resolutionById.load(baseline.resolutionId) : null),
  },
  Programme: {
    milestones: resolverOf(['id'], (programme, _, ctx) => ctx.loaders.milestonesByProgrammeId.load(programme.id)),
  },
};
