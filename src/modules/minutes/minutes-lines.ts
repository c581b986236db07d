import { bodyAt, isRecommendWord, ResolutionKind } from './minutes-kinds';
import { endsSentence, head, isAllCaps, isUpper, startsWithAsciiLetter, tail } from './minutes-text';

/**
 * What one line of minutes is, by the conventions clerks publish in (ModernGov and councils' own
 * styles): the words that open resolutions, the lines that end them, page furniture and the
 * next item's heading. Every test looks at a bounded slice of the line.
 */

/** A line that opens resolutions: "RESOLVED:", "Resolved –", "AGREED that ...", "It was resolved that ...". */
export interface Marker {
  /** What its resolutions are unless their words say otherwise. */
  kind: ResolutionKind;
  /** What follows the marker on its line ("That the report be noted."); "" when nothing. */
  rest: string;
  /** The line names the body its recommendations go to ("RECOMMENDATIONS TO CABINET:"). */
  referral: boolean;
  /** Only the word, in mixed case and without punctuation ("Agreed"): a table's response column reads so too. */
  bare: boolean;
}

const MARKER_KINDS: Record<string, ResolutionKind> = {
  resolved: 'DECISION',
  resolve: 'DECISION',
  agreed: 'DECISION',
  decided: 'DECISION',
  decision: 'DECISION',
  decisions: 'DECISION',
  resolution: 'DECISION',
  resolutions: 'DECISION',
  recommended: 'RECOMMENDATION',
  recommendation: 'RECOMMENDATION',
  recommendations: 'RECOMMENDATION',
  noted: 'NOTED',
};
// words that head a section rather than begin a sentence: they need punctuation or the line's end after them
const SECTION_WORDS = new Set(['decision', 'decisions', 'resolution', 'resolutions', 'recommendation', 'recommendations']);
const WORD = 'resolved|resolve|agreed|decided|decisions?|resolutions?|recommended|recommendations?|noted';
const BODY = 'committee|sub-committee|panel|board|commission|cabinet|executive|council|forum|members|group|meeting';
const ADVERB = '(?:(?:therefore|further|then|also|duly|unanimously|accordingly|thereupon)\\s+)?';
// at the line's start: "RESOLVED", "It was (unanimously) resolved", "The (Scrutiny) Committee AGREED", "Members agreed"
const AT_START = new RegExp(
  `^(?:(it\\s+was\\s+${ADVERB})|(the\\s+(?:[\\w'\u2019&-]+\\s+){0,6}?(?:${BODY})\\s+${ADVERB}|members\\s+${ADVERB}))?(${WORD})\\b`,
  'i',
);
// within the line: "Upon being put to the vote, it was RESOLVED:", "moved ..., seconded ... and RESOLVED that"
const WITHIN = new RegExp(`\\b(was|were|and|unanimously|therefore|then|thereupon)\\s+(${WORD})\\b`, 'gi');
// after the word: "unanimously", "(unanimously)", "nem con", "by 6 votes to 2", "(with Cllr X abstaining)"
const QUALIFIER =
  /^\s*(?:unanimously|nem\.?\s*con\.?|by\s+a\s+majority|further|by\s+\d+\s+votes?\s+to\s+\d+(?:\s+with\s+\d+\s+abstentions?)?|\((?![\da-zA-Z]{1,6}\))[^()]{1,80}\))/i;
const SEPARATORS = /^[\s:;,.\u2010-\u2015\u2212-]*/;

// every marker holds one of these: a cheap test before the costly ones
const MARKER_HINT = /resol|agree|decid|decision|recommend|noted/i;

