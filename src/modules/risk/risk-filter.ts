import { Scope } from '../../auth/scope';
import { join, param, raw, Sql, sql } from '../../db/sql';
import { RiskFilter } from '../../generated/types';
import { londonToday } from '../../values/calendar-date';
import { containsPattern, isId } from '../../validation';
import { escalatedSql, reviewOverdueSql, visibleRisks, withinAppetiteSql } from './risk.entity';
import { ratingSql } from './score';

/** The WHERE condition of a RiskFilter for the risks `r` a scope may see; null when it can match nothing. */
export function riskConditions(scope: Scope, filter: RiskFilter | null | undefined): Sql | null {
  const f = filter ?? {};
  const where = [visibleRisks('r', scope)];
  if (f.programmeId != null) {
    if (!isId(f.programmeId)) return null;
    where.push(sql`r.programme_id = ${f.programmeId}::uuid`);
  }
  // one status (the usual open risks) as an equality, so the list and its count use ix_risks_status_list
  if (f.status != null && f.status.length === 1) where.push(sql`r.status = ${f.status[0]}::text`);
  else if (f.status != null) where.push(sql`r.status = ANY(${f.status}::text[])`);
  if (f.category != null) where.push(sql`r.category = ANY(${f.category}::text[])`);
  if (f.minScore != null) where.push(sql`r.current_score >= ${f.minScore}::int`);
  if (f.rating != null) where.push(raw(ratingSql('r.current_score', f.rating)));
  if (f.withinAppetite != null) where.push(raw(`${f.withinAppetite ? '' : 'NOT '}${withinAppetiteSql('r')}`));
  if (f.reviewOverdue != null) where.push(sql`${raw(f.reviewOverdue ? '' : 'NOT ')}${reviewOverdueSql('r', londonToday())}`);
  if (f.escalated != null) where.push(raw(`${f.escalated ? '' : 'NOT '}${escalatedSql('r')}`));
  if (f.reviewDueBefore != null) where.push(sql`r.status = 'OPEN' AND r.review_date < ${f.reviewDueBefore}::date`);
  if (f.search) {
    const pattern = param(containsPattern(f.search));
    where.push(sql`(r.reference ILIKE ${pattern} OR r.title ILIKE ${pattern} OR r.description ILIKE ${pattern})`);
  }
  return join(where, ' AND ');
}
