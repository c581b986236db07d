import { head, isUpper, Line } from './minutes-text';

/**
 * How a line of minutes may be numbered: (1) 1) 1. (a) a) a. (A) A) A. (i) i) i. (I) I. 2.1 [1],
 * a bare number before a tab (a Word numbered paragraph or a table cell), "Recommendation 1:",
 * or a bullet.
 * A letter that is also a Roman numeral (i, v, x) gives two readings; the list it falls in
 * chooses (see chooseLabel).
 */
export interface Label {
  /** As the minutes number it, without brackets or dots ("1", "a", "iv", "2.1"); null for a bullet. */
  value: string | null;
  /** Counter and punctuation, e.g. "1()" for (1), "a)" for a), "i." for i., "•" for a bullet, "R1R" for "Recommendation 1". */
  style: string;
  /** Position in its list (1 for 1, a, i, A); 0 where there is no order (bullets, 2.1). */
  ordinal: number;
  /** A number with no punctuation ("1<tab>That ...", or "1" alone): taken only where the list expects it. */
  bare: boolean;
  /** The line after the label. */
  rest: string;
}

// glyphs a bullet arrives as: Unicode bullets, Symbol/Wingdings private-use glyphs, dashes, an asterisk
const BULLETS = new Set([
  ...'\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u2043\u2219\u25cf\u25cb\u25a0\u25a1\u27a2\u25ba\u25b6\u2794\u2713\u2714',
  ...'\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf0a8\uf06e',
  ...'-*\u2013\u2014\u2212',
]);
// glyphs that are also letters or text: a bullet only with a tab or wide gap after it (Word's "o<tab>")
const GAP_BULLETS = new Set(['o', '\u00d8', '\u00a7']);

// "Recommendation 1:", "Recommendation 2 –": a scrutiny report's numbered recommendations
const NAMED = /^recommendation\s+(\d{1,3}|[a-zA-Z])(?=[\s:.)\u2013\u2014-]|$)[\s:.)\u2013\u2014-]*/i;
const PAREN = /^[([](\d{1,3}|[a-zA-Z]{1,6})[)\]]\s*/;
const CLOSE = /^(\d{1,3}|[a-zA-Z]{1,6})\)\s*/;
const DOT = /^(\d{1,3}|[a-zA-Z]{1,6})\.(?:\s+|$)/;
const DECIMAL = /^(\d{1,3}(?:\.\d{1,3}){1,2})\.?(?:\s+|$)/;
const BARE = /^(\d{1,3})(?:\s+|$)/;
const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;

function romanValue(text: string): number {
  const s = text.toLowerCase();
  if (!s || !ROMAN.test(s)) return 0;
  const digit: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const v = digit[s[k]];
    total += k + 1 < s.length && digit[s[k + 1]] > v ? -v : v;
  }
  return total;
}

/** a=1 ... z=26, aa=27 (lists longer than the alphabet); 0 when not a run of one letter. */
function letterValue(text: string): number {
  const s = text.toLowerCase();
  if (!/^([a-z])\1{0,2}$/.test(s)) return 0;
  return (s.length - 1) * 26 + (s.charCodeAt(0) - 96);
}

function readings(token: string, punctuation: string, rest: string): Label[] {
  if (/^\d+$/.test(token)) return [{ value: token, style: `1${punctuation}`, ordinal: Number(token), bare: false, rest }];
  const upper = isUpper(token);
  const found: Label[] = [];
  const roman = romanValue(token);
  if (roman && token === (upper ? token.toUpperCase() : token.toLowerCase())) {
    found.push({ value: token, style: `${upper ? 'I' : 'i'}${punctuation}`, ordinal: roman, bare: false, rest });
  }
  const letter = letterValue(token);
  if (letter) found.push({ value: token, style: `${upper ? 'A' : 'a'}${punctuation}`, ordinal: letter, bare: false, rest });
  return found;
}

const NONE: readonly Label[] = Object.freeze([]);

/** Every reading of the line's start as a list label; empty when it starts with none. */
export function readLabels(line: Pick<Line, 'text' | 'wideGap'>): readonly Label[] {
  const text = line.text;
  const start = head(text, 40);
  const first = text[0];
  if (first === undefined) return NONE;
  if (BULLETS.has(first) || (GAP_BULLETS.has(first) && line.wideGap && text[1] === ' ')) {
    // a dash or asterisk bullet needs a space after it ("-5%" is no bullet); a bullet glyph need not
    const glyphOnly = text.length === 1;
    if (glyphOnly || text[1] === ' ' || (!'-*\u2013\u2014\u2212'.includes(first) && !GAP_BULLETS.has(first))) {
      return [{ value: null, style: first, ordinal: 0, bare: false, rest: text.slice(1).trimStart() }];
    }
    return NONE;
  }
  const named = NAMED.exec(start);
  if (named) return readings(named[1], 'R', text.slice(named[0].length)).map((r) => ({ ...r, style: `R${r.style}` }));
  const paren = PAREN.exec(start);
  if (paren) return readings(paren[1], start[0] === '[' ? '[]' : '()', text.slice(paren[0].length));
  const close = CLOSE.exec(start);
  if (close) return readings(close[1], ')', text.slice(close[0].length));
  const decimal = DECIMAL.exec(start);
  if (decimal) {
    return [{ value: decimal[1], style: '1.1', ordinal: 0, bare: false, rest: text.slice(decimal[0].length) }];
  }
  const dot = DOT.exec(start);
  if (dot && (/^\d/.test(dot[1]) || dot[1].length === 1 || romanValue(dot[1]))) {
    return readings(dot[1], '.', text.slice(dot[0].length));
  }
  const bare = BARE.exec(start);
  if (bare && (line.wideGap || bare[0].length === text.length)) {
    return [{ value: bare[1], style: '1', ordinal: Number(bare[1]), bare: true, rest: text.slice(bare[0].length) }];
  }
  return NONE;
}

/** The list a label continues: its style and the ordinal of its last entry. */
export interface ListState {
  style: string;
  ordinal: number;
}

/** The label is the next entry of the list. */
export const isNamedRecommendation = (label: Label) => label.style[0] === 'R';

export const follows = (label: Label, list: ListState | null) =>
  list !== null && label.style === list.style && (label.ordinal === 0 || label.ordinal === list.ordinal + 1);

/**
 * The reading that fits: the next entry of the outer list, else the next entry of the list
 * nested in the current entry, else any entry in the outer list's style, else a new list (a
 * Roman "i" rather than the letter, which would not start a list). A bare number counts only as
 * the next entry of its list, or the first of a new one.
 */
export function chooseLabel(readings: readonly Label[], outer: ListState | null, nested: ListState | null): Label | null {
  let best: Label | null = null;
  let bestRank = Infinity;
  for (const r of readings) {
    if (r.bare && !follows(r, outer) && !(outer === null && r.ordinal === 1)) continue;
    const rank = follows(r, outer)
      ? 0
      : follows(r, nested)
        ? 1
        : outer !== null && r.style === outer.style
          ? 2
          : r.style[0] === 'i' || r.style[0] === 'I'
            ? 3
            : 4;
    if (rank < bestRank) [best, bestRank] = [r, rank];
  }
  return best;
}
