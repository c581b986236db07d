import { Role } from '../../auth/caller';
import { raw } from '../../db/sql';
import { TableOf } from '../../db/table';

export interface OrganisationRow {
  id: string;
  name: string;
  /** Current score at or above which an open risk is escalated to the corporate register. */
  escalationThreshold: number;
}

/** An organisation's columns, named as the row's fields. */
export const organisationColumns = raw(`id, name, escalation_threshold AS "escalationThreshold"`);

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastUsedAt: Date | null;
}

export const userColumns = (u: string) =>
  raw(`${u}.id, ${u}.email, ${u}.name, ${u}.role, ${u}.active,
   (SELECT max(t.last_used_at) FROM api_tokens t WHERE t.organisation_id = ${u}.organisation_id AND t.user_id = ${u}.id) AS "lastUsedAt"`);

export const users: TableOf<UserRow> = { table: 'users', alias: 'u', noun: 'user', columns: userColumns };

export const RISK_CATEGORIES = [
  'SAFEGUARDING',
  'SERVICE_DELIVERY',
  'FINANCIAL',
  'WORKFORCE',
  'EQUALITIES',
  'LEGAL',
  'PARTNERSHIP',
  'REPUTATIONAL',
  'DATA_AND_SYSTEMS',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** A category's appetite until an ADMIN sets it. */
export const DEFAULT_APPETITE = 12;

/** The highest current score accepted, per category. */
export type Appetite = ReadonlyMap<string, number>;
