import { Projection } from '../../db/projection';
import { Scope } from '../../auth/scope';
import { ident, join, Param, raw, Sql, sql } from '../../db/sql';
import { hiddenFrom, TableOf } from '../../db/table';
import { LinkTarget as LinkTargetInput } from '../../generated/types';
import { issues } from '../issue/issue.entity';
import { milestoneOrder, milestones } from '../milestone/milestone.entity';
import { programmeProjection, programmes } from '../programme/programme.entity';
import { riskOrder, riskProjection, risks } from '../risk/risk.entity';
import { savingsLineOrder, savingsLines } from '../savings/savings.entity';

/**
 * What a resolution can be linked to: one row per kind of target, and nothing else to write.
 * Each row drives linkResolution/unlinkResolution (the `key` of the LinkTarget input), the two
 * relations (`Resolution.<field>` and `<type>.resolutions`, loaders and resolvers alike) and the
 * `programmeId` filter of `resolutions`. A new kind of target is a row here and a migration that
 * creates its link table `resolution_<targets>` (organisation_id, resolution_id, <target>_id),
 * keyed and foreign-keyed like the others (see migrations/1764000000000-InitialSchema.ts).
 */
export type LinkTargetKey = keyof LinkTargetInput;

export interface LinkTargetKind<Row = unknown> {
  /** Its field in the LinkTarget input, and in the audit event of a link. */
  key: LinkTargetKey;
  /** The GraphQL type whose `resolutions` lists the resolutions linked to it. */
  type: string;
  /** The field of Resolution that lists the targets of this kind. */
  field: string;
  /** The link table, and its column that names the target. */
  links: string;
  column: string;
  /** The target's own table: who may see it (confidential risks), what NOT_FOUND calls it. */
  table: TableOf<Row>;
  /** The target's column naming its programme (a programme is its own), whose editors link it. */
  programme: string;
  programmeOf(row: Row): string;
  /** How `Resolution.<field>` orders them, and a join that order needs. */
  order: Sql;
  join?: Sql;
  /** When `Resolution.<field>` selects only the columns its fields read. */
  projection?: Projection<Row>;
}

type KindOf<R> = Omit<LinkTargetKind<R>, 'key'>;
const kind = <R>(k: KindOf<R>) => k as KindOf<unknown>;

/** Keyed by the fields of the LinkTarget input: a field added to the schema without its row fails to compile. */
const KINDS: Record<keyof LinkTargetInput, KindOf<unknown>> = {
  programmeId: kind({
    type: 'Programme',
    field: 'programmes',
    links: 'resolution_programmes',
    column: 'programme_id',
    table: programmes,
    programme: 'id',
    programmeOf: (p) => p.id,
    order: raw('p.code'),
    projection: programmeProjection,
  }),
  riskId: kind({
    type: 'Risk',
    field: 'risks',
    links: 'resolution_risks',
    column: 'risk_id',
    table: risks,
    programme: 'programme_id',
    programmeOf: (r) => r.programmeId,
    order: riskOrder('r'),
    projection: riskProjection,
  }),
  milestoneId: kind({
    type: 'Milestone',
    field: 'milestones',
    links: 'resolution_milestones',
    column: 'milestone_id',
    table: milestones,
    programme: 'programme_id',
    programmeOf: (m) => m.programmeId,
    order: milestoneOrder('m'),
  }),
  savingsLineId: kind({
    type: 'SavingsLine',
    field: 'savingsLines',
    links: 'resolution_savings_lines',
    column: 'savings_line_id',
    table: savingsLines,
    programme: 'programme_id',
    programmeOf: (l) => l.programmeId,
    // by programme code first: the programme is joined for its code
    join: raw(' JOIN programmes p ON p.organisation_id = l.organisation_id AND p.id = l.programme_id'),
    order: sql`p.code, ${savingsLineOrder('l')}`,
  }),
  issueId: kind({
    type: 'Issue',
    field: 'issues',
    links: 'resolution_issues',
    column: 'issue_id',
    table: issues,
    programme: 'programme_id',
    programmeOf: (i) => i.programmeId,
    // by programme code, then reference: the issue carries its programme's code
    order: raw('i.programme_code, i.reference, i.id'),
  }),
};

export const LINK_TARGETS: readonly LinkTargetKind[] = (Object.keys(KINDS) as (keyof LinkTargetInput)[]).map((key) => ({
  key,
  ...KINDS[key],
}));

/**
 * The ids of resolutions linked to a programme itself or to anything of it (LINK_TARGETS: its risks,
 * milestones, savings lines, issues), one row each; a link to something the scope may not see (a
 * confidential risk) does not exist for it. `programme` is a value, or a column of the statement.
 */
export function resolutionIdsLinkedTo(scope: Scope, programme: Param | Sql): Sql {
  const links = LINK_TARGETS.map((t) =>
    t.programme === 'id'
      ? sql`SELECT resolution_id FROM ${ident(t.links)} WHERE organisation_id = ${scope.org} AND ${ident(t.column)} = ${programme}`
      : sql`SELECT l.resolution_id FROM ${ident(t.links)} l JOIN ${ident(t.table.table)} t ON t.organisation_id = l.organisation_id AND t.id = l.${ident(t.column)}
      WHERE l.organisation_id = ${scope.org} AND t.${ident(t.programme)} = ${programme}${hiddenFrom(t.table, scope, 't')}`,
  );
  return join(links, '\n    UNION ');
}

/**
 * `r` is a resolution linked to the programme (a value: the resolutions list's filter). With the
 * programme a column of the statement, join a LATERAL resolutionIdsLinkedTo instead: as a condition
 * on `r` the planner runs the union once per resolution.
 */
export function linkedToProgramme(scope: Scope, programme: Param): Sql {
  return sql`r.id IN (
    ${resolutionIdsLinkedTo(scope, programme)})`;
}
