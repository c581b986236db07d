import { isLetterOrDigit } from './minutes-text';

/**
 * Programmes named in an agenda item: a programme's code or name appears, ignoring case, as whole
 * words in the title or a resolution's text (MinutesImportResult.suggestedProgrammes). Curly
 * apostrophes match straight ones and any dash matches a hyphen, since minutes are typed in Word.
 */
export function mentionedProgrammes<P extends { code: string; name: string }>(
  programmes: readonly P[],
  texts: readonly string[],
): P[] {
  const haystack = fold(texts.join('\n'));
  return programmes.filter((p) => [p.code, p.name].some((words) => containsWords(haystack, fold(words))));
}

/** Lower case, one kind of apostrophe and dash, single spaces. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** needle occurs in haystack with no letter or digit just before or after it. */
function containsWords(haystack: string, needle: string): boolean {
  if (!needle) return false;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (!isLetterOrDigit(before) && !isLetterOrDigit(after)) return true;
  }
  return false;
}
