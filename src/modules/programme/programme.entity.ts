import { columns, Projection } from '../../db/projection';
import { raw, sql } from '../../db/sql';
import { ListOf } from '../../db/table';
import { Rating } from '../risk/score';

/** A programme as the API reads it (programmes table, columns named as the GraphQL fields). */
export interface ProgrammeRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  status: string;
  owner: string | null;
  startDate: string | null;
  endDate: string | null;
  version: number;
  updatedAt: Date;
}

/** A programme's columns, named as the row's fields. */
export const programmeProjection = new Projection<ProgrammeRow>(
  columns('id code name description status owner start_date end_date version updated_at'),
);

export const programmeColumns = (p: string) => programmeProjection.selectAll(p);

/** The programmes table, listed by code. */
export const programmes: ListOf<ProgrammeRow> = {
  ...programmeProjection.table('programmes', 'p', 'programme'),
  list: 'programmes',
  order: raw('p.code'),
  cursor: { shape: ['string'], of: (row) => [row.code], after: ([code]) => sql`p.code > ${code}` },
};

/** A health report on a programme (programme_health_reports, columns named as the fields). */
export interface ProgrammeHealthRow {
  rating: Rating;
  commentary: string;
  asOf: string;
  recordedBy: string;
}

export const programmeHealthColumns = (h: string) =>
  raw(`${h}.rating, ${h}.commentary, ${h}.as_of AS "asOf", ${h}.recorded_by AS "recordedBy"`);

/** Newest asOf first; on the same day, the one recorded later first (ix_programme_health_reports_programme). */
export const programmeHealthOrder = (h: string) => raw(`${h}.as_of DESC, ${h}.seq DESC`);
