import { badInput } from './errors';
import { londonToday } from './values/calendar-date';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs are UUIDs; anything else names nothing (so it is NOT_FOUND or null, not a database error). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A required text: trimmed, not empty, not longer than max. */
export function requiredText(field: string, value: string, max = 500): string {
  const text = value.trim();
  if (!text) throw badInput(field, `${field} must not be empty`);
  if (text.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return text;
}

/** An optional text: absent stays absent, blank becomes null. */
export function optionalText(field: string, value: string | null | undefined, max = 10_000): string | null | undefined {
  if (value === undefined || value === null) return value;
  const text = value.trim();
  if (text.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return text || null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(field: string, value: string): string {
  const text = value.trim();
  if (!EMAIL.test(text) || text.length > 254)
    throw badInput(field, `${field} must be an e-mail address like name@council.gov.uk`);
  return text;
}

export function intInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, `${field} must be from ${min} to ${max}`);
  return value;
}

/** A LIKE pattern that matches `search` anywhere, with % and _ taken literally. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Fields set in an update input (absent ones are left as they are). */
export function presentKeys<T extends object>(input: T): (keyof T)[] {
  return (Object.keys(input) as (keyof T)[]).filter((k) => input[k] !== undefined);
}

/** A business date that has happened: today (Europe/London) or before, else BAD_USER_INPUT on field. */
export function notInFuture(field: string, date: string): string {
  if (date > londonToday()) throw badInput(field, `${field} cannot be in the future`);
  return date;
}