export function readMarker(text: string): Marker | null {
  const start = head(text);
  if (!MARKER_HINT.test(start)) return null;
  const atStart = AT_START.exec(start);
  if (atStart) {
    const [whole, itWas, subject, word] = atStart;
    // "RESOLVED"/"Resolved" open a line; after "It was" or "The Committee" any case will do, but
    // "The Executive agreed to ..." in lower case reports another body's decision
    const otherBody = subject && /(?:executive|cabinet|council)\s+(?:\S+\s+)?$/i.test(subject) && word !== word.toUpperCase();
    if ((itWas || subject || isUpper(word)) && !otherBody) {
      const marker = afterWord(text, whole.length, word, !itWas && !subject);
      if (marker) return marker;
    }
  }
  for (const m of start.matchAll(WITHIN)) {
    const word = m[2];
    const before = start.slice(0, m.index).toLowerCase();
    // capitals say it is the formula; in lower case only after a motion was moved or put to the vote
    const formula = word === word.toUpperCase() || /\b(?:seconded|vote|moved|proposed)\b/.test(before);
    if (!formula || SECTION_WORDS.has(word.toLowerCase()) || word.toLowerCase() === 'noted') continue;
    const marker = afterWord(text, m.index + m[0].length, word, false);
    if (marker) return marker;
  }
  return null;
}

function afterWord(text: string, at: number, word: string, lineStart: boolean): Marker | null {
  const lower = word.toLowerCase();
  let rest = text.slice(at);
  const qualifier = QUALIFIER.exec(head(rest, 120));
  if (qualifier) rest = rest.slice(qualifier[0].length);
  const separators = SEPARATORS.exec(head(rest, 40))![0];
  const after = rest.slice(separators.length);
  const punctuated = separators.trim() !== '';
  const next = (/^[^\s:;,.]+/.exec(head(after, 30))?.[0] ?? '').toLowerCase();
  const kind = MARKER_KINDS[lower];
  if (!after) {
    return { kind, rest: '', referral: false, bare: !punctuated && !qualifier && word !== word.toUpperCase() && lineStart };
  }
  if (isRecommendWord(word) && next === 'to' && !punctuated) {
    // "RECOMMENDATIONS TO CABINET:", "Recommended to Council that ..."
    const words = after.split(' ', 14);
    const body = bodyAt(words, 1);
    if (body) {
      const rest = after.slice(`to ${body}`.length).replace(SEPARATORS, '');
      return { kind, rest, referral: true, bare: false };
    }
  }
  if (SECTION_WORDS.has(lower) && !punctuated) return null; // "Decision maker", "Recommendations of the Panel"
  if (lower === 'noted' && !lineStart) return null;
  const opens = punctuated || qualifier !== null || ['that', 'to', 'as', '('].includes(next) || after.startsWith('(');
  return opens ? { kind, rest: after, referral: false, bare: false } : null;
}

// "The recommendations to be submitted to the Executive were:", "The Panel agreed the following recommendations to Cabinet:"
const NOT_AN_INTRO = /^(?:in|during|following|when|as|if|although|while|a|councillor|cllr|the\s+chair(?:man)?)\b/i;
const REPORT_WORDS = new Set(['report', 'reports', "report's", 'report\u2019s', 'officer', 'officers', 'paper', 'director']);

/** A line that introduces a list of recommendations to another body (its entries are RECOMMENDATIONs). */
export function isRecommendationIntro(text: string): boolean {
  if (text.length > 300 || NOT_AN_INTRO.test(text)) return false;
  const words = text.split(' ');
  const at = words.findIndex((w, k) => k < 10 && isRecommendWord(w));
  if (at < 0) return false;
  const before = words.slice(0, at);
  if (before.some((w) => w.endsWith(',') || REPORT_WORDS.has(w.toLowerCase()))) return false;
  if (/:[\s\u2010-\u2015-]*$/.test(tail(text, 10))) return true;
  // a table's heading: "Recommendations", "Recommendations to Cabinet"
  return words.length <= 6 && at === 0 && !endsSentence(text);
}

/** "Minutes:", "Minutes", "Minute:" ... (not "Minutes of the last meeting"). */
export function readMinutesLine(text: string): { rest: string } | null {
  if (!startsWithAsciiLetter(text)) return null;
  const m = /^minutes?\s*(?::|[\u2013\u2014-]\s|$)/i.exec(head(text, 20));
  return m ? { rest: text.slice(m[0].length).trim() } : null;
}

