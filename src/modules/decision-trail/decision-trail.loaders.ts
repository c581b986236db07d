import { Scope } from '../../auth/scope';
import { BATCH_KEY, byKeys, Keyed, loaderById, loaderOfLists, loaderPerVariant } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { empty, ident, sql } from '../../db/sql';
import { visibleTo } from '../../db/table';
import {
  CommitteeRow,
  meetingColumns,
  MeetingRow,
  resolutionColumns,
  resolutionOrder,
  ResolutionRow,
} from './decision-trail.entity';
import { LINK_TARGETS, LinkTargetKey, LinkTargetKind } from './link-targets';

/** The fields a relation's resolver asks for (a Projection's list), or undefined for every column. */
type Fields = readonly string[] | undefined;

export function decisionTrailLoaders(reads: ReadBatch, scope: Scope) {
  /** The targets of one kind linked to each resolution, as Resolution.<field> lists them. */
  const targetsOf = (t: LinkTargetKind) =>
    loaderPerVariant((fields: Fields) =>
      loaderOfLists<unknown>((ids): Promise<Keyed<unknown>[]> => {
        const a = t.table.alias;
        const columns = fields && t.projection ? t.projection.select(fields as never, a) : t.table.columns(a);
        return reads.rows(
          sql`SELECT ${BATCH_KEY}, ${columns}
             FROM ${byKeys(t.links, 'link', 'resolution_id', scope, ids)}
             JOIN ${ident(t.table.table)} ${ident(a)} ON ${ident(a)}.organisation_id = link.organisation_id AND ${ident(a)}.id = link.${ident(t.column)}${t.join ?? empty}
            ${t.table.confidential ? sql`WHERE ${visibleTo(t.table, scope)} ` : empty}ORDER BY ${t.order}`,
        );
      }),
    );

  /** The resolutions linked to each target of one kind, newest meeting first. */
  const resolutionsOf = (t: LinkTargetKind) =>
    loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${resolutionColumns('r')}
             FROM ${byKeys(t.links, 'link', t.column, scope, ids)}
             JOIN resolutions r ON r.organisation_id = link.organisation_id AND r.id = link.resolution_id
            ORDER BY ${resolutionOrder('r')}`,
      ),
    );

  const byKind = <L>(make: (t: LinkTargetKind) => L) =>
    Object.fromEntries(LINK_TARGETS.map((t) => [t.key, make(t)])) as Record<LinkTargetKey, L>;

  return {
    committeeById: loaderById<CommitteeRow>((ids) =>
      reads.rows(sql`SELECT id, name FROM committees WHERE organisation_id = ${scope.org} AND id = ANY(${ids}::uuid[])`),
    ),
    meetingsByCommitteeId: loaderOfLists<MeetingRow>((ids): Promise<Keyed<MeetingRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${meetingColumns('m')} FROM ${byKeys('meetings', 'm', 'committee_id', scope, ids)}
            ORDER BY m.date DESC, m.id`,
      ),
    ),
    resolutionById: loaderById<ResolutionRow>((ids) =>
      reads.rows(sql`SELECT ${resolutionColumns('r')} FROM ${byKeys('resolutions', 'r', 'id', scope, ids)}`),
    ),
    resolutionsByMeetingId: loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${resolutionColumns('r')} FROM ${byKeys('resolutions', 'r', 'meeting_id', scope, ids)}
            ORDER BY ${resolutionOrder('r')}`,
      ),
    ),
    /** Resolution.<field>, per kind of target: one loader per list of fields asked for. */
    linkedTargets: byKind(targetsOf),
    /** <Target>.resolutions, per kind of target. */
    linkedResolutions: byKind(resolutionsOf),
  };
}
