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

describe("the company lookup filled in bulk (a snapshot's articles)", () => {
  it("finds the same articles as one by one, and takes changes after", () => {
    const articles = [
      parsedArticle("deal", { title: "Nvidia Invests $5 Billion in Intel" }),
      parsedArticle("launch", { title: "Intel Launches a New Chip", keyPoints: ["Intel launched a chip for laptops."] }),
      parsedArticle("other", { title: "OpenAI Signs a Cloud Deal With Oracle" }),
    ];
    const oneByOne = new CompanyArticles();
    for (const article of articles) oneByOne.link(article);
    const bulk = new CompanyArticles();
    bulk.linkAll(articles);
    for (const company of ["Intel", "Nvidia", "OpenAI", "Oracle", "Nobody"]) expect([...bulk.of(company)].sort()).toEqual([...oneByOne.of(company)].sort());
    // Changes to companies never asked for yet, and to one asked for already.
    bulk.unlink(articles[0]!);
    bulk.link(parsedArticle("more", { title: "Nvidia Buys a Stake in Oracle" }));
    expect([...bulk.of("Intel")]).toEqual(["launch"]);
    expect([...bulk.of("Nvidia")]).toEqual(["more"]);
    expect([...bulk.of("Oracle")].sort()).toEqual(["more", "other"]);
  });
});
