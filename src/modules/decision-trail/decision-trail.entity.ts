import { param, raw, sql } from '../../db/sql';
import { ListOf, TableOf } from '../../db/table';

/** Committees, their meetings and resolutions as the API reads them. */
export interface CommitteeRow {
  id: string;
  name: string;
}

export interface MeetingRow {
  id: string;
  committeeId: string;
  date: string;
}

export interface ResolutionRow {
  id: string;
  meetingId: string;
  meetingDate: string;
  /**
   * The meeting's committee and date are copied onto the resolution, so that it knows its meeting
   * without a query (updateMeeting moves the copies of its date in the same transaction).
   */
  committeeId: string;
  agendaItem: string;
  number: string | null;
  text: string;
  /** The number as the list orders it: all-digit numbers zero-padded (see migration ResolutionNumberOrder). */
  numberKey: string;
  kind: ResolutionKind;
  /** For a RECOMMENDATION: the committee it is made to, if known. */
  referredToId: string | null;
  /** PENDING until a response is recorded for a RECOMMENDATION; null for other kinds. */
  outcome: RecommendationOutcome | null;
  /** Changes exactly when updateResolution succeeds. */
  version: number;
}

export type ResolutionKind = 'DECISION' | 'RECOMMENDATION' | 'NOTED';
export type RecommendationOutcome = 'PENDING' | 'ACCEPTED' | 'PARTLY_ACCEPTED' | 'REJECTED';

export const meetingColumns = (m: string) => raw(`${m}.id, ${m}.committee_id AS "committeeId", ${m}.date`);

// number is stored as '' when absent so the list order needs no NULL handling
export const resolutionColumns = (r: string) =>
  raw(`${r}.id, ${r}.meeting_id AS "meetingId", ${r}.meeting_date AS "meetingDate", ${r}.committee_id AS "committeeId",
   ${r}.agenda_item AS "agendaItem",
   NULLIF(${r}.number, '') AS number, ${r}.text, ${r}.number_key AS "numberKey",
   ${r}.kind, ${r}.referred_to_committee_id AS "referredToId", ${r}.outcome, ${r}.version`);

/**
 * Newest meeting first, then agenda item and number (the contract's order for resolutions),
 * numbers in numeric order: 1, 2, 10, then a, b.
 */
export const resolutionOrder = (r: string) => raw(`${r}.meeting_date DESC, ${r}.agenda_item, ${r}.number_key, ${r}.id`);

export const committees: TableOf<CommitteeRow> = {
  table: 'committees',
  alias: 'c',
  noun: 'committee',
  columns: (c) => raw(`${c}.id, ${c}.name`),
};

export const meetings: TableOf<MeetingRow> = { table: 'meetings', alias: 'm', noun: 'meeting', columns: meetingColumns };

/** Resolutions, listed newest meeting first (resolutionOrder). */
export const resolutions: ListOf<ResolutionRow> = {
  table: 'resolutions',
  alias: 'r',
  noun: 'resolution',
  columns: resolutionColumns,
  list: 'resolutions',
  order: resolutionOrder('r'),
  cursor: {
    shape: ['date', 'string', 'string', 'id'],
    of: (r) => [r.meetingDate, r.agendaItem, r.numberKey, r.id],
    // the date descending, the rest ascending: not one row comparison
    after: ([meetingDate, agendaItem, numberKey, id]) => {
      const date = param(meetingDate);
      return sql`(r.meeting_date < ${date}::date OR (r.meeting_date = ${date}::date
               AND (r.agenda_item, r.number_key, r.id) > (${agendaItem}::text, ${numberKey}::text, ${id}::uuid)))`;
    },
  },
};
