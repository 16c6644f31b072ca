import type MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { syntheticCorpus } from "../../bench/synthetic.js";
import { ask } from "../../src/answers/ask.js";
import { deal } from "../../src/answers/deal.js";
import type { Article } from "../../src/articles/article.js";
import { byNewest } from "../../src/articles/order.js";
import { parseArticleText } from "../../src/articles/parse.js";
import type { ArticleMatcher } from "../../src/search/articleMatches.js";
import { LARGE_CORPUS, NewsIndex } from "../../src/search/newsIndex.js";

const parse = (text: string, id: string): Article => {
  const result = parseArticleText(text, id);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
};
const documents = syntheticCorpus(LARGE_CORPUS + 200, 7);
const articles = documents.map((doc) => parse(doc.text, doc.id));

describe("an index of a large corpus", () => {
  const index = new NewsIndex(articles);

  it("indexes the corpus's commonest words in titles only, and still finds each article by its title", () => {
    expect(index.commonTerms()).toEqual(expect.arrayContaining(["deal", "said", "billion"]));
    for (const doc of documents.slice(0, 40)) expect(ask(index, doc.title).results[0]?.article.id).toBe(doc.id);
  });

  it("scores the articles holding a question's distinctive words exactly as minisearch would", () => {
    const { matcher, articleIndex } = index as unknown as { matcher: ArticleMatcher; articleIndex: MiniSearch };
    for (const doc of documents.slice(200, 230)) {
      const question = `${doc.title} partners acquires`; // company names, and words of one article in eight
      const ours = matcher.matches(question);
      const candidates = new Set(ours.map((r) => r.id));
      // minisearch itself, scoring the whole question for the same articles.
      const reference = articleIndex.search(matcher.searchText(question).text, { ...matcher.matching(), boostDocument: (id: string) => (candidates.has(id) ? 1 : 0) });
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.map((r) => r.id)).toEqual(reference.map((r) => r.id));
      ours.forEach((r, i) => expect(r.score).toBeCloseTo(reference[i]!.score, 9));
    }
  });

  it("takes any word as a question, even one named like an object's own properties", () => {
    const live = new NewsIndex(articles);
    // "constructor" in a few per cent of the articles: a commoner word, scored per article (exactTerms.ts).
    for (let i = 0; i < 30; i++) live.add(parse(documents[i]!.text.replace(/^title: .*$/m, `title: Firm ${i} hires constructors`), `odd/${i}`));
    live.add(parse(documents[1]!.text.replace(/^title: .*$/m, "title: Quillfeather Dynamics hires constructors"), "odd/one"));
    for (const word of ["constructor", "constructors", "__proto__", "toString", "hasOwnProperty"]) {
      expect(() => ask(live, `Quillfeather ${word} deal partners`)).not.toThrow();
    }
    expect(ask(live, "Quillfeather constructors partners").results[0]?.article.id).toBe("odd/one");
  });

  it("keeps only what answers show of an article in memory", () => {
    const kept = index.get(articles[0]!.id)!;
    expect(kept).toMatchObject({ title: articles[0]!.title, url: articles[0]!.url, summary: articles[0]!.summary, keyPoints: articles[0]!.keyPoints, deals: articles[0]!.deals });
    expect([kept.contentSummary, kept.context, kept.authorStyle, kept.whyRead]).toEqual(["", "", "", ""]);
  });

  it("takes a new article, a changed one and a removal live, keeping the date order and the company lookup", () => {
    const live = new NewsIndex(articles);
    expect(live.newest(5).map((a) => a.id)).toEqual([...articles].sort(byNewest).slice(0, 5).map((a) => a.id));
    const fresh = parse(documents[3]!.text.replace(/date: \S+/, "date: 2031-01-01").replace(/^title: .*$/m, "title: Quillfeather Dynamics buys Brightmoss Labs"), "fresh/one");
    live.add(fresh);
    expect(live.newest(1)[0]?.id).toBe("fresh/one");
    expect(ask(live, "Quillfeather Brightmoss").results[0]?.article.id).toBe("fresh/one");
    live.add({ ...fresh, date: "2020-01-01" });
    expect(live.newest(live.size).at(-1)?.id).toBe("fresh/one");
    live.remove(articles[10]!.id);
    expect(live.get(articles[10]!.id)).toBeUndefined();
    expect(live.newest(live.size)).toEqual(live.all().sort(byNewest));
    const company = articles[20]!.deals[0]!.parties[0]!;
    const named = live.all().filter((a) => a.companies.includes(company) || a.deals.some((d) => d.parties.includes(company)));
    expect(live.withCompany(company).map((a) => a.id).sort()).toEqual(named.map((a) => a.id).sort());
    expect(deal(live, company).deals.length).toBeGreaterThan(0);
  });

  it("answers alike once saved and restored", () => {
    const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    const restored = NewsIndex.restore(structuredClone(index.toSnapshot()));
    for (const doc of documents.slice(100, 120)) {
      const question = `who did ${doc.title.split(" ")[0]} sign a deal with?`;
      // As plain data: a restored article keeps its text packed, behind getters (packedArticles.ts).
      expect(asJson(ask(restored, question))).toEqual(asJson(ask(index, question)));
      expect(asJson(ask(restored, doc.title))).toEqual(asJson(ask(index, doc.title)));
    }
    expect(restored.commonTerms()).toEqual(index.commonTerms());
  });
});
