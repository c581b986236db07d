import { Resolvers } from '../../generated/graphql';
import { importMinutes } from './minutes-import.service';

export const minutesResolvers: Resolvers = {
  Mutation: {
    importMinutes: (_, { meetingId, text, dryRun }, ctx) => importMinutes(ctx, meetingId, text, dryRun ?? false),
  },
};
