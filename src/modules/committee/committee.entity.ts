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
  /** The meeting's committee, copied like its date: a resolution knows its meeting without a query. */
  committeeId: string;
  agendaItem: string;
  number: string | null;
  text: string;
  /** The number as the list orders it: all-digit numbers zero-padded (see migration ResolutionNumberOrder). */
  numberKey: string;
}

export const meetingColumns = (m: string) => `${m}.id, ${m}.committee_id AS "committeeId", ${m}.date`;

// number is stored as '' when absent so the list order needs no NULL handling
export const resolutionColumns = (r: string) =>
  `${r}.id, ${r}.meeting_id AS "meetingId", ${r}.meeting_date AS "meetingDate", ${r}.committee_id AS "committeeId",
   ${r}.agenda_item AS "agendaItem",
   NULLIF(${r}.number, '') AS number, ${r}.text, ${r}.number_key AS "numberKey"`;

/**
 * Newest meeting first, then agenda item and number (the contract's order for resolutions),
 * numbers in numeric order: 1, 2, 10, then a, b.
 */
export const resolutionOrder = (r: string) => `${r}.meeting_date DESC, ${r}.agenda_item, ${r}.number_key, ${r}.id`;
