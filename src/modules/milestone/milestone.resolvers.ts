import { Resolvers } from '../../generated/graphql';
import { createMilestone, listMilestones, updateMilestone } from './milestone.service';
import { slippageDays } from './slippage';
import { totalCount } from '../../paging';

export const milestoneResolvers: Resolvers = {
  MilestoneConnection: { totalCount },
  Query: {
    milestones: (_, args, ctx) => listMilestones(ctx, args),
  },
  Mutation: {
    createMilestone: (_, { input }, ctx) => createMilestone(ctx, input),
    updateMilestone: (_, { id, expectedVersion, input }, ctx) => updateMilestone(ctx, id, expectedVersion, input),
  },
  Milestone: {
    programme: async (milestone, _, ctx) => (await ctx.loaders.programmeById.load(milestone.programmeId))!,
    slippageDays: (milestone) => slippageDays(milestone),
  },
  Programme: {
    milestones: (programme, _, ctx) => ctx.loaders.milestonesByProgrammeId.load(programme.id),
  },
};
