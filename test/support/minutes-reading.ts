import { MinutesParseError, ParsedMinutes, parseMinutes } from '../../src/modules/minutes/minutes-parser';

/** How the unit tests of the minutes parser read its answers. */

/** The minutes of one item, as a ModernGov "Agenda item" page reads when copied. */
export const page = (minutes: string, title = 'Locality Working') =>
  `Agenda item\n\n${title}\n\nMinutes:\n\n${minutes}\n\nSupporting documents:`;

export function parsed(text: string): ParsedMinutes {
  const result = parseMinutes(text);
  if (!result.ok) throw new Error(`expected minutes, got ${JSON.stringify(result.error)}`);
  return result.minutes;
}
export function failure(text: string): MinutesParseError {
  const result = parseMinutes(text);
  if (result.ok) throw new Error(`expected a parse error, got ${JSON.stringify(result.minutes)}`);
  return result.error;
}
/** [number, kind, text] of each resolution found. */
export const found = (text: string) => parsed(text).resolutions.map((r) => [r.number, r.kind, r.text]);
export const numbers = (text: string) => parsed(text).resolutions.map((r) => r.number);
export const texts = (text: string) => parsed(text).resolutions.map((r) => r.text);
/** Each resolution as "[number] KIND -> body: text", the body only when it is referred to one. */
export const read = (text: string) =>
  parsed(text).resolutions.map((r) => `[${r.number}] ${r.kind}${r.referredTo ? ` -> ${r.referredTo}` : ''}: ${r.text}`);