/** "Agenda item", "Agenda item 5", "Agenda item - Budget monitoring": what follows is the title. */
export function readAgendaItemLine(text: string): { rest: string } | null {
  const m = /^agenda\s+item\b\s*(?:\d{1,3}[a-z]?\b\.?)?[\s:.\u2010-\u2015-]*/i.exec(head(text, 40));
  return m ? { rest: text.slice(m[0].length) } : null;
}

// labels after which nothing is a resolution's text, with a colon or not
const CLOSING = new RegExp(
  '^(?:(?:supporting|additional)\\s+documents?|background\\s+(?:papers|documents)|reasons?\\s+for\\s+(?:the\\s+)?(?:decisions?|recommendations?)|' +
    'alternative\\s+options|(?:other\\s+)?options\\s+considered|declarations?\\s+of\\s+interests?|call[\\s-]in\\b|' +
    'action\\s*(?::|by\\b)|actions?\\s*:)',
  'i',
);
// labels that end resolutions when a colon follows them
const LABELS = new RegExp(
  '^(?:contact(?:\\s+officer|\\s+details)?|lead\\s+officers?|report\\s+authors?|authors?|officer\\s+contact|reasons?|' +
    'wards?(?:\\s+affected)?|publication\\s+date|date\\s+of\\s+(?:decision|publication)|effective\\s+from|' +
    'decision\\s+(?:maker|taker)|proposed(?:\\s+by)?|seconded(?:\\s+by)?|moved(?:\\s+by)?|proposer|seconder|mover|' +
    'interests?(?:\\s+declared)?|attachments?|appendix|appendices|documents|note)\\s*:',
  'i',
);
const PHONE = /(?:^|[\s(])(?:0\d{2,4}|\+44\s?\(?0?\)?\s?\d{2,4})[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/;
const CONTACT = /\b(?:tel(?:ephone)?\.?\s*(?:no\.?)?\s*:|e-?mail\s*:|ext(?:ension)?\.?\s*\d)|[\w.+-]+@[\w-]+\.[\w.]+/i;

/** A line after which the resolution it follows has ended: a closing label, an officer's contact line. */
export function isClosingLine(text: string): boolean {
  const start = head(text, 200);
  if (startsWithAsciiLetter(text) && (CLOSING.test(start) || LABELS.test(start))) return true;
  if (text.length > 300) return false;
  return (
    (/\d/.test(start) && PHONE.test(start)) ||
    ((start.includes('@') || start.includes(':') || /\d/.test(start)) && CONTACT.test(start))
  );
}

// the same within a line: "... be noted. ACTION: Director", "... be noted. Supporting documents:"
const CLOSING_WITHIN =
  /\s(?:(?:ACTIONS?(?: BY)?|NOTE|REASONS?(?: FOR (?:THE )?DECISIONS?)?|(?!THAT |TO )[A-Z][A-Z'\u2019&/-]*(?: [A-Z'\u2019&/-]+){1,5}):(?=\s|$)|Supporting documents\b)/;

/** Where a closing label starts within the line (not at its start); -1 when none does. */
export function closingWithin(text: string): number {
  const m = CLOSING_WITHIN.exec(text);
  return m ? m.index : -1;
}

/** "ACTION: ...", "OVERVIEW AND SCRUTINY COMMITTEE: Children's Services": a label in capitals and a colon. */
export function isCapitalsLabel(text: string): boolean {
  if (!isUpper(text) || !head(text, 81).includes(':')) return false;
  const m = /^([A-Z][^:]{0,79}):/.exec(head(text, 81));
  return m !== null && isAllCaps(m[1], 2) && !/^\(?[\dA-Z]{1,4}[).]\s/.test(text);
}

// "For: 6 Against: 2", "(For 6, Against 2, Abstentions 1)", "(6 for, 2 against)", "Unanimous", "Carried"
const VOTE = [
  /^\(?\s*(?:for|against|abstain\w*|abstentions?|in\s+favour|votes?|voting|record\s+of\s+(?:the\s+)?votes?)\s*(?::|[\u2013\u2014-])\s*\d{1,2}(?!\d)/,
  /^\(?\s*(?:for|in\s+favour)\s+\d{1,2}\s*,?\s*against\s+\d{1,2}(?!\d)/,
  /^\(?\s*\d{1,2}\s+(?:votes?\s+)?(?:for|in\s+favour)\b.{0,30}\bagainst\b/,
  /^\(?\s*(?:unanimous(?:ly)?|carried(?:\s+unanimously)?|lost|motion\s+(?:carried|lost)|the\s+motion\s+was\s+(?:carried|lost)|nem\.?\s*con\.?)\s*\)?\s*\.?\s*$/,
  /^\(?\s*(?:the\s+)?(?:voting|vote)\s+(?:was|being)\b/,
];
const PAGE = /^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014])$/;
// a flattened table's header cells
const TABLE_HEADS =
  /^(?:no\.?|number|ref\.?|reference|response|executive\s+response|lead|owner|timescales?|target\s+date|status|comments?)$/;
const FURNITURE = new RegExp([...VOTE, PAGE, TABLE_HEADS].map((r) => `(?:${r.source})`).join('|'), 'i');

/** Lines that are not minutes at all: vote tallies, page furniture, a table's header cells. */
export function isFurniture(text: string): boolean {
  return text.length <= 120 && FURNITURE.test(text);
}

/** "(Councillor Smith abstained.)": a whole line in brackets. */
export const isBracketed = (text: string) => text.startsWith('(') && (text.endsWith(')') || text.endsWith(').'));

/**
 * A heading: short, no sentence punctuation at its end, in capitals or with most longer words
 * capitalised ("BUDGET MONITORING", "Impact of the Children's Centres Review"); after an item
 * number, any short line without a full stop ("46. Budget monitoring").
 */
export function isHeadingText(text: string, numbered = false): boolean {
  if (text.length < 3 || text.length > 160 || /[.;,:]$/.test(text) || /^(?:that|to)\b/i.test(text)) return false;
  if (!isUpper(text) && !/^\d/.test(text)) return false;
  if (isAllCaps(text, 4)) return true;
  const words = text.split(' ');
  if (words.length > 14) return false;
  if (numbered) return words.length <= 12;
  const long = words.filter((w) => w.length > 3);
  return long.length > 0 && long.filter((w) => isUpper(w)).length * 2 > long.length;
}

const ITEM_NUMBER = /^(?:(?:item|minute|min\.?)\s+)?(\d{1,3}[a-z]?(?:\/\d{2,4})?)(?:\.|:|\)|\s[\u2013\u2014-])?(?=\s)\s*/i;

/** "46. BUDGET MONITORING", "Item 6: Budget monitoring", "Minute 46/18 – Budget": the number and the title. */
export function readItemHeading(text: string, wideGap: boolean): { number: string; title: string } | null {
  const m = ITEM_NUMBER.exec(head(text, 40));
  if (!m) return null;
  const title = text.slice(m[0].length);
  const punctuated = m[0].trim() !== m[1] || /^(?:item|minute|min)/i.test(m[0]);
  // a bare number before words in a single space is as likely the title's first word ("100 Days Plan")
  if (!punctuated && !wideGap && !isAllCaps(title, 4)) return null;
  return isHeadingText(title, true) ? { number: m[1], title } : null;
}

/** A line that only numbers an item ("45.", "Item 45"): the title is on the next line. */
export function isItemNumberOnly(text: string): boolean {
  return /^(?:(?:item|minute)\s+)?\d{1,3}[a-z]?(?:\/\d{2,4})?[.:)]?$/i.test(head(text, 30)) && text.length <= 30;
}
