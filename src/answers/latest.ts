import type { Article } from "../articles/article.js";
import type { SearchableIndex } from "../search/newsIndex.js";
import type { Answer } from "./answer.js";

/** Default and largest number of articles in a /latest answer. */
export const DEFAULT_LATEST_LIMIT = 5;
export const MAX_LATEST_LIMIT = 25;

/** Newest first; articles without a date come last, in id order. */
export function byNewest(a: Article, b: Article): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : b.date.localeCompare(a.date);
  return a.id.localeCompare(b.id);
}

/** The newest articles. */
export function latest(index: SearchableIndex, limit = DEFAULT_LATEST_LIMIT): Extract<Answer, { type: "latest" }> {
  const count = Math.max(1, Math.min(MAX_LATEST_LIMIT, Math.floor(limit)));
  return { type: "latest", articles: index.all().sort(byNewest).slice(0, count) };
}
