import type MiniSearch from "minisearch";
import type { SearchResult } from "minisearch";
import { internals } from "./packedPostings.js";

/** minisearch's BM25+ parameters (its defaults, which the article index uses). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** minisearch's BM25+ score of a term in one field of one document. */
function bm25(termFreq: number, matching: number, total: number, fieldLength: number, averageLength: number): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return idf * (BM25.d + (termFreq * (BM25.k + 1)) / (termFreq + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / averageLength)));
}

/**
 * The results of a search, rescored as if `terms` (words the corpus holds, matched as written) had been
 * searched with it: each result gets, for each term and field, the score minisearch's own search would
 * have added, and its match count goes up as minisearch's does. A term is looked up in each result (a
 * binary search in its postings) instead of scoring every article that holds it, which on a large corpus
 * is most of a search's work for words found in thousands of articles.
 */
export function withExactTerms<T>(
  miniSearch: MiniSearch<T>,
  results: SearchResult[],
  terms: string[],
  options: { boost: Record<string, number>; boostTerm: (term: string) => number },
): SearchResult[] {
  if (terms.length === 0) return results;
  const ms = internals(miniSearch);
  const fields = Object.entries(options.boost).map(([field, boost]) => ({ field, boost, id: ms._fieldIds[field]! }));
  const lookups = terms.map((term) => ({ term, data: ms._index.get(term), termBoost: options.boostTerm(term) }));
  for (const result of results) {
    const shortId = ms._idToShortId.get(result.id as string);
    if (shortId === undefined) continue;
    const lengths = ms._fieldLength.get(shortId) ?? [];
    let score = result.score / Math.max(1, result.queryTerms.length);
    for (const { term, data, termBoost } of lookups) {
      if (!data) continue;
      for (const field of fields) {
        const postings = data.get(field.id);
        const termFreq = postings?.get(shortId);
        if (!postings || termFreq === undefined) continue;
        score += termBoost * field.boost * bm25(termFreq, postings.size, ms._documentCount, lengths[field.id] ?? 0, ms._avgFieldLength[field.id] ?? 1);
        // An own property only: "constructor" is a word too, and every object has one by inheritance.
        const match = Object.hasOwn(result.match, term) ? result.match[term]! : (result.match[term] = []);
        if (!match.includes(field.field)) match.push(field.field);
        if (!result.queryTerms.includes(term)) result.queryTerms.push(term);
        if (!result.terms.includes(term)) result.terms.push(term);
      }
    }
    result.score = score * Math.max(1, result.queryTerms.length);
  }
  return results.sort((a, b) => b.score - a.score);
}
