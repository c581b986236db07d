import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { Tx } from '../../db/db';
import { sql } from '../../db/sql';
import { findVisible } from '../../db/table';
import { badInput } from '../../errors';
import { meetings, resolutionColumns, ResolutionRow } from '../decision-trail/decision-trail.entity';
import { auditRecorded, insertResolutions, NewResolution } from '../decision-trail/decision-trail.service';
import { programmeColumns, ProgrammeRow } from '../programme/programme.entity';
import { parseMinutes, ParsedResolution } from './minutes-parser';
import { mentionedProgrammes } from './programme-mentions';

export interface MinutesImport {
  dryRun: boolean;
  agendaItem: string;
  found: (Pick<ParsedResolution, 'number' | 'kind' | 'text'> & { resolution: ResolutionRow | null })[];
  created: number;
  suggestedProgrammes: ProgrammeRow[];
}

/**
 * importMinutes: parses one agenda item's minutes and records its resolutions on the meeting, in
 * one transaction. A meeting and agenda item are imported once (minutes_imports' key): an import
 * after that, even a concurrent one, writes nothing and answers the records already there.
 */
export async function importMinutes(ctx: Context, meetingId: string, text: string, dryRun: boolean): Promise<MinutesImport> {
  const caller = requireCaller(ctx);
  const parsed = parseMinutes(text); // pure: parsed first, its error reported after NOT_FOUND and FORBIDDEN
  return inTransaction(ctx, async (tx) => {
    const meeting = await findVisible(tx, meetings, ctx.scope, meetingId);
    requireRole(caller, 'ADMIN', 'PROGRAMME_MANAGER');
    if (!parsed.ok) throw badInput('text', parsed.error.message);
    const { agendaItem, resolutions: found } = parsed.minutes;
    const agendaKey = agendaItem.replace(/\s+/g, ' ').trim().toLowerCase();
    const org = ctx.scope.org;
    const committees = await tx.rows<{ id: string; name: string }>(
      sql`SELECT c.id, c.name FROM committees c WHERE c.organisation_id = ${org}`,
    );
    const programmes = await tx.rows<ProgrammeRow>(
      sql`SELECT ${programmeColumns('p')} FROM programmes p WHERE p.organisation_id = ${org} ORDER BY p.code`,
    );
    const suggestedProgrammes = mentionedProgrammes(programmes, [agendaItem, ...found.map((r) => r.text)]);
    const answer = (rows: (ResolutionRow | null)[], createdCount: number): MinutesImport => ({
      dryRun,
      agendaItem,
      found: found.map((r, i) => ({ number: r.number, kind: r.kind, text: r.text, resolution: rows[i] ?? null })),
      created: createdCount,
      suggestedProgrammes,
    });

    const claimed = dryRun
      ? null
      : await tx.one<{ agendaKey: string }>(
          sql`INSERT INTO minutes_imports (organisation_id, meeting_id, agenda_key) VALUES (${org}, ${meeting.id}, ${agendaKey})
              ON CONFLICT DO NOTHING RETURNING agenda_key AS "agendaKey"`,
        );
    if (!claimed) return answer(await importedBefore(tx, ctx, meeting.id, agendaKey), 0);

    const toWrite: NewResolution[] = found.map((r) => ({
      agendaItem,
      number: r.number,
      text: r.text,
      kind: r.kind,
      referredTo: r.kind === 'RECOMMENDATION' ? committeeIn(r.referralLine, committees) : null,
    }));
    const written = await insertResolutions(tx, org, meeting, toWrite);
    await tx.execute(
      sql`UPDATE minutes_imports SET resolution_ids = ${written.map((r) => r.id)}::uuid[]
          WHERE organisation_id = ${org} AND meeting_id = ${meeting.id} AND agenda_key = ${agendaKey}`,
    );
    await auditRecorded(tx, caller, meeting.id, written, toWrite, 'minutes');
    return answer(written, written.length);
  });
}

/** The resolutions an earlier import of the meeting's agenda item wrote, in its order (none if never imported). */
async function importedBefore(tx: Tx, ctx: Context, meetingId: string, agendaKey: string): Promise<(ResolutionRow | null)[]> {
  const rows = await tx.rows<ResolutionRow & { position: number }>(
    sql`SELECT ${resolutionColumns('r')}, ids.position::int AS position
          FROM minutes_imports i
          CROSS JOIN unnest(i.resolution_ids) WITH ORDINALITY AS ids(id, position)
          JOIN resolutions r ON r.organisation_id = i.organisation_id AND r.id = ids.id
         WHERE i.organisation_id = ${ctx.scope.org} AND i.meeting_id = ${meetingId} AND i.agenda_key = ${agendaKey}`,
  );
  const byPosition: (ResolutionRow | null)[] = [];
  for (const { position, ...row } of rows) byPosition[position - 1] = row;
  return byPosition;
}

/** The one committee whose name the line contains, ignoring case; null when none or several. */
function committeeIn(line: string | null, committees: { id: string; name: string }[]): string | null {
  if (!line) return null;
  const fold = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/\s+/g, ' ');
  const matches = committees.filter((c) => fold(line).includes(fold(c.name).trim()));
  return matches.length === 1 ? matches[0].id : null;
}
