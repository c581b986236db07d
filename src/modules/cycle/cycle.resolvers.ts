import { Resolvers } from '../../generated/graphql';
import { respondToRecommendation } from './recommendation.service';

export const cycleResolvers: Resolvers = {
  Mutation: {
    respondToRecommendation: (_, args, ctx) => respondToRecommendation(ctx, args),
  },
  Resolution: {
    referredTo: (resolution, _, ctx) =>
      resolution.referredToId ? ctx.loaders.committeeById.load(resolution.referredToId) : null,
    respondedBy: (resolution, _, ctx) => ctx.loaders.responsesByRecommendationId.load(resolution.id),
    respondsTo: (resolution, _, ctx) => ctx.loaders.recommendationsByResponseId.load(resolution.id),
  },
};
