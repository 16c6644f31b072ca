import type { SearchableIndex } from "../search/newsIndex.js";
import { canonicalCompany } from "../extract/companies.js";

/** "Did you mean": the query with each misspelt company name replaced, or null when nothing was corrected. */
export function suggestionFor(index: SearchableIndex, query: string): string | null {
  const { corrections } = index.expandQuery(query);
  if (corrections.size === 0) return null;
  let suggestion = query;
  for (const [word, alias] of corrections) suggestion = suggestion.replace(word, canonicalCompany(alias) ?? alias);
  return suggestion;
}
