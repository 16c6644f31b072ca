import type { Article } from "../articles/article.js";
import { findCompanies } from "../extract/companies.js";

/**
 * How much more an article counts when it is about the companies a question names (a party to its deal, or
 * among its two leading companies), in proportion to how many of them it is about: "how big a stake did
 * Nvidia take in Intel" is the Nvidia-Intel deal before the SoftBank-Intel one that mentions Nvidia.
 */
export const COMPANY_FIT_WEIGHT = 0.35;
const LEADING = 2;

/** The companies a (read) question names, canonical names, each once. */
export function companiesAsked(text: string): string[] {
  return [...new Set(findCompanies(text).map((mention) => mention.name))];
}

/** 1 + COMPANY_FIT_WEIGHT times the share of the asked companies the article is about. */
export function companyFit(article: Article, asked: string[]): number {
  if (asked.length === 0) return 1;
  const about = new Set([...article.companies.slice(0, LEADING), ...article.deals.flatMap((deal) => deal.parties)]);
  return 1 + (COMPANY_FIT_WEIGHT * asked.filter((company) => about.has(company)).length) / asked.length;
}
