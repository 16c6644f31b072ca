import { companyNames, fieldTerms, MONEY_TERM, type ArticleDoc } from "./articleDocument.js";

/** Corpora at least this large leave very common words out of searches and indexes. */
export const LARGE_CORPUS = 1_000;
/** Words outside titles in more than this share of a large corpus's articles are common. */
export const COMMON_TERM_SHARE = 0.2;
/** How many articles are read to find a large corpus's common words. */
export const COMMON_TERM_SAMPLE = 2_000;

/**
 * The words outside titles found in more than COMMON_TERM_SHARE of a large corpus, estimated from an even
 * sample of its documents (company names and sums of money excepted); none for a smaller corpus. Indexed
 * everywhere, they would fill most of the index's memory and make most of the corpus a match to score,
 * for a weight in the ranking near zero; they are indexed in titles only.
 */
export function commonTermsOf(count: number, documentAt: (index: number) => ArticleDoc): string[] {
  if (count < LARGE_CORPUS) return [];
  const step = Math.max(1, count / COMMON_TERM_SAMPLE);
  const counts = new Map<string, number>();
  let sampled = 0;
  for (let at = 0; at < count; at += step) {
    const doc = documentAt(Math.floor(at));
    sampled++;
    const seen = new Set([doc.summary, doc.keyPoints, doc.body, doc.names].flatMap(fieldTerms));
    for (const term of seen) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts]
    .filter(([term, count]) => count > sampled * COMMON_TERM_SHARE && !companyNames.has(term) && !MONEY_TERM.test(term))
    .map(([term]) => term)
    .sort();
}
