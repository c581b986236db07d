import { Resolvers } from '../../generated/graphql';
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from './programme.service';
import { totalCount } from '../../paging';
import { prefetchRelations } from '../../graphql/prefetch';

export const programmeResolvers: Resolvers = {
  ProgrammeConnection: { totalCount },
  Query: {
    programmes: (_, args, ctx) => listProgrammes(ctx, args),
    programme: (_, { id }, ctx, info) => {
      const programme = getProgramme(ctx, id);
      prefetchRelations(info, id, ctx, ['risks', 'milestones', 'savingsLines', 'resolutions', 'actions']);
      return programme;
    },
  },
  Mutation: {
    createProgramme: (_, { input }, ctx) => createProgramme(ctx, input),
    updateProgramme: (_, args, ctx) => updateProgramme(ctx, args),
  },
};
