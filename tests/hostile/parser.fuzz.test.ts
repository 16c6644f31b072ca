import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/articles/loadCorpus.js";
import { parseArticleFile, parseArticleText } from "../../src/articles/parse.js";
import { makeCorpus, markdownArticle, plainTextArticle } from "../helpers/articles.js";

/** Text shaped like summaries: headings, bullets, front matter fences, links, noise, odd characters. */
const pieces = fc.constantFrom(
  "---", "# Title", "## Summary", "## Key Points", "Key Points", "- a point", "• another point", "* star", "1. numbered",
  "Source: https://example.com/x", "Source: javascript:alert(1)", "[Source](data:text/html,x)", "Leave a Reply", "title: [oops",
  "```", "> quote", "\u0000", "\uFEFF", "\r", "\u202E", "@everyone", "<@123>", "😀", "ÿþ", "",
);
const summaryLike = fc
  .tuple(fc.array(fc.oneof(pieces, fc.string({ maxLength: 40 })), { maxLength: 60 }), fc.constantFrom("\n", "\r\n", "\r"))
  .map(([lines, eol]) => lines.join(eol));

function expectArticleOrReason(result: ReturnType<typeof parseArticleText>) {
  if (result.ok) {
    expect(result.article.title.length).toBeGreaterThan(0);
    expect(result.article.keyPoints.length).toBeGreaterThan(0);
    expect(result.article.url).toMatch(/^https?:\/\/[^/]/);
  } else {
    expect(result.reason.length).toBeGreaterThan(0);
  }
}

describe("the parser on any input", () => {
  it("never throws, and returns an article or a reason, for random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => expectArticleOrReason(parseArticleFile(bytes, "fuzz"))), { numRuns: 500 });
  }, 60_000);

  it("never throws on text shaped like summaries, with any line endings", () => {
    fc.assert(fc.property(summaryLike, (text) => expectArticleOrReason(parseArticleText(text, "fuzz"))), { numRuns: 1000 });
  }, 60_000);

  it("never throws when good articles are cut or spliced anywhere", () => {
    const good = [markdownArticle(), plainTextArticle(), plainTextArticle({ eol: "\r\n" })];
    fc.assert(fc.property(fc.constantFrom(...good), fc.nat(), fc.nat(), fc.string(), (text, a, b, insert) => {
      const cut = Math.min(a, b) % (text.length + 1);
      expectArticleOrReason(parseArticleText(text.slice(0, cut) + insert + text.slice(Math.max(a, b) % (text.length + 1)), "fuzz"));
    }), { numRuns: 500 });
  }, 60_000);

  it("handles pathological sizes: a 10 MB line, thousands of bullets, deep nesting, NULs, invalid UTF-8", () => {
    const bullets = `# Many\n## Key Points\n${"- point\n".repeat(20_000)}Source: https://e.com/x`;
    const nested = `# Deep\n${"> ".repeat(5000)}x\n## Key Points\n${"  ".repeat(3000)}- nested point\nSource: https://e.com/x`;
    const cases: Array<Uint8Array | string> = [
      "x".repeat(10 * 1024 * 1024),
      bullets,
      nested,
      `# T\n## Key Points\n- a\u0000b\nSource: https://e.com/x`,
      new Uint8Array([0x23, 0x20, 0xc3, 0x28, 0x0a]),
      "\r\n\r\r\n\n".repeat(100_000),
    ];
    for (const input of cases) {
      const started = performance.now();
      const result = typeof input === "string" ? parseArticleText(input, "big") : parseArticleFile(input, "big");
      expectArticleOrReason(result);
      expect(performance.now() - started).toBeLessThan(5_000); // a guard against hanging, not a speed target
    }
  }, 60_000);

  it("loads the good files of a corpus of 1,000 random ones and names every bad one", async () => {
    const files: Record<string, string | Uint8Array> = {};
    const random = fc.sample(fc.uint8Array({ maxLength: 2000 }), { numRuns: 1000, seed: 7 });
    random.forEach((bytes, i) => (files[`random/${i}.md`] = bytes));
    for (let i = 0; i < 20; i++) files[`good/${i}.md`] = markdownArticle({ title: `Good Article Number ${i}` });
    const { articles, problems } = await loadCorpus(makeCorpus(files));
    expect(articles.filter((a) => a.id.startsWith("good/"))).toHaveLength(20);
    expect(articles.length + problems.length).toBe(1020);
    for (const problem of problems) expect(problem.file).toMatch(/^random\/\d+\.md$/);
  }, 60_000);
});
