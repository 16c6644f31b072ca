import type { Article, Deal } from "../articles/article.js";
import { byNewest } from "../articles/order.js";
import type { SearchableIndex } from "../search/newsIndex.js";
import { best } from "./best.js";

/** Non-deal news is listed after the deals only for articles mostly about the company (among its first names). */
const NEWS_PROMINENCE = 3;
/** Companies named in at most this many articles in all have each of them weighed; beyond, see `companyDeals`. */
export const WEIGH_ALL = 1_000;

/** An article listed for the companies: its best deal and how well it fits them (see bestDeal), or null for other news. */
export interface CompanyDeal { article: Article; deal: Deal | null; level: number }

/**
 * The article's deal that best fits the companies asked about, and how well: 3 when all of them are
 * parties, 2 when one is a party and the article names the others, 1 when one is a party, 0.5 when the
 * article is mostly about them without naming them as parties (the headline named someone else), 0 otherwise.
 */
export function bestDeal(article: Article, companies: string[]): { deal: Deal; level: number } | null {
  let found: { deal: Deal; level: number } | null = null;
  // Plain loops: this runs for many thousands of articles when a company is in a large share of the news.
  let named = 0;
  let prominent = true;
  for (const company of companies) {
    const at = article.companies.indexOf(company);
    if (at >= 0) named++;
    if (at < 0 || at >= NEWS_PROMINENCE) prominent = false;
  }
  for (const deal of article.deals) {
    let parties = 0;
    for (const company of companies) if (deal.parties.includes(company)) parties++;
    const level = companies.length === 0 ? 0 : parties === companies.length ? 3 : parties > 0 && named === companies.length ? 2 : parties > 0 ? 1 : prominent ? 0.5 : 0;
    if (!found || level > found.level) found = { deal, level };
  }
  return found;
}

/**
 * The level of a deal that names every company asked about in passing, none as a party (an investor in a
 * round the headline credits to others): listed after all their own deals, marked as mentioning them.
 */
const MENTIONED_LEVEL = 0.25;

/** How an article is listed for the companies: a deal with its level, other news about them, or not at all. */
function weigh(article: Article, companies: string[]): CompanyDeal | null {
  const found = bestDeal(article, companies);
  if (found && found.level > 0) return { article, ...found };
  if (found) return companies.every((company) => article.companies.includes(company)) ? { article, ...found, level: MENTIONED_LEVEL } : null;
  const prominent = companies.some((company) => {
    const at = article.companies.indexOf(company);
    return at >= 0 && at < NEWS_PROMINENCE;
  });
  return prominent ? { article, deal: null, level: 0 } : null;
}

/** Deals first (best fitting, then newest), then other news (newest first). */
const listOrder = (a: CompanyDeal, b: CompanyDeal) => b.level - a.level || byNewest(a.article, b.article);

/**
 * The first `limit` deals of the companies, those with all of them as parties first, then newest; then
 * their other news. Companies in a large share of an archive (OpenAI in 40% of the news) have tens of
 * thousands of articles, so beyond WEIGH_ALL articles in all not every one is weighed: the deals that name
 * every company can only be among the articles naming them all, and the others are read newest
 * first until the list is full (within a level, the list is newest first, so what comes later cannot
 * come before).
 */
export function companyDeals(index: SearchableIndex, companies: string[], limit: number, weighAllUpTo = WEIGH_ALL): CompanyDeal[] {
  // Ids first: the articles are read only where they are weighed.
  const named = companies.map((company) => index.companyIds(company));
  const read = (ids: Iterable<string>) => {
    const articles: Article[] = [];
    for (const id of ids) {
      const article = index.get(id);
      if (article) articles.push(article);
    }
    return articles;
  };
  const weighAll = (articles: Article[]) => articles.map((article) => weigh(article, companies)).filter((found) => found !== null);
  if (named.reduce((sum, ids) => sum + ids.size, 0) <= weighAllUpTo) {
    return best(weighAll(read(new Set(named.flatMap((ids) => [...ids])))), limit, listOrder);
  }
  const leastNamed = named.reduce((a, b) => (b.size < a.size ? b : a));
  let first: CompanyDeal[] = [];
  let stopAt = 3;
  if (leastNamed.size <= weighAllUpTo || companies.length > 1) {
    // The deals that name every company (levels 2 and 3) are among the articles naming them all: for two
    // frequent companies (OpenAI and Microsoft), thousands, where reading the news until enough deals of
    // both turn up could read the whole archive.
    const others = named.filter((ids) => ids !== leastNamed);
    const namingAll = [...leastNamed].filter((id) => others.every((ids) => ids.has(id)));
    first = best(weighAll(read(namingAll)).filter((found) => found.level >= 2), limit, listOrder);
    if (first.length >= limit) return first;
    stopAt = 1; // every deal naming all the companies is taken: the best of the rest have one of them as a party
  }
  const taken = new Set(first.map((found) => found.article.id));
  const seen: CompanyDeal[] = [];
  index.newest(limit - first.length, (article) => {
    if (taken.has(article.id)) return false;
    const found = weigh(article, companies);
    if (found) seen.push(found);
    return found?.level === stopAt;
  });
  return [...first, ...best(seen, limit - first.length, listOrder)];
}
