import { Resolvers } from '../../generated/graphql';
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from './programme.service';
import { totalCount } from '../../paging';

export const programmeResolvers: Resolvers = {
  ProgrammeConnection: { totalCount },
  Query: {
    programmes: (_, args, ctx) => listProgrammes(ctx, args),
    programme: (_, { id }, ctx) => getProgramme(ctx, id),
  },
  Mutation: {
    createProgramme: (_, { input }, ctx) => createProgramme(ctx, input),
    updateProgramme: (_, { id, expectedVersion, input }, ctx) => updateProgramme(ctx, id, expectedVersion, input),
  },
};
