import { GraphQLResolveInfo } from 'graphql';
import { Context } from '../../context';
import { Resolvers } from '../../generated/graphql';
import { totalCount } from '../../paging';
import { createCommittee, createMeeting, listCommittees, listResolutions, recordResolution } from './decision-trail.service';
import { ResolutionRow } from './decision-trail.entity';
import { LINK_TARGETS } from './link-targets';
import { changeLink } from './resolution-link.service';
import { updateCommittee, updateMeeting, updateResolution } from './decision-trail-corrections.service';
import { deleteResolution } from './resolution-deletion.service';
import { resolverOf } from '../../graphql/reads';

export const decisionTrailResolvers: Resolvers = {
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
    updateCommittee: (_, { id, name }, ctx) => updateCommittee(ctx, id, name),
    updateMeeting: (_, { id, date }, ctx) => updateMeeting(ctx, id, date),
    updateResolution: (_, args, ctx) => updateResolution(ctx, args),
    deleteResolution: (_, { id, expectedVersion, reason }, ctx) => deleteResolution(ctx, id, expectedVersion, reason),
  },
  Committee: {
    meetings: (committee, _, ctx) => ctx.loaders.meetingsByCommitteeId.load(committee.id),
  },
  Meeting: {
    committee: async (meeting, _, ctx) => (await ctx.loaders.committeeById.load(meeting.committeeId))!,
    resolutions: (meeting, _, ctx) => ctx.loaders.resolutionsByMeetingId.load(meeting.id),
  },
  Resolution: {
    // a resolution carries its meeting's date and committee (updateMeeting keeps the date's copy): no query
    meeting: (resolution) => ({ id: resolution.meetingId, committeeId: resolution.committeeId, date: resolution.meetingDate }),
  },
};

/**
 * The two relations of every kind of link target (link-targets.ts): `Resolution.<field>`, the
 * targets linked to a resolution (only the columns asked for, where the kind has a projection),
 * and `<type>.resolutions`, the resolutions linked to a target. Typed by hand: the schema's
 * types are named by the registry's rows.
 */
export const linkResolvers = {
  Resolution: Object.fromEntries(
    LINK_TARGETS.map((t) => [
      t.field,
      (resolution: ResolutionRow, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
        ctx.loaders.linkedTargets[t.key](t.projection?.fieldsFor(info)).load(resolution.id),
    ]),
  ),
  ...Object.fromEntries(
    LINK_TARGETS.map((t) => [
      t.type,
      {
        resolutions: resolverOf(['id'], (target: { id: string }, _: unknown, ctx: Context) =>
          ctx.loaders.linkedResolutions[t.key].load(target.id),
        ),
      },
    ]),
  ),
} as Resolvers;
