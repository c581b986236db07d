import { bareWord, head, isUpper, tail } from './minutes-text';

/**
 * What kind of resolution a clause is, from its words: NOTED ("That the report be noted"),
 * RECOMMENDATION (it asks another body to act: "That Cabinet be recommended to ...", "referred
 * to the Executive"), else DECISION. And which body a line names ("the Executive").
 */
export type ResolutionKind = 'DECISION' | 'RECOMMENDATION' | 'NOTED';

// nouns that end the name of a body a recommendation can go to
const BODY_NOUNS = new Set([
  'council',
  'cabinet',
  'executive',
  'committee',
  'sub-committee',
  'subcommittee',
  'board',
  'panel',
  'commission',
  'mayor',
  'leader',
  'assembly',
  'forum',
  'authority',
  'partnership',
  'holder', // Portfolio Holder
]);
// a body's own name may be written in lower case: "recommend to council", "to full council"
const LOWER_CASE_BODIES = new Set(['council', 'cabinet', 'executive']);
// "the Committee" on its own is the committee itself, not another body
const GENERIC_SELF = new Set(['committee', 'sub-committee', 'subcommittee', 'panel', 'board', 'commission', 'forum']);
const CONNECTORS = new Set(['and', '&', 'of', 'for', 'the', 'on']);
const ARTICLES = new Set(['the', 'full']);

const key = (word: string) => {
  const bare = bareWord(word).toLowerCase();
  return bare.endsWith("'s") || bare.endsWith('\u2019s') ? bare.slice(0, -2) : bare;
};
const isBodyNoun = (words: string[], k: number) => {
  if (/['\u2019]s\W*$/.test(tail(words[k], 6))) return false; // "the Council's response": the body is not the subject
  const w = key(words[k]);
  if (w === 'member') return k > 0 && ['cabinet', 'executive', 'lead'].includes(key(words[k - 1]));
  return BODY_NOUNS.has(w);
};
const capitalised = (word: string) => isUpper(bareWord(word));
const closesPhrase = (word: string) => /[,.;:)]$/.test(word);

/** The words of a body's name starting at words[from] ("the Health and Wellbeing Board"); null when none. */
export function bodyAt(words: string[], from: number): string | null {
  let k = from;
  while (k < words.length && ARTICLES.has(words[k].toLowerCase()) && k - from < 2) k++;
  const nameStart = k;
  if (k < words.length && LOWER_CASE_BODIES.has(key(words[k])) && !capitalised(words[k])) {
    return trimPhrase(words.slice(from, k + 1));
  }
  let last = -1;
  for (; k < words.length && k - nameStart < 10; k++) {
    const w = words[k];
    const connector = CONNECTORS.has(w.toLowerCase()) && k > nameStart;
    if (!capitalised(w) && !connector) break;
    if (capitalised(w) && isBodyNoun(words, k)) last = k;
    if (closesPhrase(w)) break;
  }
  return last < 0 ? null : trimPhrase(words.slice(from, last + 1));
}

/** The body's name ending at words[to] ("Cabinet" in "That Cabinet be recommended"). */
function bodyEndingAt(words: string[], to: number): string | null {
  if (to < 0 || !isBodyNoun(words, to) || (!capitalised(words[to]) && !LOWER_CASE_BODIES.has(key(words[to])))) return null;
  let k = to;
  while (k > 0 && to - k < 10) {
    const w = words[k - 1];
    if (closesPhrase(w) || !(capitalised(w) || CONNECTORS.has(w.toLowerCase()))) break;
    if (w === 'That' || w === 'THAT') break;
    k--;
  }
  while (k < to && CONNECTORS.has(words[k].toLowerCase()) && !ARTICLES.has(words[k].toLowerCase())) k++;
  return trimPhrase(words.slice(k, to + 1));
}

function trimPhrase(words: string[]): string {
  const phrase = words.join(' ');
  let end = phrase.length;
  while (end > 0 && /[,.;:)]/.test(phrase[end - 1])) end--;
  return phrase.slice(0, end);
}

/** "the Committee", "Panel": the committee itself rather than another body. */
function isSelf(body: string): boolean {
  const words = body.split(' ').filter((w) => !ARTICLES.has(w.toLowerCase()));
  return words.length === 1 && GENERIC_SELF.has(key(words[0]));
}

