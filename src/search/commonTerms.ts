import { companyNames, MONEY_TERM, type FieldCounts } from "./articleDocument.js";

/** Corpora at least this large leave very common words out of searches and indexes. */
export const LARGE_CORPUS = 1_000;
/** Words outside titles in more than this share of a large corpus's articles are common. */
export const COMMON_TERM_SHARE = 0.2;
/** At most this many articles are read to find a large corpus's common words. */
export const COMMON_TERM_SAMPLE = 2_000;
/** Below COMMON_TERM_SAMPLE, the sample is this share of the corpus, and at least LARGE_CORPUS articles. */
export const COMMON_TERM_SAMPLE_SHARE = 0.1;

/**
 * How many of a corpus's `count` articles are read to find its common words: a tenth of it, between
 * LARGE_CORPUS (the whole of a corpus that size) and COMMON_TERM_SAMPLE; none for a small corpus. A first
 * start parses the sample before it indexes anything: at 10,000 articles a fixed sample of 2,000 made the
 * first start about a fifth slower than one of 1,000, and 1,000 articles estimate a fifth's share to
 * within about a percentage point.
 */
export function commonTermSampleSize(count: number): number {
  if (count < LARGE_CORPUS) return 0;
  return Math.min(COMMON_TERM_SAMPLE, Math.max(LARGE_CORPUS, Math.round(count * COMMON_TERM_SAMPLE_SHARE)));
}

/** Which of a corpus's `count` articles (by position) are read to find its common words: an even sample (see `commonTermSampleSize`). */
export function commonTermSample(count: number): number[] {
  const size = commonTermSampleSize(count);
  return Array.from({ length: size }, (_, i) => Math.floor((i * count) / size));
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
