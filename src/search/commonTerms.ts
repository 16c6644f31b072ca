import { companyNames, MONEY_TERM, type FieldCounts } from "./articleDocument.js";

/** Corpora at least this large leave very common words out of searches and indexes. */
export const LARGE_CORPUS = 1_000;
/** Words outside titles in more than this share of a large corpus's articles are common. */
export const COMMON_TERM_SHARE = 0.2;
/** How many articles are read to find a large corpus's common words. */
export const COMMON_TERM_SAMPLE = 2_000;

/** Which of a corpus's `count` articles (by position) are read to find its common words: an even sample, none for a small corpus. */
export function commonTermSample(count: number): number[] {
  if (count < LARGE_CORPUS) return [];
  const step = Math.max(1, count / COMMON_TERM_SAMPLE);
  const positions: number[] = [];
  for (let at = 0; at < count; at += step) positions.push(Math.floor(at));
  return positions;
}

/**
 * The words outside titles found in more than COMMON_TERM_SHARE of a large corpus, estimated from an even
 * sample of its documents (`commonTermSample`; company names and sums of money excepted); none for a
 * smaller corpus. Indexed everywhere, they would fill most of the index's memory and make most of the
 * corpus a match to score, for a weight in the ranking near zero; they are indexed in titles only.
 */
export function commonTermsOf(count: number, documentAt: (index: number) => FieldCounts[]): string[] {
  return commonTermsIn(commonTermSample(count).map(documentAt));
}

/** The common words of a sample of documents, each as its counted fields (see `commonTermsOf`). */
export function commonTermsIn(sample: FieldCounts[][]): string[] {
  const counts = new Map<string, number>();
  for (const fields of sample) {
    // Outside titles: every field but the first.
    const seen = new Set(fields.slice(1).flatMap((field) => field.terms));
    for (const term of seen) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts]
    .filter(([term, count]) => count > sample.length * COMMON_TERM_SHARE && !companyNames.has(term) && !MONEY_TERM.test(term))
    .map(([term]) => term)
    .sort();
}
