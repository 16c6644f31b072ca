import type { SearchableIndex } from "../search/newsIndex.js";
import type { Answer } from "./answer.js";
import { cleanQuery } from "./queries.js";
import { suggestionFor } from "./suggest.js";

/** Results scoring below this share of the best one are left out. */
export const RELATIVE_CUTOFF = 0.35;

/** Default number of articles in an /ask answer. */
export const DEFAULT_ASK_LIMIT = 3;

/** Answers a question with the best-matching articles and their matching key points. */
export function ask(index: SearchableIndex, rawQuery: string, limit = DEFAULT_ASK_LIMIT): Extract<Answer, { type: "ask" }> {
  const query = cleanQuery(rawQuery, "a question", '"Who is supplying OpenAI\'s chips?"');
  const hits = index.search(query, { limit });
  const top = hits[0]?.score ?? 0;
  // A result far below the best shares a stray word with the question, not its subject.
  const relevant = hits.filter((hit) => hit.score >= top * RELATIVE_CUTOFF);
  const results = relevant.map((hit) => ({ article: hit.article, score: hit.score, keyPoints: hit.keyPoints, matchedKeyPoints: hit.matchedKeyPoints }));
  return { type: "ask", query, results, suggestion: suggestionFor(index, query) };
}
