import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { DECODED_TEXTS, PackedArticle, packArticles, plainArticle, unpackArticles } from "../../src/search/packedArticles.js";

function article(id: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    title: `Title of ${id}`,
    url: `https://news.example.com/${id}`,
    date: "2025-11-03",
    summary: `What ${id} is about.`,
    keyPoints: [`${id} first point`, `${id} second point, with “quotes” and ünïcödé`],
    contentSummary: "",
    context: "Some context.",
    authorStyle: "",
    whyRead: "",
    tags: ["ai"],
    companies: ["OpenAI", "Microsoft"],
    deals: [],
    ...extra,
  };
}

const articles: Article[] = [
  article("a"),
  article("b", { date: null, companies: [], tags: [] }),
  article("c", { deals: [{ parties: ["Microsoft", "OpenAI"], amount: { value: 13e9, currency: "USD", text: "$13 billion" }, kind: "investment" }] }),
  article("d", { scope: "guild-1", companies: ["Nvidia"], date: "2024-01-02" }),
  article("e", { title: "", keyPoints: [], summary: "emoji 🚀 and \"escapes\"\n" }),
  article("f", {
    deals: [
      { parties: ["SoftBank", "Ampere"], amount: null, kind: "acquisition" },
      { parties: ["Oracle"], amount: { value: 3e8, currency: "EUR", text: "€300 million" }, kind: "compute" },
    ],
  }),
];

describe("packed articles", () => {
  it("give back every field of every article, as plain data and through JSON", () => {
    const unpacked = unpackArticles(structuredClone(packArticles(articles)));
    expect(unpacked.map(plainArticle)).toEqual(articles);
    expect(JSON.parse(JSON.stringify(unpacked))).toEqual(articles);
    expect(unpacked.map((a) => a.scope)).toEqual([undefined, undefined, undefined, "guild-1", undefined, undefined]);
  });

  it("share one string for each company and date, and keep text out of the objects", () => {
    const many = Array.from({ length: 50 }, (_, i) => article(`n${i}`));
    const packed = packArticles(many);
    expect(packed.companyNames).toEqual(["OpenAI", "Microsoft"]);
    expect(packed.dateNames).toEqual(["2025-11-03"]);
    const unpacked = unpackArticles(packed);
    expect(Object.keys(unpacked[0]!).sort()).toEqual(["companies", "date", "deals", "id"]);
    expect(unpacked[7]!.keyPoints).toEqual(many[7]!.keyPoints);
  });

  it("pack again from their bytes without decoding, to the same text", () => {
    const once = packArticles(articles);
    const again = packArticles(unpackArticles(once));
    expect(Buffer.from(again.text).equals(Buffer.from(once.text))).toBe(true);
    expect(again.textStarts).toEqual(once.textStarts);
    // Mixed with articles parsed since (a changed file), each keeps its place.
    const mixed = [...unpackArticles(once).slice(0, 2), article("z")];
    expect(unpackArticles(packArticles(mixed)).map(plainArticle)).toEqual([articles[0], articles[1], article("z")]);
  });

  it("read right once more articles have been read than are kept decoded", () => {
    const many = Array.from({ length: DECODED_TEXTS + 50 }, (_, i) => article(`m${i}`));
    const unpacked = unpackArticles(packArticles(many));
    for (const [i, packed] of unpacked.entries()) expect(packed.title).toBe(`Title of m${i}`);
    expect(unpacked[0]!.keyPoints[0]).toBe("m0 first point"); // decoded again after it was let go
    expect(unpacked[0]).toBeInstanceOf(PackedArticle);
  });
});
