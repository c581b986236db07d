import { Resolvers } from '../../generated/graphql';
import { resolverOf } from '../../graphql/reads';
import { totalCount } from '../../paging';
import { londonToday } from '../../values/calendar-date';
import { listCommitteeActions } from './committee-action-list.service';
import { actionOverdue } from './committee-action.entity';
import { recordCommitteeAction, updateCommitteeAction } from './committee-action.service';

export const committeeActionResolvers: Resolvers = {
  CommitteeActionConnection: { totalCount },
  Query: {
    committeeActions: (_, args, ctx) => listCommitteeActions(ctx, args),
  },
  Mutation: {
    recordCommitteeAction: (_, { input }, ctx) => recordCommitteeAction(ctx, input),
    updateCommitteeAction: (_, args, ctx) => updateCommitteeAction(ctx, args),
  },
  CommitteeAction: {
    // the action carries its meeting's date and committee: no query
    meeting: (action) => ({ id: action.meetingId, committeeId: action.committeeId, date: action.meetingDate }),
    resolution: (action, _, ctx) => (action.resolutionId ? ctx.loaders.resolutionById.load(action.resolutionId) : null),
    programme: (action, _, ctx) => (action.programmeId ? ctx.loaders.programmeById.load(action.programmeId) : null),
    reportTo: (action, _, ctx) => (action.reportToId ? ctx.loaders.committeeById.load(action.reportToId) : null),
    overdue: (action) => actionOverdue(action, londonToday()),
  },
  Programme: {
    actions: resolverOf(['id'], (programme, _, ctx) => ctx.loaders.actionsByProgrammeId.load(programme.id)),
  },
  Meeting: {
    actions: (meeting, _, ctx) => ctx.loaders.actionsByMeetingId.load(meeting.id),
  },
  Resolution: {
    actions: (resolution, _, ctx) => ctx.loaders.actionsByResolutionId.load(resolution.id),
  },
};
