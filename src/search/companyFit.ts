import { escapeRegExp } from "../extract/escapeRegExp.js";
import type { Article } from "../articles/article.js";
import { findCompanies } from "../extract/companies.js";
import { COMPANY_TABLE } from "../extract/companyTable.js";

/**
 * How much more an article counts when it is about the companies a question names (a party to its deal, or
 * among its two leading companies), in proportion to how many of them it is about: "how big a stake did
 * Nvidia take in Intel" is the Nvidia-Intel deal before the SoftBank-Intel one that mentions Nvidia.
 */
export const COMPANY_FIT_WEIGHT = 0.35;
const LEADING = 2;

/** Makers by the products a question may name ("trainium": Amazon). */
const MAKERS = new Map(COMPANY_TABLE.flatMap((entry) => (entry.products ?? []).map((product) => [product, entry.name] as const)));
const PRODUCT = new RegExp(`(?<![\\p{L}\\p{N}])(${[...MAKERS.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})s?(?![\\p{L}\\p{N}])`, "giu");

/** The companies a (read) question names, and the makers of the products it names, canonical names, each once. */
export function companiesAsked(text: string): string[] {
  const makers = [...text.matchAll(PRODUCT)].map((match) => MAKERS.get(match[1]!.toLowerCase())!);
  return [...new Set([...findCompanies(text).map((mention) => mention.name), ...makers])];
}

/** 1 + COMPANY_FIT_WEIGHT times the share of the asked companies the article is about. */
export function companyFit(article: Article, asked: string[]): number {
  if (asked.length === 0) return 1;
  const about = new Set([...article.companies.slice(0, LEADING), ...article.deals.flatMap((deal) => deal.parties)]);
  return 1 + (COMPANY_FIT_WEIGHT * asked.filter((company) => about.has(company)).length) / asked.length;
}
