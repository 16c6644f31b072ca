import { findCompanies } from "../extract/companies.js";

/** Words that turn the company after them into one the question is NOT about: "besides Microsoft". */
const EXCLUDING = /\b(besides|other than|apart from|aside from|except(?: for)?|excluding|not from|not with|rather than|instead of|beyond|outside(?: of)?|but not|no longer)\s+$/i;

/** A question with the companies it excludes taken out: "... besides Microsoft?" -> exclude ["Microsoft"]. */
export function splitExclusions(query: string): { text: string; excluded: string[] } {
  const excluded: string[] = [];
  let text = query;
  for (const mention of findCompanies(query).reverse()) {
    if (!EXCLUDING.test(query.slice(Math.max(0, mention.index - 20), mention.index))) continue;
    excluded.push(mention.name);
    text = text.slice(0, mention.index) + text.slice(mention.index + mention.text.length);
  }
  return { text: text.replace(EXCLUDING, ""), excluded };
}
