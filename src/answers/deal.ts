import type { Deal } from "../articles/article.js";
import { findCompanies } from "../extract/companies.js";
import type { ArticleHit, SearchableIndex } from "../search/newsIndex.js";
import { terms } from "../search/text.js";
import { readQuestion } from "../search/chatQuestion.js";
import { orderByTime, timeIntentOf, type TimeIntent } from "../search/timeIntent.js";
import type { ExpandedQuery } from "../search/queryExpansion.js";
import { dealPointsFirst } from "./dealPoints.js";
import type { Answer, DealResult } from "./answer.js";
import { bestDeal, companyDeals } from "./companyDeals.js";
import { cleanQuery } from "./queries.js";
import { suggestionFor } from "./suggest.js";

/** Default number of lines in a /deal answer. */
export const DEFAULT_DEAL_LIMIT = 10;
/** Words that say "a deal" without narrowing the topic: "OpenAI deals" is a query for a company. */
const GENERIC = new Set(terms("deal deals agreement agreements transaction transactions news company companies"));

/**
 * The deals that involve a company or match a topic. A query that is only company names lists every deal
 * of those companies, newest first; a query with a topic ranks deals by relevance, favouring those whose
 * parties it names. Deals that only mention the companies asked about (none is a party) come after their
 * own deals, marked as such; non-deal news (launches, rulings, layoffs) comes only after every deal. Each
 * deal leads with the key point that states it.
 */
export function deal(index: SearchableIndex, rawQuery: string, limit = DEFAULT_DEAL_LIMIT): Extract<Answer, { type: "deal" }> {
  const query = cleanQuery(rawQuery, "a company or topic", '"OpenAI" or "Nvidia Intel stake"');
  const { expanded, companies, topic, time } = readDealQuery(index, query);
  const lines = companies.length > 0 && topic.length === 0 ? listCompanyDeals(index, companies, expanded.text, limit) : topicDeals(companies, searchHits(index, expanded.text));
  // A company's own deals, then deals that only mention it, then other news; each in the order the question's time asks.
  const byDate = (section: DealResult[]) => orderByTime(section, time, () => 1);
  const own = byDate(lines.filter((line) => line.deal && line.mentions.length === 0));
  const mentioning = byDate(lines.filter((line) => line.deal && line.mentions.length > 0));
  const news = byDate(lines.filter((line) => !line.deal));
  const results = [...own, ...mentioning, ...news].slice(0, limit).map((line) => ({ ...line, keyPoints: dealPointsFirst(line.article, line.deal, line.keyPoints) }));
  return { type: "deal", query, companies, deals: results, suggestion: suggestionFor(index, query) };
}

/** A /deal query as it is read: the companies it names (misspellings corrected) and its other words. */
export interface DealQuery {
  expanded: ExpandedQuery;
  companies: string[];
  /** The query's words other than company names and words that only say "a deal": empty when it asks for companies' deals. */
  topic: string[];
  time: TimeIntent;
}

/** How `deal` reads a query: "msft" or "antropic" names a company and nothing else, "Nvidia Intel stake" a topic too. */
export function readDealQuery(index: SearchableIndex, query: string): DealQuery {
  const expanded = index.expandQuery(query);
  const companies = [...new Set(findCompanies(expanded.text).map((m) => m.name))];
  const time = timeIntentOf(expanded.respelt);
  const asked = readQuestion(time.text);
  const withoutNames = findCompanies(asked).reduceRight((text, m) => text.slice(0, m.index) + " " + text.slice(m.index + m.text.length), asked);
  const misspelt = new Set([...expanded.corrections.keys()].flatMap((word) => terms(word)));
  const topic = terms(withoutNames).filter((term) => !GENERIC.has(term) && !misspelt.has(term));
  return { expanded, companies, topic, time };
}

/** The companies asked about when none of them is a party to the deal: the deal only mentions them. */
function mentionsOnly(deal: Deal, companies: string[]): string[] {
  return companies.some((company) => deal.parties.includes(company)) ? [] : companies;
}

/** The companies' deals, each with its key points ordered for the query (only the listed articles' are scored). */
function listCompanyDeals(index: SearchableIndex, companies: string[], query: string, limit: number): DealResult[] {
  const listed = companyDeals(index, companies, limit);
  const shown = new Set(listed.map(({ article }) => article.id));
  const hits = searchHits(index, query, { among: shown });
  return listed.map(({ article, deal }) => ({ article, deal, keyPoints: hits.get(article.id)?.keyPoints ?? article.keyPoints, mentions: deal ? mentionsOnly(deal, companies) : [] }));
}

function searchHits(index: SearchableIndex, query: string, options?: { among: ReadonlySet<string> }): Map<string, ArticleHit> {
  return new Map(index.search(query, options).map((hit) => [hit.article.id, hit]));
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


