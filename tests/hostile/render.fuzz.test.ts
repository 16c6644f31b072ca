import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/answer.js";
import type { Article } from "../../src/articles/article.js";
import { renderAnswer } from "../../src/render/answer.js";
import { renderDigest, renderOverflow, renderPost } from "../../src/render/post.js";
import { expectWithinDiscordLimits } from "../helpers/discordLimits.js";

/** Article text at its worst: mentions, masked links, fences, invisible and right-to-left marks, long words. */
const hostileText = fc.array(
  fc.oneof(
    fc.constantFrom("@everyone", "@here", "<@123456789012345678>", "<@!123456789012345678>", "<@&123456789012345678>", "<#123456789012345678>",
      "[click](javascript:alert(1))", "[x](https://evil.example)", "```", "`", "**", "\u200B", "\u202E", "\u2066", "\uFEFF", "||spoiler||", "# heading", "> quote"),
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.string({ unit: "grapheme", minLength: 200, maxLength: 3000 }).map((s) => s.replace(/\s/g, "x")),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(" "));

const url = fc.oneof(fc.webUrl(), fc.constantFrom("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "https://user:pw@example.com/", "not a url", ""));

const article: fc.Arbitrary<Article> = fc.record({
  id: fc.string({ unit: "grapheme", minLength: 1, maxLength: 150 }),
  title: hostileText,
  url,
  date: fc.option(fc.constant("2025-01-01"), { nil: null }),
  summary: hostileText,
  keyPoints: fc.array(hostileText, { minLength: 1, maxLength: 30 }),
  contentSummary: fc.constant(""), context: fc.constant(""), authorStyle: fc.constant(""), whyRead: fc.constant(""),
  tags: fc.array(fc.string({ unit: "grapheme", maxLength: 20 }), { maxLength: 5 }),
  companies: fc.array(hostileText, { maxLength: 5 }),
  deals: fc.array(fc.record({
    parties: fc.array(hostileText, { maxLength: 5 }),
    amount: fc.option(fc.record({ value: fc.double(), currency: fc.constantFrom("USD", "EUR"), text: hostileText }), { nil: null }),
    kind: fc.constantFrom("acquisition", "investment", "compute", "supply", "partnership" as const),
  }), { maxLength: 3 }),
});

const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ type: fc.constant("ask" as const), query: hostileText, suggestion: fc.option(hostileText, { nil: null }), results: fc.array(article.map((a) => ({ article: a, score: 1, keyPoints: a.keyPoints, matchedKeyPoints: a.keyPoints.length })), { maxLength: 12 }) }),
  fc.record({ type: fc.constant("summary" as const), query: hostileText, suggestion: fc.option(hostileText, { nil: null }), article: fc.option(article, { nil: null }), keyPoints: fc.array(hostileText, { maxLength: 30 }), alternatives: fc.array(article, { maxLength: 8 }) }),
  fc.record({ type: fc.constant("deal" as const), query: hostileText, suggestion: fc.constant(null), companies: fc.constant([] as string[]), deals: fc.array(article.map((a) => ({ article: a, deal: a.deals[0] ?? null, keyPoints: a.keyPoints, mentions: a.companies.slice(0, 2) })), { maxLength: 30 }) }),
  fc.record({ type: fc.constant("latest" as const), articles: fc.array(article, { maxLength: 25 }) }),
);

/** Nothing in a message may ping: no bare @everyone/@here, no user or role mention syntax, and allowed_mentions empty. */
function expectNoPings(message: unknown) {
  const text = JSON.stringify(message);
  expect(text).not.toMatch(/@(everyone|here)/);
  expect(text).not.toMatch(/<@[!&]?\d+>/);
  expect(text).not.toMatch(/\]\(javascript:/i);
}

describe("every message the renderer can produce", () => {
  it("fits Discord's limits and pings nobody, for any answer and page", () => {
    fc.assert(fc.property(answer, fc.nat(5), (a, page) => {
      const { message } = renderAnswer(a, { page, pager: { previous: "page:abc:0", next: "page:abc:1" } });
      expectWithinDiscordLimits(message);
      expectNoPings(message);
    }), { numRuns: 300 });
  }, 60_000);

  it("does the same for channel posts, digests and overflow messages", () => {
    fc.assert(fc.property(article, fc.array(article, { maxLength: 40 }), (one, many) => {
      for (const message of [renderPost(one), renderDigest("2025-01-01", many), renderOverflow(many.length ? many : [one])]) {
        expectWithinDiscordLimits(message);
        expectNoPings(message);
      }
    }), { numRuns: 200 });
  }, 60_000);
});
