import { isClosingLine, isFurniture, isItemNumberOnly, readAgendaItemLine, readMarker, readMinutesLine } from './minutes-lines';
import { head, Line, quote } from './minutes-text';

/** The longest title the register keeps (Resolution.agendaItem). */
const MAX_TITLE = 500;

export interface Title {
  title: string;
  number: string | null;
  /** Index in the lines of the line the title is on. */
  index: number;
}

// a line that starts resolving, where the title should be ("Decisions - Budget" is a title)
const RESOLUTION = /^(?:resolved|agreed|it\s+was\s+(?:\w+\s+)?(?:resolved|agreed))\b/i;
const isMinutesStart = (text: string) => readMinutesLine(text) !== null || readMarker(text) !== null;
const nextWithText = (lines: Line[], from: number) => {
  for (let k = from; k < lines.length; k++) if (lines[k].text && !isFurniture(lines[k].text)) return k;
  return -1;
};

/**
 * The agenda item's title: where the text starts with "Agenda item" (perhaps below the site's
 * own heading, "Local democracy"), the first line after it with text, or the rest of its own line
 * ("Agenda item - Budget monitoring"); otherwise the first line with text. Its item number
 * ("45.", "Item 45:") is read apart.
 */
export function findTitle(lines: Line[]): Title | { line: number; message: string } {
  const first = nextWithText(lines, 0);
  if (first < 0) return { line: 1, message: 'The minutes are empty: line 1 should hold the agenda item title' };
  let at = first;
  let text = lines[first].text;
  for (let k = first; k < lines.length && !isMinutesStart(lines[k].text); k++) {
    const agendaItem = readAgendaItemLine(lines[k].text);
    if (!agendaItem) continue;
    at = agendaItem.rest ? k : nextWithText(lines, k + 1);
    if (at < 0) return { line: lines[k].no, message: `Line ${lines[k].no} ${quote(lines[k].text)} has no title after it` };
    text = agendaItem.rest || lines[at].text;
    break;
  }
  let number: string | null;
  if (isItemNumberOnly(text)) {
    // "45." on a line of its own, the title on the next
    number = /\d{1,3}[a-z]?(?:\/\d{2,4})?/i.exec(text)![0];
    const next = nextWithText(lines, at + 1);
    if (next < 0) return notATitle(lines[at]);
    at = next;
    text = lines[at].text;
  } else {
    const split = splitItemNumber(text, lines[at].wideGap);
    number = split.number;
    text = split.title;
  }
  const line = lines[at];
  if (text.length > 2 * MAX_TITLE) return notATitle(line);
  const title = withoutFurniture(text);
  if (!/\p{L}/u.test(title) || title.length > MAX_TITLE || isClosingLine(title) || RESOLUTION.test(title)) return notATitle(line);
  if (readMinutesLine(title) && title.includes(':')) return notATitle(line);
  return { title, number, index: at };
}

function notATitle(line: Line) {
  return {
    line: line.no,
    message:
      `Line ${line.no} ${quote(line.text)} is not an agenda item title: the text must start with the item's title ` +
      `(or "Agenda item" and the title), then its minutes`,
  };
}

const ITEM_NUMBER = /^(?:(?:item|minute|min\.?)\s+)?(\d{1,3}[a-z]?(?:\/\d{2,4})?)(\.|:|\)|\s[\u2013\u2014-]|(?=\s))\s+/i;

/** "45. Budget" -> 45 and "Budget"; a number before a single space stays ("100 Days Plan"). */
function splitItemNumber(text: string, wideGap: boolean): { number: string | null; title: string } {
  const m = ITEM_NUMBER.exec(head(text, 40));
  if (!m || m[0].length === text.length) return { number: null, title: text };
  const punctuated = m[2] !== '' || /^(?:item|minute|min)/i.test(m[0]);
  return punctuated || wideGap ? { number: m[1], title: text.slice(m[0].length) } : { number: null, title: text };
}

/** A title copied from an agenda keeps the link's size and pages: "Budget PDF 245 KB", "Budget (Pages 5 - 20)". */
function withoutFurniture(title: string): string {
  return title
    .replace(/\s+PDF\s+\d{1,6}(?:\.\d{1,3})?\s*[KM]B$/i, '')
    .replace(/\s*\(Pages?\s+\d{1,4}(?:\s*[-\u2013\u2014]\s*\d{1,4})?\)$/i, '')
    .trim();
}

/** Where the minutes proper start: the first line to read, and the line named when none holds a resolution. */
export interface MinutesStart {
  /** "Minutes: RESOLVED – That ..." on one line: what follows "Minutes:", read first. */
  inline: Line | null;
  /** Index of the next line to read. */
  index: number;
  from: Line;
}

/** After "Minutes:", else at "Decision:" (a decision page), else after the title. */
export function startOfMinutes(lines: Line[], titleIndex: number): MinutesStart {
  for (let k = titleIndex + 1; k < lines.length; k++) {
    const minutes = readMinutesLine(lines[k].text);
    if (minutes)
      return { inline: minutes.rest ? { ...lines[k], text: minutes.rest, wideGap: false } : null, index: k + 1, from: lines[k] };
  }
  for (let k = titleIndex + 1; k < lines.length; k++) {
    if (/^decisions?\s*(?::|[\u2013\u2014-]|$)/i.test(head(lines[k].text, 20))) return { inline: null, index: k, from: lines[k] };
  }
  return { inline: null, index: titleIndex + 1, from: lines[titleIndex] };
}
