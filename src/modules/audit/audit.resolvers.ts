import { Resolvers } from '../../generated/graphql';
import { listAuditEvents } from './audit.service';

export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: (_, args, ctx) => listAuditEvents(ctx, args),
  },
};
