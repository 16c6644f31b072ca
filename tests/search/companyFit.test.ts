import { describe, expect, it } from "vitest";
import { companiesAsked, companyFit } from "../../src/search/companyFit.js";
import { parsedArticle } from "../helpers/articles.js";

describe("how well an article fits the companies a question names", () => {
  it("counts the story of both companies asked about well above the one of either that mentions the other", () => {
    const asked = companiesAsked("how did oracle stock react to the openai contract");
    const both = parsedArticle("both", { title: "OpenAI Signs a $30 Billion Oracle Cloud Contract", keyPoints: ["Oracle shares rose 9%."] });
    const one = parsedArticle("one", { title: "Oracle Signs a $20 Billion Meta Cloud Contract", keyPoints: ["Oracle shares rose 4%.", "OpenAI signed with Oracle earlier."] });
    expect(companyFit(both, asked)).toBeGreaterThan(companyFit(one, asked) * 1.1);
    expect(companyFit(one, asked)).toBeGreaterThan(1);
  });

  it("reads a product with a name of its own as its maker's story, without searching the maker's name", () => {
    expect(companiesAsked("how many trainium chips does anthropic use")).toEqual(["Anthropic", "Amazon"]);
    expect(companiesAsked("the gorilla glass plant")).toEqual(["Corning"]);
    expect(companiesAsked("an alexandrite ring")).toEqual([]);
  });
});
