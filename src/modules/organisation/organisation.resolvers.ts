import { Resolvers } from '../../generated/graphql';
import {
  createOrganisation,
  getOrganisation,
  riskAppetite,
  setEscalationThreshold,
  setRiskAppetite,
} from './organisation.service';
import { createUser, deactivateUser, issueToken, listUsers, me } from './user.service';
import { updateUser } from './user-update.service';

export const organisationResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => me(ctx),
    organisation: (_, __, ctx) => getOrganisation(ctx),
    users: (_, __, ctx) => listUsers(ctx),
  },
  Mutation: {
    createOrganisation: (_, args, ctx) => createOrganisation(ctx, args),
    setRiskAppetite: (_, { category, maxScore }, ctx) => setRiskAppetite(ctx, category, maxScore),
    setEscalationThreshold: (_, { score }, ctx) => setEscalationThreshold(ctx, score),
    createUser: (_, { input }, ctx) => createUser(ctx, input),
    deactivateUser: (_, { id }, ctx) => deactivateUser(ctx, id),
    updateUser: (_, args, ctx) => updateUser(ctx, args),
    issueToken: (_, { userId }, ctx) => issueToken(ctx, userId),
  },
  Organisation: {
    riskAppetite: (organisation, _, ctx) => riskAppetite(ctx, organisation.id),
  },
  User: {
    programmes: (user, _, ctx) => ctx.loaders.programmesByUserId.load(user.id),
  },
};
