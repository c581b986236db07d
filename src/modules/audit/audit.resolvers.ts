import { Resolvers } from '../../generated/graphql';
import { listAuditEvents } from './audit.service';
import { totalCount } from '../../paging';

export const auditResolvers: Resolvers = {
  AuditEventConnection: { totalCount },
  Query: {
    auditTrail: (_, args, ctx) => listAuditEvents(ctx, args),
  },
};