const RECOMMEND = /^recommend(?:s|ed|ing|ation|ations)?$/;
export const isRecommendWord = (word: string) => RECOMMEND.test(key(word));
// verbs after which "to <body>" sends the matter to that body
const SENDING = new Set(['referred', 'refer', 'refers', 'forwarded', 'forward', 'commended', 'commend', 'submitted', 'submit']);
const ASKING = new Set(['recommended', 'asked', 'requested', 'invited', 'urged']);

/**
 * The other body a clause recommends something to, or refers it to: "recommends to Council",
 * "That Cabinet be recommended to", "recommend that the Executive", "be referred to the
 * Executive", "That the Executive be asked to". Null when it names none (the committee itself
 * does not count: "a further report be submitted to the Committee").
 */
export function recommendationTarget(text: string): string | null {
  const words = text.split(' ');
  let recommending = false;
  for (let k = 0; k < words.length; k++) {
    const w = key(words[k]);
    let body: string | null = null;
    if (w === 'to' && (recommending || SENDING.has(key(words[k - 1] ?? '')))) body = bodyAt(words, k + 1);
    else if (w === 'that' && recommending && isRecommendWord(words[k - 1] ?? '')) body = bodyAt(words, k + 1);
    else if ((w === 'be' || w === 'is' || w === 'are') && ASKING.has(key(words[k + 1] ?? ''))) body = bodyEndingAt(words, k - 1);
    if (body && !isSelf(body)) return body;
    if (isRecommendWord(words[k])) recommending = true;
  }
  return null;
}

/** The body a clause is about: "That the Executive increase ...", "That Cabinet approves ..." (not the committee itself). */
export function subjectBody(text: string): string | null {
  const words = text.split(' ', 14);
  if (key(words[0]) !== 'that') return null;
  const body = bodyAt(words, 1);
  return body && !isSelf(body) ? body : null;
}

/** The first body a line names after "to" ("The recommendations to be submitted to the Executive were:"). */
export function bodyNamed(line: string): string | null {
  const words = line.split(' ');
  for (let k = 0; k < words.length; k++) {
    if (key(words[k]) !== 'to') continue;
    const body = bodyAt(words, k + 1);
    if (body) return body;
  }
  return null;
}

// "... be noted", "... received and noted", "noted with thanks", "... be received"
const ENDS_NOTED =
  /\b(?:noted(?:\s+(?:with\s+(?:thanks|interest|concern|appreciation|approval|satisfaction)|accordingly|by\s+(?:the\s+)?[\w-]+))?|be\s+received)$/i;
// "(That) (the Committee) notes ...", "(To) note ...", "received and noted ..."
const STARTS_NOTING =
  /^(?:that\s+)?(?:it\s+be\s+)?(?:to\s+)?(?:(?:the\s+)?(?:[\w'\u2019&-]+\s+){0,5}?(?:committee|panel|board|sub-committee|commission|cabinet|executive|council|forum|members|group)\s+|it\s+)?(?:(?:has|have)\s+)?(?:note[sd]?|receive[sd]?\s+and\s+note[sd]?)\b/i;
// a noting clause that also decides something is a decision
const DECIDING = new Set(
  (
    'agree agrees agreed approve approves approved request requests requested ask asks asked endorse endorses endorsed ' +
    'recommend recommends recommended refer refers referred delegate delegates delegated authorise authorises authorised ' +
    'authorize authorizes authorized instruct instructs instructed adopt adopts adopted resolve resolves resolved decide ' +
    'decides decided require requires required invite invites invited defer defers deferred establish establishes ' +
    'established appoint appoints appointed support supports supported'
  ).split(' '),
);

/** "That the report be noted", "the update was noted", "notes the report": the committee only noted. */
export function isNoting(text: string): boolean {
  const end = trailingClean(tail(text, 160));
  if (ENDS_NOTED.test(end)) return !hasSecondClause(text);
  if (!STARTS_NOTING.test(head(text, 200))) return false;
  return !text.split(' ').some((w) => DECIDING.has(key(w))) && !hasSecondClause(text);
}

function trailingClean(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s.;:,!?)\]"'\u2019\u201d]/.test(text[end - 1])) end--;
  return text.slice(0, end);
}

/** "... and that ...", "...; that ...": two resolutions in one. */
function hasSecondClause(text: string): boolean {
  const lower = text.toLowerCase();
  return lower.includes(' and that ') || lower.includes('; that ') || lower.includes(', that ');
}
