import { raw, sql } from '../../db/sql';
import { ListOf, TableOf } from '../../db/table';

export type ActionStatus = 'OPEN' | 'DONE' | 'DROPPED';

/** A committee action as the API reads it: its own columns and its meeting's date and committee. */
export interface CommitteeActionRow {
  id: string;
  meetingId: string;
  /** The meeting's date and committee, read with the action (the meeting's own row holds them). */
  meetingDate: string;
  committeeId: string;
  resolutionId: string | null;
  programmeId: string | null;
  text: string;
  owner: string | null;
  dueDate: string | null;
  reportToId: string | null;
  status: ActionStatus;
  completedOn: string | null;
  version: number;
}

/** The action's own columns: what a write returns (the meeting's are the caller's to add). */
export type ActionRecord = Omit<CommitteeActionRow, 'meetingDate' | 'committeeId'>;

const recordColumns = (a: string) =>
  raw(`${a}.id, ${a}.meeting_id AS "meetingId", ${a}.resolution_id AS "resolutionId", ${a}.programme_id AS "programmeId",
   ${a}.text, ${a}.owner, ${a}.due_date AS "dueDate", ${a}.report_to_committee_id AS "reportToId", ${a}.status,
   ${a}.completed_on AS "completedOn", ${a}.version`);

/** Every column of an action, under `a`, with its meeting under `m` (see withMeeting). */
export const committeeActionColumns = (a: string, m = 'm') =>
  sql`${recordColumns(a)}, ${raw(`${m}.date AS "meetingDate", ${m}.committee_id AS "committeeId"`)}`;

/** SQL: the action's meeting, joined as `m`. */
export const withMeeting = (a: string, m = 'm') =>
  raw(`JOIN meetings ${m} ON ${m}.organisation_id = ${a}.organisation_id AND ${m}.id = ${a}.meeting_id`);

/** The table alone, as updateVersioned writes it. */
export const actionRecords: TableOf<ActionRecord> = {
  table: 'committee_actions',
  alias: 'a',
  noun: 'committee action',
  columns: recordColumns,
};

/** The day that stands for "no due date" in the list's order and cursor: after every real one. */
const UNDATED = '9999-12-31';
const dueKey = (a: string) => `coalesce(${a}.due_date, date '${UNDATED}')`;

/** dueDate (none last), then meeting date, then the order recorded: the contract's order of actions. */
export const committeeActionOrder = (a: string, m = 'm') => raw(`${dueKey(a)}, ${m}.date, ${a}.seq`);

/** In the order recorded (Meeting.actions, Resolution.actions). */
export const recordedOrder = (a: string) => raw(`${a}.seq`);

/** OPEN and dueDate is before today (SQL and JS, the same rule). */
export const actionOverdueSql = (a: string, today: string) =>
  sql`coalesce(${raw(a)}.status = 'OPEN' AND ${raw(a)}.due_date < ${today}::date, false)`;
export const actionOverdue = (action: Pick<CommitteeActionRow, 'status' | 'dueDate'>, today: string) =>
  action.status === 'OPEN' && action.dueDate !== null && action.dueDate < today;

/**
 * Committee actions with their meeting, listed by committeeActionOrder. The cursor names the last
 * action by its id rather than its seq, which counts every organisation's actions.
 */
export const committeeActions: ListOf<CommitteeActionRow> = {
  table: 'committee_actions',
  alias: 'a',
  noun: 'committee action',
  from: sql`committee_actions a ${withMeeting('a')}`,
  columns: (a) => committeeActionColumns(a),
  writes: actionRecords,
  list: 'committeeActions',
  order: committeeActionOrder('a'),
  cursor: {
    shape: ['date', 'date', 'id'],
    of: (row) => [row.dueDate ?? UNDATED, row.meetingDate, row.id],
    after: ([due, date, id], scope) =>
      sql`(${raw(dueKey('a'))}, m.date, a.seq) > (${due}::date, ${date}::date,
            (SELECT s.seq FROM committee_actions s WHERE s.organisation_id = ${scope.org} AND s.id = ${id}::uuid))`,
  },
};
