import { escapeRegExp } from "../extract/escapeRegExp.js";
import type { Article } from "../articles/article.js";
import { canonicalCompany } from "../extract/companies.js";

/** Keyword filters of a subscription: include keeps articles naming any of its words; exclude wins. */
export interface Filters {
  include: string[];
  exclude: string[];
}

/** Most keywords in one filter, and longest keyword. */
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 50;

/** "OpenAI, chips; AWS" -> ["OpenAI", "chips", "AWS"]: commas or semicolons separate keywords. */
export function parseKeywords(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const words = raw.split(/[,;\n]/).map((word) => word.trim().replace(/\s+/g, " ")).filter(Boolean);
  return [...new Set(words)].slice(0, MAX_KEYWORDS).map((word) => word.slice(0, MAX_KEYWORD_LENGTH));
}

/** Whether an article names a keyword: as a whole word or phrase in its text, or as a company by any alias. */
export function mentions(article: Article, keyword: string): boolean {
  const company = canonicalCompany(keyword);
  if (company && (article.companies.includes(company) || article.deals.some((deal) => deal.parties.includes(company)))) return true;
  const text = [article.title, article.summary, ...article.keyPoints, article.tags.join(" "), article.companies.join(" ")].join("\n");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(keyword)}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/** Whether an article passes a subscription's filters. */
export function passes(article: Article, filters: Filters): boolean {
  if (filters.exclude.some((keyword) => mentions(article, keyword))) return false;
  return filters.include.length === 0 || filters.include.some((keyword) => mentions(article, keyword));
}
