import type { Article, Deal } from "../articles/article.js";
import { findCompanies } from "../extract/companies.js";
import type { ArticleHit, SearchableIndex } from "../search/newsIndex.js";
import { terms } from "../search/text.js";
import { readQuestion } from "../search/chatQuestion.js";
import { orderByTime, timeIntentOf } from "../search/timeIntent.js";
import { dealPointsFirst } from "./dealPoints.js";
import type { Answer, DealResult } from "./answer.js";
import { byNewest } from "../articles/order.js";
import { cleanQuery } from "./queries.js";
import { suggestionFor } from "./suggest.js";

/** Default number of lines in a /deal answer. */
export const DEFAULT_DEAL_LIMIT = 10;
/** Words that say "a deal" without narrowing the topic: "OpenAI deals" is a query for a company. */
const GENERIC = new Set(terms("deal deals agreement agreements transaction transactions news company companies"));
/** Non-deal news is listed after the deals only for articles mostly about the company (among its first names). */
const NEWS_PROMINENCE = 3;

/**
 * The deals that involve a company or match a topic. A query that is only company names lists every deal
 * of those companies, newest first; a query with a topic ranks deals by relevance, favouring those whose
 * parties it names. Deals that only mention the companies asked about (none is a party) come after their
 * own deals, marked as such; non-deal news (launches, rulings, layoffs) comes only after every deal. Each
 * deal leads with the key point that states it.
 */
export function deal(index: SearchableIndex, rawQuery: string, limit = DEFAULT_DEAL_LIMIT): Extract<Answer, { type: "deal" }> {
  const query = cleanQuery(rawQuery, "a company or topic", '"OpenAI" or "Nvidia Intel stake"');
  const expanded = index.expandQuery(query);
  const companies = [...new Set(findCompanies(expanded.text).map((m) => m.name))];
  const time = timeIntentOf(query);
  const asked = readQuestion(time.text);
  const withoutNames = findCompanies(asked).reduceRight((text, m) => text.slice(0, m.index) + " " + text.slice(m.index + m.text.length), asked);
  const misspelt = new Set([...expanded.corrections.keys()].flatMap((word) => terms(word)));
  const topic = terms(withoutNames).filter((term) => !GENERIC.has(term) && !misspelt.has(term));
  const hits = new Map(index.search(expanded.text).map((hit) => [hit.article.id, hit]));

  const lines = companies.length > 0 && topic.length === 0
    ? companyDeals(index, companies, hits)
    : topicDeals(companies, hits);
  // A company's own deals, then deals that only mention it, then other news; each in the order the question's time asks.
  const byDate = (section: DealResult[]) => orderByTime(section, time, () => 1);
  const own = byDate(lines.filter((line) => line.deal && line.mentions.length === 0));
  const mentioning = byDate(lines.filter((line) => line.deal && line.mentions.length > 0));
  const news = byDate(lines.filter((line) => !line.deal));
  const results = [...own, ...mentioning, ...news].slice(0, limit).map((line) => ({ ...line, keyPoints: dealPointsFirst(line.article, line.deal, line.keyPoints) }));
  return { type: "deal", query, companies, deals: results, suggestion: suggestionFor(index, query) };
}

/** The companies asked about when none of them is a party to the deal: the deal only mentions them. */
function mentionsOnly(deal: Deal, companies: string[]): string[] {
  return companies.some((company) => deal.parties.includes(company)) ? [] : companies;
}

function companyDeals(index: SearchableIndex, companies: string[], hits: Map<string, ArticleHit>): DealResult[] {
  const ranked: Array<{ article: Article; deal: Deal; level: number }> = [];
  const news: Article[] = [];
  const named = new Map(companies.flatMap((company) => index.withCompany(company)).map((article) => [article.id, article]));
  for (const article of named.values()) {
    const best = bestDeal(article, companies);
    if (best && best.level > 0) ranked.push({ article, ...best });
    else if (article.deals.length === 0 && companies.some((c) => article.companies.slice(0, NEWS_PROMINENCE).includes(c))) news.push(article);
  }
  ranked.sort((a, b) => b.level - a.level || byNewest(a.article, b.article) || (b.deal.amount?.value ?? 0) - (a.deal.amount?.value ?? 0));
  return [
    ...ranked.map(({ article, deal }) => ({ article, deal, keyPoints: keyPointsFor(article, hits), mentions: mentionsOnly(deal, companies) })),
    ...news.sort(byNewest).map((article) => ({ article, deal: null, keyPoints: keyPointsFor(article, hits), mentions: [] })),
  ];
}

function topicDeals(companies: string[], hits: Map<string, ArticleHit>): DealResult[] {
  const deals: Array<{ hit: ArticleHit; deal: Deal; score: number }> = [];
  const news: ArticleHit[] = [];
  const top = Math.max(0, ...[...hits.values()].map((hit) => hit.score));
  for (const hit of hits.values()) {
    if (hit.score < top * 0.2) continue; // a stray word in common is not a match
    const best = bestDeal(hit.article, companies);
    if (best) deals.push({ hit, deal: best.deal, score: hit.score + best.level * 0.5 });
    else news.push(hit);
  }
  deals.sort((a, b) => b.score - a.score);
  return [
    ...deals.map(({ hit, deal }) => ({ article: hit.article, deal, keyPoints: hit.keyPoints, mentions: mentionsOnly(deal, companies) })),
    ...news.map((hit) => ({ article: hit.article, deal: null, keyPoints: hit.keyPoints, mentions: [] })),
  ];
}

/**
 * The article's deal that best fits the companies asked about, and how well: 3 when all of them are
 * parties, 2 when one is a party and the article names the others, 1 when one is a party, 0.5 when the
 * article is mostly about them without naming them as parties (the headline named someone else), 0 otherwise.
 */
function bestDeal(article: Article, companies: string[]): { deal: Deal; level: number } | null {
  let best: { deal: Deal; level: number } | null = null;
  for (const deal of article.deals) {
    const parties = companies.filter((c) => deal.parties.includes(c)).length;
    const named = companies.filter((c) => article.companies.includes(c)).length;
    const prominent = companies.every((c) => article.companies.slice(0, NEWS_PROMINENCE).includes(c));
    const level = companies.length === 0 ? 0 : parties === companies.length ? 3 : parties > 0 && named === companies.length ? 2 : parties > 0 ? 1 : prominent ? 0.5 : 0;
    if (!best || level > best.level) best = { deal, level };
  }
  return best;
}

function keyPointsFor(article: Article, hits: Map<string, ArticleHit>): string[] {
  return hits.get(article.id)?.keyPoints ?? article.keyPoints;
}
