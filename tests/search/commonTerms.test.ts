import { describe, expect, it } from "vitest";
import { documentOf, fieldCountsOf } from "../../src/search/articleDocument.js";
import { COMMON_TERM_SAMPLE, commonTermSample, commonTermsOf, LARGE_CORPUS } from "../../src/search/commonTerms.js";
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

  it("are counted on an even sample: all of a corpus of a thousand, a tenth of a larger one, at most two thousand", () => {
    expect(commonTermSample(LARGE_CORPUS - 1)).toEqual([]);
    expect(commonTermSample(LARGE_CORPUS)).toEqual(Array.from({ length: LARGE_CORPUS }, (_, i) => i));
    expect(commonTermSample(5_000)).toHaveLength(LARGE_CORPUS);
    expect(commonTermSample(15_000)).toHaveLength(1_500);
    expect(commonTermSample(100_000)).toHaveLength(COMMON_TERM_SAMPLE);
    const positions = commonTermSample(15_000);
    expect(positions.at(-1)).toBeLessThan(15_000);
    expect(new Set(positions).size).toBe(positions.length);
    // Even: each tenth of the corpus holds a tenth of the sample.
    for (let tenth = 0; tenth < 10; tenth++) expect(positions.filter((p) => Math.floor(p / 1_500) === tenth)).toHaveLength(150);
  });

  it("are none on a small corpus", () => {
    expect(commonTermsOf(10, (i) => fieldCountsOf(documentOf(article(i))))).toEqual([]);
  });
});
