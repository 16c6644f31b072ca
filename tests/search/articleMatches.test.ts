import type MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { zipfCorpus } from "../../bench/zipfArchive.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { ArticleMatcher } from "../../src/search/articleMatches.js";
import { NewsIndex } from "../../src/search/newsIndex.js";

// A corpus shaped like real news: OpenAI in about 40% of the articles, Nvidia in 25%.
const articles = zipfCorpus(1_500, 3).map((doc) => {
  const parsed = parseArticleText(doc.text, doc.id);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.article;
});
const index = new NewsIndex(articles);
const { articleIndex } = index as unknown as { articleIndex: MiniSearch };
const POOL = 100;
const matcher = new ArticleMatcher({ miniSearch: () => articleIndex as never, common: new Set(index.commonTerms()), size: () => index.size, byDate: () => index.newest(index.size), article: (id) => index.get(id), frequentPool: POOL });
const holds = (id: string, company: string) => index.withCompany(company).some((article) => article.id === id);

describe("matching a question on a large corpus", () => {
  it("scores a question of frequent companies only on the newest articles holding the rarest, exactly as minisearch would", () => {
    const ours = matcher.matches("OpenAI Nvidia");
    const pool = index.newest(index.size, (article) => holds(article.id, "Nvidia")).slice(0, POOL);
    expect(index.withCompany("Nvidia").length).toBeGreaterThan(POOL);
    expect(new Set(ours.map((r) => r.id))).toEqual(new Set(pool.map((article) => article.id)));
    const inPool = new Set(pool.map((article) => article.id));
    const reference = articleIndex.search("OpenAI Nvidia", { ...matcher.matching(), boostDocument: (id: string) => (inPool.has(id) ? 1 : 0) });
    expect(ours.map((r) => r.id)).toEqual(reference.map((r) => r.id));
    ours.forEach((r, i) => expect(r.score).toBeCloseTo(reference[i]!.score, 9));
  });

  it("takes the same newest articles for a word in a few percent of them, sorted by date rather than read newest first", () => {
    // Companies in more than POOL articles but fewer than sqrt(POOL * size): their articles are gathered, then sorted.
    const counts = new Map(articles.flatMap((article) => article.companies).map((company) => [company, index.withCompany(company).length]));
    const [first, second] = [...counts].filter(([, n]) => n > POOL && n < Math.sqrt(POOL * index.size)).sort((a, b) => a[1] - b[1]);
    expect(first && second).toBeTruthy();
    const ours = matcher.matches(`${first![0]} ${second![0]}`);
    const pool = index.newest(index.size, (article) => holds(article.id, first![0])).slice(0, POOL);
    expect(new Set(ours.map((r) => r.id))).toEqual(new Set(pool.map((article) => article.id)));
  });

  it("scores the articles of a question's distinctive word beside a frequent company, and no others", () => {
    const topic = articles[0]!.title.split(" ").at(-2)!; // the deal's topic, a word of a few articles
    const withTopic = articles.filter((article) => article.title.includes(` ${topic} `)).map((article) => article.id);
    const ours = matcher.matches(`OpenAI ${topic}`);
    expect(ours.map((r) => r.id).sort()).toEqual(withTopic.sort());
    const openAI = ours.filter((r) => holds(r.id, "OpenAI"));
    expect(openAI.every((r) => r.queryTerms.includes("openai"))).toBe(true);
  });

  it("scores only the articles asked about, as minisearch would score them", () => {
    const among = new Set(index.withCompany("Nvidia").slice(0, 7).map((article) => article.id));
    const ours = matcher.matchesAmong("Nvidia OpenAI deal", among);
    const reference = articleIndex.search(matcher.searchText("Nvidia OpenAI deal").text, { ...matcher.matching(), filter: (result: { id: string }) => among.has(result.id) });
    expect(ours.map((r) => r.id)).toEqual(reference.map((r) => r.id));
    ours.forEach((r, i) => expect(r.score).toBeCloseTo(reference[i]!.score, 9));
  });

  it("searches a misspelt company by its correction alone", () => {
    const corrected = matcher.matches("Nvdiia Nvidia", new Set(["Nvdiia"]));
    expect(corrected.map((r) => [r.id, r.score])).toEqual(matcher.matches("Nvidia").map((r) => [r.id, r.score]));
  });

  it("still matches a typo of a word the corpus does not hold", () => {
    const rare = articles[5]!.keyPoints[0]!.split(" ").find((word) => word.length > 9 && /^[a-z]+$/.test(word))!;
    const typo = rare.slice(0, 3) + rare[4] + rare[3] + rare.slice(5);
    expect(matcher.matches(typo).map((r) => r.id)).toContain(articles[5]!.id);
  });
});
