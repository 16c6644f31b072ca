import type { NewsIndex } from "../search/newsIndex.js";
import type { Answer } from "./answer.js";
import { cleanQuery } from "./queries.js";
import { suggestionFor } from "./suggest.js";

/** Default number of articles in an /ask answer. */
export const DEFAULT_ASK_LIMIT = 3;

/** Answers a question with the best-matching articles and their matching key points. */
export function ask(index: NewsIndex, rawQuery: string, limit = DEFAULT_ASK_LIMIT): Extract<Answer, { type: "ask" }> {
  const query = cleanQuery(rawQuery, "a question", '"Who is supplying OpenAI\'s chips?"');
  const hits = index.search(query, { limit });
  const results = hits.map((hit) => ({ article: hit.article, score: hit.score, keyPoints: hit.keyPoints, matchedKeyPoints: hit.matchedKeyPoints }));
  return { type: "ask", query, results, suggestion: suggestionFor(index, query) };
}
