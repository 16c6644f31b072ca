import { LIMITS, truncate } from "../render/limits.js";
import type { SearchableIndex } from "../search/newsIndex.js";
import { editDistance } from "../search/spelling.js";
import type { Choice } from "./commands/types.js";

/** Companies by how many articles name them, cached per index size (recomputed when articles change). */
const companyCache = new WeakMap<SearchableIndex, { size: number; companies: Array<[string, number]> }>();

function companiesByArticles(index: SearchableIndex): Array<[string, number]> {
  const cached = companyCache.get(index);
  if (cached && cached.size === index.size) return cached.companies;
  const counts = new Map<string, number>();
  for (const article of index.all()) {
    for (const name of new Set([...article.deals.flatMap((deal) => deal.parties), ...article.companies.slice(0, 3)])) {
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const companies = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  companyCache.set(index, { size: index.size, companies });
  return companies;
}

/**
 * Company names for /deal: names starting with what was typed, then names containing it, then close
 * misspellings; the most covered companies first within each group.
 */
export function companyChoices(index: SearchableIndex, typed: string): Choice[] {
  const query = typed.trim().toLowerCase();
  const ranked = companiesByArticles(index)
    .map(([name, count]) => {
      const lower = name.toLowerCase();
      const rank = !query ? 1 : lower.startsWith(query) ? 0 : lower.includes(query) ? 1 : query.length >= 4 && editDistance(query, lower.slice(0, query.length), 1) <= 1 ? 2 : -1;
      return { name, count, rank };
    })
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || b.count - a.count);
  return ranked.slice(0, LIMITS.choices).map(({ name, count }) => ({
    name: truncate(`${name} (${count} article${count === 1 ? "" : "s"})`, LIMITS.choiceName),
    value: truncate(name, LIMITS.choiceValue),
  }));
}

/** Article titles for /summary: the best matches for what was typed (the newest when nothing is typed). */
export function titleChoices(index: SearchableIndex, typed: string): Choice[] {
  const query = typed.trim();
  const articles = /[\p{L}\p{N}]/u.test(query)
    ? index.search(query, { limit: LIMITS.choices }).map((hit) => hit.article)
    : index.newest(LIMITS.choices);
  return articles.map((article) => ({
    name: truncate(article.title, LIMITS.choiceName),
    // The id opens the article exactly; a longer id falls back to the title, which finds it by search.
    value: article.id.length <= LIMITS.choiceValue ? article.id : truncate(article.title, LIMITS.choiceValue),
  }));
}
