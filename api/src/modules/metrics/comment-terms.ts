/**
 * Frequent words and two-word phrases in free-text comments, counted once per comment (how many comments
 * say it, not how often). Words are runs of Unicode letters and digits, so any language tokenises; stop
 * words are removed for the languages the data has: the demo's comments are English (seeds/src/comments.ts),
 * and a language added to the data adds its list here. Numbers ("15 minutes") are dropped; a phrase is two
 * kept words that stand next to each other in the same clause.
 */

export interface TermCount {
  term: string;
  comments: number;
}

const ENGLISH_STOP_WORDS =
  'a about above after again against all am an and any are as at be because been before being below between ' +
  'both but by can could did do does doing down during each even ever every few for from further get got had has ' +
  'have having he her here hers herself him himself his how i if in into is it its itself just me more most my ' +
  'myself no nor not now of off on once only or other our ours ourselves out over own same she should so some ' +
  'still such than that the their theirs them themselves then there these they this those through to too under ' +
  'until up very was we were what when where which while who whom why will with would you your yours yourself ' +
  "yourselves i'm i've i'd don't didn't doesn't isn't wasn't can't won't it's that's there's you're";

export const STOP_WORDS: ReadonlySet<string> = new Set(ENGLISH_STOP_WORDS.split(' '));

const CLAUSE_BREAK = /[.!?;:,()"]+/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const NUMBER = /^[\p{N}.,-]+$/u;

/** The distinct words and phrases of one comment, lower case, stop words and numbers dropped. */
export function termsOf(comment: string): { words: Set<string>; phrases: Set<string> } {
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const clause of comment.toLowerCase().replace(/’/g, "'").split(CLAUSE_BREAK)) {
    let previous: string | null = null;
    for (const [token] of clause.matchAll(WORD)) {
      const kept = STOP_WORDS.has(token) || NUMBER.test(token) ? null : token;
      if (kept) {
        words.add(kept);
        if (previous) phrases.add(`${previous} ${kept}`);
      }
      previous = kept;
    }
  }
  return { words, phrases };
}

/** The `top` most frequent words and phrases, most comments first, ties alphabetically. */
export function topTerms(
  comments: readonly string[],
  top: number,
): { words: TermCount[]; phrases: TermCount[] } {
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const comment of comments) {
    const terms = termsOf(comment);
    for (const word of terms.words) words.set(word, (words.get(word) ?? 0) + 1);
    for (const phrase of terms.phrases) phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
  }
  const ranked = (counts: Map<string, number>) =>
    [...counts]
      .map(([term, count]) => ({ term, comments: count }))
      .sort((a, b) => b.comments - a.comments || (a.term < b.term ? -1 : 1))
      .slice(0, top);
  return { words: ranked(words), phrases: ranked(phrases) };
}
