import { bodyNamed, isNoting, recommendationTarget, ResolutionKind, subjectBody } from './minutes-kinds';
import {
  closingWithin,
  isBracketed,
  isCapitalsLabel,
  isClosingLine,
  isFurniture,
  isHeadingText,
  isRecommendationIntro,
  Marker,
  readAgendaItemLine,
  readItemHeading,
  readMarker,
  readMinutesLine,
} from './minutes-lines';
import { chooseLabel, follows, isNamedRecommendation, Label, ListState, readLabels } from './minutes-numbering';
import { findTitle, startOfMinutes } from './minutes-title';
import { endsSentence, endsWithColon, head, isAllCaps, isUpper, Line, quote, splitLines } from './minutes-text';

export type { ResolutionKind } from './minutes-kinds';

/** One resolution or recommendation as the minutes give it (FoundResolution in the contract). */
export interface ParsedResolution {
  /** As the minutes number it (1, 2, a, iii, 2.1), without brackets or dots; null when unnumbered or bulleted. */
  number: string | null;
  kind: ResolutionKind;
  /** Verbatim, white space collapsed, its own numbering removed (numbered points under it keep theirs). */
  text: string;
  /** For a RECOMMENDATION: the body named as receiving it ("the Executive", "Cabinet"); null when none is named. */
  referredTo: string | null;
  /**
   * For a RECOMMENDATION: the line to look for the receiving committee's name in: the line that
   * introduced its list ("The recommendations to be submitted to the Executive were:"), else its
   * own text. Null for other kinds.
   */
  referralLine: string | null;
  /** The line it starts on, 1-based. */
  line: number;
}

export interface ParsedMinutes {
  /** The agenda item's title as the minutes give it, without its item number. */
  agendaItem: string;
  /** The item's number where the title carries one ("45" of "45. BUDGET MONITORING"); null otherwise. */
  agendaItemNumber: string | null;
  /** In the order of the text; never empty. */
  resolutions: ParsedResolution[];
}

/** Why the text is not minutes this parser can read: BAD_USER_INPUT on `text` with this message. */
export interface MinutesParseError {
  /** The line it could not read, 1-based. */
  line: number;
  /** Names the line by number and quotes it. */
  message: string;
}

export type MinutesParse = { ok: true; minutes: ParsedMinutes } | { ok: false; error: MinutesParseError };

interface Entry {
  number: string | null;
  parts: string[];
  line: number;
  /** A list numbered in another style inside this entry, and how far it has gone. */
  nested: ListState | null;
  /** Numbered "Recommendation 1:": a RECOMMENDATION whatever its block. */
  namedRecommendation: boolean;
}

/** Resolutions opened by one marker ("RESOLVED:") or one introduction of recommendations. */
interface Block {
  kind: ResolutionKind;
  /** Every entry is a RECOMMENDATION: the block's line introduced recommendations to another body. */
  recommendations: boolean;
  /** The line naming the body the recommendations go to. */
  referral: string | null;
  outer: ListState | null;
  entries: Entry[];
  /** Paragraphs after a finished entry: its text if the list goes on or a closing line ends it, discussion if another block begins. */
  pending: string[] | null;
}

