import { Resolvers } from '../../generated/graphql';
import { resolverOf } from '../../graphql/reads';
import { totalCount } from '../../paging';
import { getIssue, listIssues, raiseIssue, raiseIssueFromRisk, resolveIssue, updateIssue } from './issue.service';

export const issueResolvers: Resolvers = {
  IssueConnection: { totalCount },
  Query: {
    issues: (_, args, ctx) => listIssues(ctx, args),
    issue: (_, { id }, ctx) => getIssue(ctx, id),
  },
  Mutation: {
    raiseIssue: (_, { input }, ctx) => raiseIssue(ctx, input),
    raiseIssueFromRisk: (_, args, ctx) => raiseIssueFromRisk(ctx, args),
    updateIssue: (_, args, ctx) => updateIssue(ctx, args),
    resolveIssue: (_, args, ctx) => resolveIssue(ctx, args),
  },
  Issue: {
    programme: async (issue, _, ctx) => (await ctx.loaders.programmeById.load(issue.programmeId))!,
    // null when raised directly, when its risk was deleted, or when the caller may not see the risk
    fromRisk: (issue, _, ctx) => (issue.fromRiskId ? ctx.loaders.riskById.load(issue.fromRiskId) : null),
  },
  Programme: {
    issues: resolverOf(['id'], (programme, _, ctx) => ctx.loaders.issuesByProgrammeId.load(programme.id)),
  },
};
