// The meetings a programme was considered at, for "since the committee last met". Plain
// TypeScript without JSX: the server's report pack picks its meeting with the same rule.
import { date } from './format';

export interface MeetingOption {
  id: string;
  date: string;
  committee: { name: string };
}

/** "14 May 2019, Executive". */
export function meetingName(meeting: MeetingOption): string {
  return `${date(meeting.date)}, ${meeting.committee.name}`;
}

/**
 * The meetings at which the programme was considered (a resolution linked to it or to anything of
 * it, or an action about it was given there) held before today, newest first: a meeting held
 * today is the one the members are sitting in, so "since they last met" means the one before.
 */
export function meetingsBefore(today: string, ...lists: readonly (readonly { meeting: MeetingOption }[])[]): MeetingOption[] {
  const meetings = new Map<string, MeetingOption>();
  for (const list of lists) for (const { meeting } of list) if (meeting.date < today) meetings.set(meeting.id, meeting);
  return [...meetings.values()].sort(
    (a, b) => b.date.localeCompare(a.date) || a.committee.name.localeCompare(b.committee.name) || a.id.localeCompare(b.id),
  );
}

/** Today's date in Europe/London, as the API writes dates. */
export function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}
