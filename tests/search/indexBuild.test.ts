import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/articles/loadCorpus.js";
import { LARGE_CORPUS } from "../../src/search/commonTerms.js";
import { loadAndIndex } from "../../src/search/indexBuild.js";
import { NewsIndex } from "../../src/search/newsIndex.js";
import { parseInWorkers } from "../../src/search/preparePool.js";
import { makeCorpus, markdownArticle } from "../helpers/articles.js";

const COMPANIES = ["Contoso", "Fabrikam", "Northwind", "Globex", "Initech"];

/** A corpus large enough to have common words, with a broken file and a second file for one id at the end. */
function largeCorpus(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < LARGE_CORPUS + 100; i++) {
    const partner = COMPANIES[i % COMPANIES.length]!;
    files[`${String(i).padStart(4, "0")}.md`] = markdownArticle({
      title: `Firm${i} Signs a Supply Deal With ${partner}`,
      summary: `Firm${i} will buy sensors from ${partner} for its warehouse robots.`,
    });
  }
  files["zzzz-broken.md"] = "";
  files["0007.txt"] = markdownArticle({ title: "Another File for the Same Id" });
  return makeCorpus(files);
}

describe("a corpus indexed as it is read", () => {
  const dir = largeCorpus();
  const onWorkers = (files: Parameters<typeof parseInWorkers>[0], options: Parameters<typeof parseInWorkers>[1]) => parseInWorkers(files, { ...options, workers: 2 });

  it("gives the corpus, its problems and an index that answers as one built after reading", async () => {
    const { corpus, index } = await loadAndIndex(dir, { parse: onWorkers });
    const read = await loadCorpus(dir);
    const after = new NewsIndex(read.articles);
    expect(corpus).toEqual(read);
    expect(corpus.problems.map((problem) => problem.file)).toEqual(["0007.txt", "zzzz-broken.md"]);
    expect(index.size).toBe(LARGE_CORPUS + 100);
    expect(index.commonTerms()).toEqual(after.commonTerms());
    expect(index.commonTerms()).toContain("warehous");
    for (const query of ["Firm17 supply deal", "Fabrikam sensors", "robots Northwind", "Acme Series C round"]) {
      expect(index.search(query).map((hit) => hit.article.id)).toEqual(after.search(query).map((hit) => hit.article.id));
    }
  });

  it("indexes on this thread alike when the files are not parsed elsewhere", async () => {
    const { index } = await loadAndIndex(dir, { parse: () => undefined });
    const after = new NewsIndex((await loadCorpus(dir)).articles);
    expect(index.commonTerms()).toEqual(after.commonTerms());
    expect(index.search("Firm42 Contoso").map((hit) => hit.article.id)).toEqual(after.search("Firm42 Contoso").map((hit) => hit.article.id));
  });

  it("indexes a small corpus without a sample", async () => {
    const small = makeCorpus({ "a.md": markdownArticle(), "b.md": markdownArticle({ title: "Globex Buys Initech for $2 Billion" }) });
    const { corpus, index } = await loadAndIndex(small, { parse: onWorkers });
    expect(corpus.articles.map((article) => article.id)).toEqual(["a", "b"]);
    expect(index.commonTerms()).toEqual([]);
    expect(index.search("Globex Initech")[0]?.article.id).toBe("b");
  });
});
