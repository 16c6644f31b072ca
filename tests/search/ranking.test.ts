import { describe, expect, it } from "vitest";
import { candidatesOf, EXCLUDED_COMPANY_FACTOR, rankWithKeyPoints, RERANK_CANDIDATES } from "../../src/search/ranking.js";
import { parsedArticle } from "../helpers/articles.js";

const a = parsedArticle("a", { title: "Microsoft Invests in OpenAI", keyPoints: ["One.", "Two.", "Three."] });
const b = parsedArticle("b", { title: "Amazon Invests in Anthropic", keyPoints: ["Uno.", "Dos."] });

describe("ranking articles with their key points", () => {
  it("lifts an article whose key point matches well, and lists its matching key points first", () => {
    const hits = rankWithKeyPoints([
      { article: a, score: 10, points: [] },
      { article: b, score: 9, points: [{ index: 1, score: 5, rank: 5 }] },
    ], []);
    expect(hits.map((hit) => hit.article.id)).toEqual(["b", "a"]);
    expect(hits[0]!.keyPoints).toEqual(["Dos.", "Uno."]);
    expect(hits[0]!.matchedKeyPoints).toBe(1);
  });

  it("lowers an article whose deal involves a company the question excludes", () => {
    const [hit] = rankWithKeyPoints([{ article: a, score: 10, points: [] }], ["Microsoft"]);
    expect(hit!.score).toBeCloseTo(EXCLUDED_COMPANY_FACTOR);
  });

  it("scores the key points of the best matches only, and only those passing the filter", () => {
    const results = Array.from({ length: RERANK_CANDIDATES + 10 }, (_, i) => ({ id: i % 2 ? "a" : "b", score: 100 - i, terms: [], queryTerms: [], match: { openai: ["keyPoints"] } }));
    let scored = 0;
    const candidates = candidatesOf(results, (id) => (id === "a" ? a : b), () => (scored++, []), { filter: (article) => article.id === "a" });
    expect(candidates.every((c) => c.article.id === "a")).toBe(true);
    expect(scored).toBe(candidates.length);
    expect(candidates.length).toBeLessThanOrEqual(RERANK_CANDIDATES);
  });
});
