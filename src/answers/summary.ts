import type { SearchableIndex } from "../search/newsIndex.js";
import type { Answer } from "./answer.js";
import { cleanQuery } from "./queries.js";
import { suggestionFor } from "./suggest.js";

/** How many next-best articles a /summary answer offers. */
export const SUMMARY_ALTERNATIVES = 4;

/** One article's summary for a topic, plus the next best matches to offer instead. */
export function summary(index: SearchableIndex, rawQuery: string): Extract<Answer, { type: "summary" }> {
  const query = cleanQuery(rawQuery, "a topic", '"AWS compute deal"');
  const exact = index.get(query);
  const hits = index.search(query, { limit: SUMMARY_ALTERNATIVES + 1 });
  const best = exact ?? hits[0]?.article;
  const alternatives = hits.map((hit) => hit.article).filter((article) => article.id !== best?.id).slice(0, SUMMARY_ALTERNATIVES);
  return {
    type: "summary",
    query,
    article: best ?? null,
    // A summary reads in the article's own order; /ask is where key points are ranked.
    keyPoints: best?.keyPoints ?? [],
    alternatives,
    suggestion: suggestionFor(index, query),
  };
}
