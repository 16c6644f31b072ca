import type { Article } from "./article.js";

/** Newest first; articles without a date come last, in id order. */
export function byNewest(a: Article, b: Article): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : b.date.localeCompare(a.date);
  return a.id.localeCompare(b.id);
}
