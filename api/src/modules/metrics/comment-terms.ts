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

/**
 * Words read of one comment: a comment is cut here (its first words count), so that one long comment
 * costs no more than a short paragraph. The query reads at most MAX_COMMENT_CHARACTERS of each.
 */
export const MAX_WORDS_PER_COMMENT = 200;
export const MAX_COMMENT_CHARACTERS = 2_000;

/** The distinct words and phrases of one comment (its first MAX_WORDS_PER_COMMENT words), lower case, stop words and numbers dropped. */
export function termsOf(comment: string): { words: Set<string>; phrases: Set<string> } {
  const words = new Set<string>();
  const phrases = new Set<string>();
  let read = 0;
  for (const clause of comment
    .slice(0, MAX_COMMENT_CHARACTERS)
    .toLowerCase()
    .replace(/’/g, "'")
    .split(CLAUSE_BREAK)) {
    let previous: string | null = null;
    for (const [token] of clause.matchAll(WORD)) {
      if (++read > MAX_WORDS_PER_COMMENT) return { words, phrases };
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

/** A comment and who wrote it. */
export interface AuthoredComment {
  text: string;
  customerId: number;
}

export interface TermCountOptions {
  top: number;
  /** The fewest distinct customers a term must come from to be reported (k-anonymity). */
  minCustomers: number;
  /** Milliseconds of tokenising after which the newest comments counted so far are the answer. */
  budgetMs: number;
}

/** How long tokenising runs before it lets other requests have the event loop. */
const SLICE_MS = 10;

/**
 * The `top` most frequent words and phrases of `comments` (newest first), most comments first, ties
 * alphabetically, leaving out every term written by fewer than `minCustomers` distinct customers.
 * Tokenising yields the event loop every SLICE_MS, so other requests are answered meanwhile, and stops
 * after `budgetMs` of its own work: `analysed` says how many of the comments (the newest) were counted.
 */
export async function topTerms(
  comments: readonly AuthoredComment[],
  { top, minCustomers, budgetMs }: TermCountOptions,
): Promise<{ words: TermCount[]; phrases: TermCount[]; analysed: number }> {
  const words = new Map<string, Tally>();
  const phrases = new Map<string, Tally>();
  // Only this function's own slices count against the budget, not the other requests served between them.
  let worked = 0;
  let sliceStarted = performance.now();
  let analysed = 0;
  for (const { text, customerId } of comments) {
    const inSlice = performance.now() - sliceStarted;
    if (worked + inSlice > budgetMs) break;
    if (inSlice > SLICE_MS) {
      worked += inSlice;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
    const terms = termsOf(text);
    for (const word of terms.words) tally(words, word, customerId, minCustomers);
    for (const phrase of terms.phrases) tally(phrases, phrase, customerId, minCustomers);
    analysed++;
  }
  const ranked = (counts: Map<string, Tally>) =>
    [...counts]
      .filter(([, count]) => count.customers === null)
      .map(([term, count]) => ({ term, comments: count.comments }))
      .sort((a, b) => b.comments - a.comments || (a.term < b.term ? -1 : 1))
      .slice(0, top);
  return { words: ranked(words), phrases: ranked(phrases), analysed };
}

/** Comments of a term, and its distinct customers until there are enough of them (then null). */
interface Tally {
  comments: number;
  customers: Set<number> | null;
}

function tally(counts: Map<string, Tally>, term: string, customerId: number, minCustomers: number): void {
  let count = counts.get(term);
  if (!count) {
    count = { comments: 0, customers: new Set() };
    counts.set(term, count);
  }
  count.comments++;
  if (count.customers) {
    count.customers.add(customerId);
    if (count.customers.size >= minCustomers) count.customers = null;
  }
}
