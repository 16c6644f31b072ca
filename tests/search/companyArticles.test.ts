import { describe, expect, it } from "vitest";
import { CompanyArticles } from "../../src/search/companyArticles.js";
import { parsedArticle } from "../helpers/articles.js";

describe("the company lookup", () => {
  it("finds the articles naming a company, as a company or a deal's party, until they are removed", () => {
    const deal = parsedArticle("deal", { title: "Nvidia Invests $5 Billion in Intel" });
    const launch = parsedArticle("launch", { title: "Intel Launches a New Chip", keyPoints: ["Intel launched a chip for laptops."] });
    const lookup = new CompanyArticles();
    lookup.link(deal);
    lookup.link(launch);
    expect([...lookup.of("Intel")].sort()).toEqual(["deal", "launch"]);
    expect([...lookup.of("Nvidia")]).toEqual(["deal"]);
    lookup.unlink(deal);
    expect([...lookup.of("Intel")]).toEqual(["launch"]);
    expect([...lookup.of("Nvidia")]).toEqual([]);
  });
});
