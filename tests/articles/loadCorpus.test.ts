import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/articles/loadCorpus.js";
import { makeCorpus, markdownArticle, plainTextArticle } from "../helpers/articles.js";

describe("loading a corpus folder", () => {
  it("loads every good file, ids are relative paths without extension", async () => {
    const dir = makeCorpus({
      "acme.md": markdownArticle(),
      "chips/globex.txt": plainTextArticle(),
      "notes.pdf": "not an article",
      ".hidden.md": "ignored",
    });
    const { articles, problems } = await loadCorpus(dir);
    expect(articles.map((a) => a.id).sort()).toEqual(["acme", "chips/globex"]);
    expect(problems).toEqual([]);
  });

  it("skips each broken file with its path and reason while the rest load", async () => {
    const dir = makeCorpus({
      "good.md": markdownArticle(),
      "empty.md": "",
      "binary.txt": new Uint8Array([0xc3, 0x28, 0xa0, 0xa1]),
      "no-points.md": markdownArticle().replace(/## Key Points[\s\S]*?## Source/, "## Source"),
      "bad-link.md": markdownArticle({ source: "javascript:alert(1)" }),
    });
    const { articles, problems } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(["good"]);
    expect(problems).toEqual([
      { file: "bad-link.md", reason: expect.stringMatching(/only http and https/) },
      { file: "binary.txt", reason: "file is not UTF-8 text" },
      { file: "empty.md", reason: "file is empty" },
      { file: "no-points.md", reason: expect.stringMatching(/no key points/) },
    ]);
  });

  it("keeps the first of two files that claim the same id", async () => {
    const withId = markdownArticle().replace("---\ntitle", "---\nid: same\ntitle");
    const { articles, problems } = await loadCorpus(makeCorpus({ "a.md": withId, "b.md": withId }));
    expect(articles).toHaveLength(1);
    expect(problems).toEqual([{ file: "b.md", reason: 'id "same" is already used by a.md' }]);
  });

  it("fails loudly when the folder itself does not exist", async () => {
    await expect(loadCorpus("/nonexistent/newsdesk-corpus")).rejects.toThrow(/ENOENT/);
  });
});

describe("the bundled corpus", () => {
  it("has at least 40 articles, each with 5-7 key points and an https source, and no bad file", async () => {
    const { articles, problems } = await loadCorpus("corpus");
    expect(problems).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(40);
    for (const article of articles) {
      expect(article.keyPoints.length, article.id).toBeGreaterThanOrEqual(5);
      expect(article.keyPoints.length, article.id).toBeLessThanOrEqual(7);
      expect(article.url, article.id).toMatch(/^https?:\/\//);
    }
  });
});
