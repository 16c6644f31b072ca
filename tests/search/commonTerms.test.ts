import { describe, expect, it } from "vitest";
import { documentOf, fieldCountsOf } from "../../src/search/articleDocument.js";
import { commonTermsOf, LARGE_CORPUS } from "../../src/search/commonTerms.js";
import { parsedArticle } from "../helpers/articles.js";

describe("common terms", () => {
  const article = (i: number) =>
    parsedArticle(`a${i}`, { title: `Firm ${i} news`, keyPoints: [`OpenAI said the quarter went well for unit ${i % 3 === 0 ? "zephyr" : "other"}.`, `It raised $38 billion.`] });

  it("are the words outside titles in over a fifth of a large corpus, company names and sums excepted", () => {
    const docs = Array.from({ length: LARGE_CORPUS }, (_, i) => fieldCountsOf(documentOf(article(i))));
    const common = commonTermsOf(docs.length, (i) => docs[i]!);
    expect(common).toEqual(expect.arrayContaining(["quarter", "zephyr", "went"]));
    expect(common).not.toContain("openai");
    expect(common).not.toContain("38b");
  });

  it("are none on a small corpus", () => {
    expect(commonTermsOf(10, (i) => fieldCountsOf(documentOf(article(i))))).toEqual([]);
  });
});
