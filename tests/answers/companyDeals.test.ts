import { describe, expect, it } from "vitest";
import { zipfCorpus } from "../../bench/zipfArchive.js";
import type { Article } from "../../src/articles/article.js";
import { byNewest } from "../../src/articles/order.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { bestDeal, companyDeals } from "../../src/answers/companyDeals.js";
import { NewsIndex } from "../../src/search/newsIndex.js";

/** The simple model: every article of the companies weighed, then all sorted. */
function everyDeal(index: NewsIndex, companies: string[]) {
  const named = new Map(companies.flatMap((company) => index.withCompany(company)).map((article) => [article.id, article]));
  const deals: Array<{ article: Article; level: number }> = [];
  const news: Article[] = [];
  for (const article of named.values()) {
    const found = bestDeal(article, companies);
    if (found && found.level > 0) deals.push({ article, level: found.level });
    else if (found && companies.every((c) => article.companies.includes(c))) deals.push({ article, level: 0.25 });
    else if (article.deals.length === 0 && companies.some((c) => article.companies.slice(0, 3).includes(c))) news.push(article);
  }
  deals.sort((a, b) => b.level - a.level || byNewest(a.article, b.article));
  return [...deals.map((d) => d.article.id), ...news.sort(byNewest).map((a) => a.id)];
}

describe("the deals of companies in a large share of the news", () => {
  // Dates spread so that newest-first matters; companies named in over WEIGH articles count as frequent here.
  const WEIGH = 200;
  const generated = zipfCorpus(1_500, 11);
  const articles = generated.map((doc, i) => {
    const parsed = parseArticleText(doc.text, doc.id);
    if (!parsed.ok) throw new Error(parsed.reason);
    return { ...parsed.article, date: `20${20 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}` };
  });
  const index = new NewsIndex(articles);
  const rare = generated.flatMap((doc) => doc.companies).find((company) => index.withCompany(company).length === 3)!;

  it("lists what weighing every article would, for frequent companies alone, in pairs and beside rare ones", () => {
    expect(index.withCompany("Microsoft").length).toBeGreaterThan(WEIGH);
    for (const companies of [["OpenAI"], ["OpenAI", "Nvidia"], ["Nvidia", "Microsoft"], ["OpenAI", rare], [rare]]) {
      for (const limit of [1, 10, 40]) {
        expect(companyDeals(index, companies, limit, WEIGH).map((found) => found.article.id)).toEqual(everyDeal(index, companies).slice(0, limit));
      }
    }
  });
});
