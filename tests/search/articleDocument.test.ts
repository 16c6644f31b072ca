import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { articleIndexOptions, documentOf, keptInMemory } from "../../src/search/articleDocument.js";
import { processTerm, terms } from "../../src/search/text.js";
import { parsedArticle } from "../helpers/articles.js";

/** The processed terms of a document's field, in order (its words, normalised as the index normalises them). */
const fieldTerms = (field: string) => field.split(" ").map(processTerm).filter((term): term is string => Boolean(term));

describe("an article as a document of the index", () => {
  const article = parsedArticle("aws", { title: "AWS Signs a $38bn Compute Deal With OpenAI", keyPoints: ["OpenAI will rent Nvidia GPUs from AWS.", "The contract runs seven years."] });

  it("holds each field's words, tokenized once: money as one term, company aliases with their company's", () => {
    const doc = documentOf(article);
    expect(fieldTerms(doc.title)).toEqual(terms(article.title));
    expect(fieldTerms(doc.title)).toEqual(expect.arrayContaining(["amazon", "38b", "openai"]));
    expect(fieldTerms(doc.keyPoints)).toEqual(article.keyPoints.flatMap((point) => terms(point)));
    expect(fieldTerms(doc.names)).toEqual(expect.arrayContaining(["comput", "deal"]));
  });

  it("is found by a question in other words, and common words only in titles", () => {
    const index = new MiniSearch(articleIndexOptions(new Set([processTerm("contract")!])));
    index.add(documentOf(article));
    expect(index.search("Amazon Web Services $38 billion").map((r) => r.id)).toEqual(["aws"]);
    expect(index.search("contract").length).toBe(0); // "contract" is common: only in titles, and this title has none
  });

  it("keeps in memory what answers show, not the longer sections", () => {
    const kept = keptInMemory({ ...article, contentSummary: "long", context: "long", authorStyle: "x", whyRead: "y" });
    expect(kept).toMatchObject({ title: article.title, keyPoints: article.keyPoints, contentSummary: "", context: "", authorStyle: "", whyRead: "" });
  });
});
