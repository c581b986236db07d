/**
 * Plain-text helpers for minutes as copied from a committee site: lines of any ending, every kind
 * of space collapsed, and small character tests that stay linear on any input (no regular
 * expression here runs on more than a bounded slice of a line, so a 1 MiB line costs 1 MiB).
 */

/** One line of the minutes, its spacing collapsed. */
export interface Line {
  /** 1-based, as an editor counts lines. */
  no: number;
  /** Every run of white space (tabs, non-breaking and other Unicode spaces) as one space, trimmed. */
  text: string;
  /**
   * The first word is followed by a tab or two spaces or more: how a table cell or a Word
   * numbered paragraph ("1<tab>That ...") separates a bare number from its text.
   */
  wideGap: boolean;
}

// characters that take no room: zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /\s+/g; // JavaScript's \s includes NBSP, U+2000-U+200A, U+202F, U+205F, U+3000
const WIDE_GAP = /^\S+(?:\t|\s\s)/;

// line ends: LF, CR (CRLF counts once), form feed (a page break in a PDF copy), vertical tab, Unicode line/paragraph separators
const isLineEnd = (code: number) =>
  code === 10 || code === 13 || code === 12 || code === 11 || code === 0x2028 || code === 0x2029;

/**
 * The lines that hold text, numbered as an editor numbers them. Blank lines (white space only)
 * are left out: no rule here depends on them, and a megabyte of line ends stays cheap.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let no = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (!isLineEnd(code)) continue;
    if (i > start) {
      const line = readLine(text.slice(start, i), no);
      if (line.text) lines.push(line);
    }
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    no++;
    start = i + 1;
  }
  return lines;
}

// a line with none of these needs no more than trimming
const UNTIDY = /\s\s|[^\S ]|[\u200b-\u200d\u2060\ufeff\u00ad]/;

function readLine(raw: string, no: number): Line {
  if (!UNTIDY.test(raw)) return { no, text: raw.trim(), wideGap: false };
  const visible = raw.replace(INVISIBLE, '');
  const start = visible.trimStart();
  return { no, text: start.replace(SPACES, ' ').trimEnd(), wideGap: WIDE_GAP.test(start.slice(0, 40)) };
}

/** The first n characters: what a test about a line's start needs to see. */
export const head = (text: string, n = 300) => (text.length > n ? text.slice(0, n) : text);
/** The last n characters. */
export const tail = (text: string, n = 200) => (text.length > n ? text.slice(text.length - n) : text);

const CLOSERS = new Set([')', ']', '"', "'", '\u2019', '\u201d', '\u00bb']);
const FULL_STOPS = new Set(['.', ';', '!', '?']);

/** The text ends a sentence (or a list entry with ";"), perhaps inside a closing bracket or quote. */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text[i])) i--;
  return i >= 0 && FULL_STOPS.has(text[i]);
}

/** Ends with ":" (or ":-" / ":–", how some clerks introduce a list). */
export function endsWithColon(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isDash(text[i])) i--;
  return i >= 0 && text[i] === ':';
}

const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
const isDash = (c: string | undefined) => c !== undefined && DASHES.has(c);

export const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
// The character at `at` is a capital (a small letter): ASCII by its code, other letters by a
// sticky pattern that tests in place. Tested per character, so neither makes a string.
const UPPER = /\p{Lu}/uy;
const LOWER = /\p{Ll}/uy;
export function isUpper(text: string, at = 0): boolean {
  const code = text.charCodeAt(at);
  if (code < 128 || Number.isNaN(code)) return code >= 65 && code <= 90;
  UPPER.lastIndex = at;
  return UPPER.test(text);
}
export function isLower(text: string, at = 0): boolean {
  const code = text.charCodeAt(at);
  if (code < 128 || Number.isNaN(code)) return code >= 97 && code <= 122;
  LOWER.lastIndex = at;
  return LOWER.test(text);
}
/** An ASCII letter starts the text: every label and opening word does. */
export function startsWithAsciiLetter(text: string): boolean {
  const code = text.charCodeAt(0) | 32;
  return code >= 97 && code <= 122;
}

/** Letters are all capitals, and there are at least `min` of them. */
export function isAllCaps(text: string, min = 3): boolean {
  let letters = 0;
  for (let k = 0; k < text.length; k++) {
    if (isLower(text, k)) return false;
    if (isUpper(text, k)) letters++;
  }
  return letters >= min;
}

const EDGE_PUNCTUATION = new Set([...'()[]{}"\'\u2018\u2019\u201c\u201d,.;:!?\u00ab\u00bb*', ...DASHES]);

/** A word without the punctuation around it ("(Executive);" -> "Executive"), by index, not by pattern. */
export function bareWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && EDGE_PUNCTUATION.has(word[start])) start++;
  while (end > start && EDGE_PUNCTUATION.has(word[end - 1])) end--;
  return word.slice(start, end);
}

/** A line quoted in a message: short enough to read. */
export function quote(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}\u2026` : text);
}
