import { Resolvers } from '../../generated/graphql';
import { createOrganisation, getOrganisation, riskAppetite, setRiskAppetite } from './organisation.service';
import { createUser, me } from './user.service';

export const organisationResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => me(ctx),
    organisation: (_, __, ctx) => getOrganisation(ctx),
  },
  Mutation: {
    createOrganisation: (_, args, ctx) => createOrganisation(ctx, args),
    setRiskAppetite: (_, { category, maxScore }, ctx) => setRiskAppetite(ctx, category, maxScore),
    createUser: (_, { input }, ctx) => createUser(ctx, input),
  },
  Organisation: {
    riskAppetite: (organisation, _, ctx) => riskAppetite(ctx, organisation.id),
  },
  User: {
    programmes: (user, _, ctx) => ctx.loaders.programmesByUserId.load(user.id),
  },
};
