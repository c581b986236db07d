import { Resolvers } from '../../generated/graphql';
import { createCommittee, createMeeting, listCommittees, listResolutions, recordResolution } from './committee.service';
import { changeLink } from './resolution-link.service';
import { totalCount } from '../../paging';
import { programmeProjection } from '../programme/programme.entity';

export const committeeResolvers: Resolvers = {
  ResolutionConnection: { totalCount },
  Query: {
    committees: (_, __, ctx) => listCommittees(ctx),
    resolutions: (_, args, ctx) => listResolutions(ctx, args),
  },
  Mutation: {
    createCommittee: (_, { name }, ctx) => createCommittee(ctx, name),
    createMeeting: (_, { input }, ctx) => createMeeting(ctx, input),
    recordResolution: (_, { input }, ctx) => recordResolution(ctx, input),
    linkResolution: (_, { resolutionId, target }, ctx) => changeLink(ctx, resolutionId, target, true),
    unlinkResolution: (_, { resolutionId, target }, ctx) => changeLink(ctx, resolutionId, target, false),
  },
  Committee: {
    meetings: (committee, _, ctx) => ctx.loaders.meetingsByCommitteeId.load(committee.id),
  },
  Meeting: {
    committee: async (meeting, _, ctx) => (await ctx.loaders.committeeById.load(meeting.committeeId))!,
    resolutions: (meeting, _, ctx) => ctx.loaders.resolutionsByMeetingId.load(meeting.id),
  },
  Resolution: {
    // a resolution carries its meeting's date and committee (they never change): no query
    meeting: (resolution) => ({ id: resolution.meetingId, committeeId: resolution.committeeId, date: resolution.meetingDate }),
    programmes: (resolution, _, ctx, info) =>
      ctx.loaders.programmesByResolutionId(programmeProjection.fieldsFor(info)).load(resolution.id),
  },
  Programme: {
    resolutions: (programme, _, ctx) => ctx.loaders.resolutionsByProgrammeId.load(programme.id),
  },
};
