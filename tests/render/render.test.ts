import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/answer.js";
import type { Article } from "../../src/articles/article.js";
import { renderAnswer } from "../../src/render/answer.js";
import { messageToText } from "../../src/render/text.js";
import { expectWithinDiscordLimits } from "../helpers/discordLimits.js";

function article(overrides: Partial<Article> = {}): Article {
  return {
    id: "a", title: "A Title", url: "https://example.com/a", date: "2025-01-02", summary: "Summary.",
    keyPoints: ["First point.", "Second point."], contentSummary: "", context: "", authorStyle: "", whyRead: "",
    tags: [], companies: ["Acme"], deals: [], ...overrides,
  };
}

const huge = "word ".repeat(3000);
const askOf = (articles: Article[]): Answer => ({
  type: "ask", query: "q", suggestion: null,
  results: articles.map((a) => ({ article: a, score: 1, keyPoints: a.keyPoints, matchedKeyPoints: a.keyPoints.length })),
});

describe("rendering answers for Discord", () => {
  it("links the title to the source, lists key points, shows date and outlet, with a source button", () => {
    const { message, empty } = renderAnswer(askOf([article()]));
    expect(empty).toBe(false);
    expect(message.embeds[0]).toMatchObject({ title: "A Title", url: "https://example.com/a", description: "• First point.\n• Second point.", footer: { text: "example.com · 2025-01-02" } });
    expect(message.components[0]?.components[0]).toMatchObject({ style: 5, url: "https://example.com/a", label: "Read on example.com" });
  });

  it("truncates huge articles with an ellipsis to fit every Discord limit", () => {
    const big = article({ title: huge, summary: huge, keyPoints: Array(30).fill(huge) });
    for (const answer of [
      askOf([big, big, big]),
      { type: "summary", query: huge, article: big, keyPoints: big.keyPoints, alternatives: Array(10).fill(big), suggestion: null },
      { type: "deal", query: "q", companies: [], suggestion: null, deals: Array(12).fill({ article: big, deal: { parties: Array(5).fill(huge), amount: { value: 1, currency: "USD", text: huge }, kind: "investment" }, keyPoints: big.keyPoints, mentions: [] }) },
      { type: "latest", articles: Array(25).fill(big) },
    ] as Answer[]) {
      const { message } = renderAnswer(answer, { pager: { previous: "p", next: "n" } });
      expectWithinDiscordLimits(message);
      expect(JSON.stringify(message)).toContain("…");
    }
  });

  it("never shows a link that is not http(s), and defuses mentions and masked links in article text", () => {
    const hostile = article({ url: "javascript:alert(1)", title: "@everyone look <@123> <@&456>", keyPoints: ["[click](javascript:alert(1)) @here ```"] });
    const { message } = renderAnswer(askOf([hostile]));
    expect(message.embeds[0]?.url).toBeUndefined();
    expect(message.components).toEqual([]);
    const text = JSON.stringify(message);
    expect(text).not.toMatch(/@everyone|@here|<@123>|<@&456>|\]\(javascript/);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it("pages long answers with Previous/Next buttons", () => {
    const many = askOf(Array.from({ length: 7 }, (_, i) => article({ id: `a${i}`, title: `Title ${i}` })));
    const first = renderAnswer(many, { page: 0, pager: { previous: "prev", next: "next" } });
    expect(first.pages).toBe(3);
    expect(first.message.embeds.map((e) => e.title)).toEqual(["Title 0", "Title 1", "Title 2"]);
    const pager = first.message.components.at(-1)!.components;
    expect(pager.map((b) => [b.label, b.disabled])).toEqual([["◀ Previous", true], ["Page 1 of 3", true], ["Next ▶", false]]);
    const last = renderAnswer(many, { page: 2, pager: { previous: "prev", next: "next" } });
    expect(last.message.embeds.map((e) => e.title)).toEqual(["Title 6"]);
  });

  it("offers the next best articles of a summary as buttons", () => {
    const { message } = renderAnswer({ type: "summary", query: "q", article: article(), keyPoints: ["First point."], alternatives: [article({ id: "b", title: "Other" })], suggestion: null });
    expect(message.components[1]?.components[0]).toMatchObject({ label: "Other", custom_id: "summary:b" });
  });

  it("says nothing matched, with a spelling suggestion", () => {
    const { message, empty } = renderAnswer({ type: "ask", query: "Antropic zzz", results: [], suggestion: "Anthropic zzz" });
    expect(empty).toBe(true);
    expect(message.content).toMatch(/No article matches “Antropic zzz”\.\nDid you mean “Anthropic zzz”\?/);
  });
});

describe("rendering as text for the terminal", () => {
  it("writes the same answer with links spelled out", () => {
    const text = messageToText(renderAnswer(askOf([article()])).message);
    expect(text).toBe("A Title\nhttps://example.com/a\n• First point.\n• Second point.\n(example.com · 2025-01-02)");
  });
});
