import { Call } from './client';
import { ProgrammeCode } from './organisation';

const REASON_TEST_LINE = 'A test line entered while trying the register out; not a saving of the programme.';
const REASON_TYPED_TWICE = 'Typed twice from the minutes; resolution 1 of the item is the one recorded.';

/**
 * Records entered in error and deleted, as the register's first users made them (issue 13): a test
 * savings line in 2099/00, and a resolution typed twice. Nothing of them is left in any read; the
 * audit trail keeps each one's last state and the reason.
 */
export async function seedCorrections(admin: Call, programmeIds: Record<ProgrammeCode, string>): Promise<void> {
  const { createSavingsLine: line } = await admin(
    `mutation($p: ID!) { createSavingsLine(input: { programmeId: $p, description: "TEST - please ignore", category: OTHER,
       financialYear: "2099/00", planned: "1" }) { id version } }`,
    { p: programmeIds['FH-2018'] },
  );
  await admin(
    `mutation($id: ID!, $v: Int!, $reason: String!) { deleteSavingsLine(id: $id, expectedVersion: $v, reason: $reason) { id } }`,
    {
      id: line.id,
      v: line.version,
      reason: REASON_TEST_LINE,
    },
  );

  const { committees } = await admin(`{ committees { name meetings { id date } } }`);
  const executive = committees.find((c: { name: string }) => c.name === 'Executive');
  const meeting = executive.meetings.find((m: { date: string }) => m.date === '2018-04-03');
  const { recordResolution: typo } = await admin(
    `mutation($m: ID!) { recordResolution(input: { meetingId: $m, agendaItem: "FAMILY HUBS MODEL FOR PREVENTION AND EARLY HELP",
       text: "That the Family Hubs model be implemented for delivery from Ocotber 2018." }) { id version } }`,
    { m: meeting.id },
  );
  await admin(
    `mutation($id: ID!, $v: Int!, $reason: String!) { deleteResolution(id: $id, expectedVersion: $v, reason: $reason) { id } }`,
    {
      id: typo.id,
      v: typo.version,
      reason: REASON_TYPED_TWICE,
    },
  );
}
