import { Resolvers } from '../../generated/graphql';
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from './programme.service';
import { reportProgrammeHealth } from './programme-health.service';
import { totalCount } from '../../paging';
import { prefetchRelations } from '../../graphql/prefetch';
import { resolverOf } from '../../graphql/reads';

export const programmeResolvers: Resolvers = {
  ProgrammeConnection: { totalCount },
  Query: {
    programmes: (_, args, ctx) => listProgrammes(ctx, args),
    programme: (_, { id }, ctx, info) => {
      const programme = getProgramme(ctx, id);
      prefetchRelations(info, id, ctx, [
        'risks',
        'milestones',
        'savingsLines',
        'resolutions',
        'actions',
        'health',
        'healthHistory',
      ]);
      return programme;
    },
  },
  Mutation: {
    createProgramme: (_, { input }, ctx) => createProgramme(ctx, input),
    updateProgramme: (_, args, ctx) => updateProgramme(ctx, args),
    reportProgrammeHealth: (_, args, ctx) => reportProgrammeHealth(ctx, args),
  },
  Programme: {
    health: resolverOf(
      ['id'],
      async (programme, _, ctx) => (await ctx.loaders.latestHealthByProgrammeId.load(programme.id))[0] ?? null,
    ),
    healthHistory: resolverOf(['id'], (programme, _, ctx) => ctx.loaders.healthHistoryByProgrammeId.load(programme.id)),
  },
};
