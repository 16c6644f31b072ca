import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/articles/loadCorpus.js";
import { parseArticleFile, parseArticleText } from "../../src/articles/parse.js";
import { renderPost } from "../../src/render/post.js";
import { makeCorpus, markdownArticle, plainTextArticle } from "../helpers/articles.js";
import { damagedArticle, validArticle } from "../helpers/damagedArticles.js";
import { expectWithinDiscordLimits } from "../helpers/discordLimits.js";

/** Text shaped like summaries: headings, bullets, front matter fences, links, noise, odd characters. */
const pieces = fc.constantFrom(
  "---", "# Title", "## Summary", "## Key Points", "Key Points", "- a point", "• another point", "* star", "1. numbered",
  "Source: https://example.com/x", "Source: javascript:alert(1)", "[Source](data:text/html,x)", "Leave a Reply", "title: [oops",
  "```", "> quote", "\u0000", "\uFEFF", "\r", "\u202E", "@everyone", "<@123>", "😀", "ÿþ", "",
);
const anyText = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }));
const summaryLike = fc
  .tuple(fc.array(fc.oneof(pieces, anyText), { maxLength: 60 }), fc.constantFrom("\n", "\r\n", "\r"))
  .map(([lines, eol]) => lines.join(eol));

/** Checks the result and says whether it was an article (so a property can count how often it got that far). */
function expectArticleOrReason(result: ReturnType<typeof parseArticleText>): boolean {
  if (result.ok) {
    expect(result.article.title.length).toBeGreaterThan(0);
    expect(result.article.keyPoints.length).toBeGreaterThan(0);
    expect(result.article.url).toMatch(/^https?:\/\/[^/]/);
  } else {
    expect(result.reason.length).toBeGreaterThan(0);
  }
  return result.ok;
}

/** Runs a property `runs` times and returns how many runs it reported as having produced an article. */
function countArticles<T>(arbitrary: fc.Arbitrary<T>, runs: number, check: (value: T) => boolean): number {
  let articles = 0;
  fc.assert(fc.property(arbitrary, (value) => {
    if (check(value)) articles++;
  }), { numRuns: runs });
  return articles;
}

describe("the parser on any input", () => {
  // These two mostly test the first rejection (random bytes are almost never an article); the properties
  // on built articles below are the ones that reach parsing and rendering.
  it("never throws, and returns an article or a reason, for random bytes", () => {
    const articles = countArticles(fc.uint8Array({ maxLength: 4000 }), 500, (bytes) => expectArticleOrReason(parseArticleFile(bytes, "fuzz")));
    console.info(`random bytes: ${articles} of 500 runs produced an article`);
  }, 60_000);

  it("never throws on text shaped like summaries, in any script and with any line endings", () => {
    const articles = countArticles(summaryLike, 1000, (text) => expectArticleOrReason(parseArticleText(text, "fuzz")));
    console.info(`summary-shaped text: ${articles} of 1000 runs produced an article`);
  }, 60_000);

  it("reads back every valid article built from any script: its title, each key point and its source", () => {
    const articles = countArticles(validArticle, 300, (built) => {
      const result = parseArticleText(built.text, "fuzz");
      expect(result.ok ? null : result.reason, built.text).toBeNull();
      if (!result.ok) return false;
      expect(result.article.title).toBe(built.title);
      expect(result.article.keyPoints).toEqual(built.keyPoints);
      expect(result.article.url).toBe(new URL(built.source).href);
      return true;
    });
    expect(articles).toBe(300);
  }, 60_000);

  it("never throws on valid articles damaged anywhere, and renders within Discord's limits whatever still parses", () => {
    const articles = countArticles(damagedArticle, 500, ({ text }) => {
      const result = parseArticleText(text, "fuzz");
      if (!expectArticleOrReason(result) || !result.ok) return false;
      expectWithinDiscordLimits(renderPost(result.article));
      return true;
    });
    console.info(`damaged articles: ${articles} of 500 runs produced an article`);
    // Most runs must reach parsing and rendering of a real article, not stop at the first rejection.
    expect(articles).toBeGreaterThan(250);
  }, 60_000);

  it("never throws when the good example articles are cut or spliced anywhere", () => {
    const good = [markdownArticle(), plainTextArticle(), plainTextArticle({ eol: "\r\n" })];
    fc.assert(fc.property(fc.constantFrom(...good), fc.nat(), fc.nat(), fc.string({ unit: "grapheme" }), (text, a, b, insert) => {
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
