import { Caller } from '../../auth/caller';
import { Tx } from '../../db/db';
import { sql } from '../../db/sql';
import { londonToday } from '../../values/calendar-date';
import { SavingsChangeRow } from './savings.entity';

type Entry = Partial<Omit<SavingsChangeRow, 'on' | 'recordedBy'>> & Pick<SavingsChangeRow, 'kind'>;

/** Adds one entry to a line's changes, dated today (Europe/London), recorded by the caller. */
export async function recordSavingsChange(tx: Tx, caller: Caller, savingsLineId: string, e: Entry): Promise<void> {
  await tx.execute(
    sql`INSERT INTO savings_changes (organisation_id, savings_line_id, on_date, kind, amount, other_year, forecast_before,
                                  forecast_after, confidence_before, confidence_after, reason, resolution_id, recorded_by)
     VALUES (${caller.organisationId}, ${savingsLineId}, ${londonToday()}, ${e.kind}, ${e.amount ?? null}::numeric,
             ${e.otherYear ?? null}::smallint, ${e.forecastBefore ?? null}::numeric, ${e.forecastAfter ?? null}::numeric,
             ${e.confidenceBefore ?? null}, ${e.confidenceAfter ?? null}, ${e.reason ?? null}, ${e.resolutionId ?? null}::uuid,
             ${caller.email})`,
  );
}