const CONTINUING = new Set(['and', 'or', 'but', 'nor', 'subject', 'provided', 'including', 'save', 'except', 'whilst', 'while']);
const continues = (text: string) => {
  if (!isUpper(text) && !/^[\d"'\u2018\u201c(]/.test(text)) return true;
  return CONTINUING.has(head(text, 12).split(' ')[0].toLowerCase());
};
const opensClause = (text: string) => /^(?:That|THAT|To|TO)\b/.test(text);
const isFinished = (entry: Entry) => entry.parts.length > 0 && endsSentence(entry.parts[entry.parts.length - 1]);

/**
 * Reads one agenda item's minutes as published (plain text copied from a ModernGov page or
 * similar): its title and every resolution, as the contract's importMinutes describes. Pure and
 * linear in the text's length; it never throws on any string.
 */
export function parseMinutes(text: string): MinutesParse {
  const lines = splitLines(text);
  const title = findTitle(lines);
  if ('message' in title) return { ok: false, error: title };
  const start = startOfMinutes(lines, title.index);
  const reader = new ResolutionReader(title.number);
  let reading = start.inline === null || reader.read(start.inline);
  for (let k = start.index; reading && k < lines.length; k++) reading = reader.read(lines[k]);
  const resolutions = reader.finish();
  if (resolutions.length > 0) {
    return { ok: true, minutes: { agendaItem: title.title, agendaItemNumber: title.number, resolutions } };
  }
  const marker = reader.lastMarker;
  const error = marker
    ? { line: marker.no, message: `Line ${marker.no} ${quote(marker.text)} is followed by no resolution` }
    : {
        line: start.from.no,
        message:
          `No resolution found after line ${start.from.no} ${quote(start.from.text)}: expected "RESOLVED: That ...", ` +
          `"AGREED that ...", or numbered resolutions after "Resolved"`,
      };
  return { ok: false, error };
}

/** Reads the lines after the title (or after "Minutes:") one by one. */
class ResolutionReader {
  private readonly blocks: Block[] = [];
  private block: Block | null = null;
  lastMarker: Line | null = null;
  /** An entry has been read (the item's resolutions have begun). */
  private foundAny = false;

  constructor(private readonly itemNumber: string | null) {}

  /** Reads one line; false when the agenda item has ended (the next item's heading). */
  read(line: Line): boolean {
    const text = line.text;
    const block = this.block;
    const current = block?.entries.at(-1) ?? null;
    // a finished entry (or discussion after it) can be followed by anything; an open one only by its own text
    const settled = block === null || block.pending !== null || (current !== null && isFinished(current));
    const readings = readLabels(line);
    let continuesList = false; // "3." after "2." is an entry even where it reads like a heading; "8." after "3." is not
    for (const r of readings) continuesList ||= follows(r, block?.outer ?? null) || follows(r, current?.nested ?? null);
    if (readMinutesLine(text) || readAgendaItemLine(text)) return false; // the next item's
    if (settled && !continuesList && this.isNextItem(text, line.wideGap)) return false;
    if (isClosingLine(text)) return this.end();
    // a numbered line inside resolutions is an entry whatever its words; outside, "23.1 RESOLVED –" opens them
    const marker = !readings.length ? readMarker(text) : !block ? readMarker(readings[0].rest) : null;
    if (marker && marker.kind === 'NOTED' && !marker.rest && endsSentence(text)) {
      // "Noted." on its own: the whole resolution (inside "RESOLVED:" or after the discussion)
      if (!block || block.entries.length > 0) this.start({ kind: 'NOTED', recommendations: false, referral: null }, line);
      return this.content(text, [], line.no);
    }
    if (marker && !(marker.bare && block?.outer)) return this.open(marker, line);
    if (!readings.length && settled && isUpper(text) && isRecommendationIntro(text)) {
      return this.start({ kind: 'RECOMMENDATION', recommendations: true, referral: text }, line);
    }
    if (isCapitalsLabel(text)) return this.end();
    if (!block) {
      if (!readings.some(isNamedRecommendation)) return true; // discussion
      this.start({ kind: 'RECOMMENDATION', recommendations: false, referral: null }, line);
    }
    if (settled && current && isHeadingText(text) && isAllCaps(text, 4)) return this.end();
    if (isFurniture(text) || (marker && marker.bare) || (settled && current && isBracketed(text))) return true;
    return this.content(text, readings, line.no);
  }

  /**
   * The next agenda item's heading. Before any resolution a numbered line may be a point in the
   * discussion ("1. Staffing"), so only a heading in capitals, one saying "Item" or "Minute", or
   * the number after this item's counts there.
   */
  private isNextItem(text: string, wideGap: boolean): boolean {
    const heading = readItemHeading(text, wideGap);
    if (!heading) return false;
    if (this.foundAny) return true;
    const next = this.itemNumber !== null && parseInt(heading.number, 10) === parseInt(this.itemNumber, 10) + 1;
    return next || isAllCaps(heading.title, 4) || /^(?:item|minute|min)\b/i.test(text);
  }

  finish(): ParsedResolution[] {
    this.end();
    const found: ParsedResolution[] = [];
    for (const block of this.blocks) {
      // the body named by the line introducing a block's recommendations, read once for all of them
      const referral = block.recommendations && block.referral !== null ? introducedBy(block.referral) : null;
      for (const entry of block.entries) {
        const text = entry.parts.join(' ').trim();
        if (!text || (entry.number === null && isBareStem(text))) continue;
        const kind = entry.namedRecommendation && !referral ? byItsWords(text) : kindOf(text, block, referral);
        found.push({ number: entry.number, text, line: entry.line, ...kind });
      }
    }
    return found;
  }

  private open(marker: Marker, line: Line): boolean {
    this.start({ kind: marker.kind, recommendations: marker.referral, referral: marker.referral ? line.text : null }, line);
    return !marker.rest || this.content(marker.rest, readLabels({ text: marker.rest, wideGap: false }), line.no);
  }

  /** A new block; what followed the last one's entries led up to this one (discussion), not their text. */
  private start(how: Pick<Block, 'kind' | 'recommendations' | 'referral'>, line: Line): boolean {
    this.lastMarker = line;
    this.block = {
      kind: how.kind,
      recommendations: how.recommendations,
      referral: how.referral,
      outer: null,
      entries: [],
      pending: null,
    };
    this.blocks.push(this.block);
    return true;
  }

  /**
   * The block has reached a closing line or the item's end: paragraphs after its last entry were
   * that entry's text (a text runs to the next entry of its list or to a closing line).
   */
  private end(): boolean {
    const last = this.block?.entries.at(-1);
    if (last && this.block!.pending) for (const part of this.block!.pending) last.parts.push(part);
    this.block = null;
    return true;
  }

  /** A line inside resolutions, up to a closing label within it ("... noted. ACTION: Director"). */
  private content(text: string, readings: readonly Label[], lineNo: number): true {
    const closing = closingWithin(text);
    if (closing < 0) this.entry(text, readings, lineNo);
    else {
      const before = text.slice(0, closing);
      this.entry(before, readLabels({ text: before, wideGap: false }), lineNo);
      this.end();
    }
    return true;
  }

  /** A new entry, more of the current one, or discussion after them. */
  private entry(text: string, readings: readonly Label[], lineNo: number): void {
    const block = this.block!;
    const current = block.entries.at(-1) ?? null;
    const label = readings.length ? chooseLabel(readings, block.outer, current?.nested ?? null) : null;
    if (label) return this.labelled(label, text, lineNo);
    if (readings.length && readings.every((r) => r.bare) && !readings[0].rest) return; // a page number
    if (!current) {
      if (!block.outer && !block.pending) this.add(null, text, lineNo); // the words after "Decision:"
      return;
    }
    if (opensClause(text) && !block.outer && (isFinished(current) || block.pending)) {
      block.pending = null;
      this.add(null, text, lineNo);
    } else if (block.pending) block.pending.push(text);
    else if (!isFinished(current) || continues(text)) current.parts.push(text);
    else block.pending = [text];
  }

  private labelled(label: Label, text: string, lineNo: number): void {
    const block = this.block!;
    const current = block.entries.at(-1) ?? null;
    if (!block.outer) {
      if (block.pending) {
        block.pending.push(text); // a list in the discussion after the resolutions
        return;
      }
      // "AGREED that the Committee:" above (a), (b): the list's entries are the resolutions
      if (current && current.number === null && !isFinished(current)) this.dropStem(current);
    } else if (label.style !== block.outer.style) {
      // numbered in another style: part of the current entry's text (only the outer list is found)
      if (block.pending) block.pending.push(text);
      else if (current) {
        current.parts.push(text);
        current.nested = { style: label.style, ordinal: label.ordinal };
      }
      return;
    } else if (block.pending && current) {
      for (const part of block.pending) current.parts.push(part); // paragraphs between two entries belong to the first
      block.pending = null;
    }
    if (block.outer) block.outer.ordinal = label.ordinal;
    else block.outer = { style: label.style, ordinal: label.ordinal };
    this.add(label.value, label.rest, lineNo, isNamedRecommendation(label));
  }

  private add(number: string | null, text: string, lineNo: number, namedRecommendation = false): void {
    this.foundAny = true;
    this.block!.entries.push({ number, parts: text ? [text] : [], line: lineNo, nested: null, namedRecommendation });
  }

  /**
   * The unnumbered words above a list introduce it. When they send recommendations to another
   * body ("That the following recommendations be made to the Executive:"), so does every entry;
   * approving a report's recommendations ("the recommendations be approved, namely:") does not.
   */
  private dropStem(stem: Entry): void {
    const block = this.block!;
    block.entries.pop();
    const text = stem.parts.join(' ');
    if (recommendationTarget(text)) {
      block.recommendations = true;
      block.referral ??= text;
    } else if (isNoting(text)) block.kind = 'NOTED'; // "that the Committee notes:" above what it noted
  }
}

/** "that:", "That the Committee:", "as follows:": words that only introduce a list that never came. */
function isBareStem(text: string): boolean {
  return endsWithColon(text) && text.split(' ').length <= 3;
}

type Kind = Pick<ParsedResolution, 'kind' | 'referredTo' | 'referralLine'>;

/** A RECOMMENDATION introduced by `line` ("The recommendations to the Executive were:"): the body it names. */
function introducedBy(line: string): Kind {
  return { kind: 'RECOMMENDATION', referredTo: recommendationTarget(line) ?? bodyNamed(line), referralLine: line };
}

/** A RECOMMENDATION by its own words: the body it asks ("That Cabinet be recommended to", "That the Executive increase"). */
function byItsWords(text: string, target = recommendationTarget(text)): Kind {
  return { kind: 'RECOMMENDATION', referredTo: target ?? subjectBody(text), referralLine: text };
}

/** DECISION, NOTED or RECOMMENDATION (to whom), from the block it is in and its own words. */
function kindOf(text: string, block: Block, blockReferral: Kind | null): Kind {
  if (block.recommendations) return blockReferral ?? byItsWords(text);
  if (isNoting(text)) return { kind: 'NOTED', referredTo: null, referralLine: null };
  const target = recommendationTarget(text);
  if (target || block.kind === 'RECOMMENDATION') return byItsWords(text, target);
  return { kind: block.kind, referredTo: null, referralLine: null };
}
