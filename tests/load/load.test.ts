import { describe, expect, it } from "vitest";
import { isAnswer, loadRun, syntheticIndex } from "../../bench/load.js";

describe("load", () => {
  const corpus = syntheticIndex(10_000);

  it("answers 1,000 interactions from 50 users over 10 seconds on 10,000 articles: each with a real answer, once, none after 3 seconds", async () => {
    const result = await loadRun(corpus, { count: 1000, users: 50, seconds: 10 });
    console.log("load:", JSON.stringify(result));
    expect(result.notAnswered).toEqual([]);
    expect(result.answered).toBe(1000);
    expect(result.answeredTwice).toBe(0);
    expect(result.over3s).toBe(0);
  }, 180_000);

  it("counts as answered only a cited source, a 'nothing matched', or autocomplete choices", () => {
    const withSource = { type: 4, data: { embeds: [{ title: "t", url: "https://news.example.com/a" }] } };
    expect(isAnswer("source", withSource)).toBe(true);
    expect(isAnswer("source", { type: 4, data: { embeds: [{ title: "Latest articles", description: "• [A story](https://news.example.com/1) · 2025-01-01" }] } })).toBe(true);
    expect(isAnswer("source", { type: 4, data: { embeds: [{ title: "t", description: "• [A story](javascript:alert(1))" }] } })).toBe(false);
    expect(isAnswer("source", null)).toBe(false); // never answered, or a deferral never completed
    expect(isAnswer("source", { type: 5, data: {} })).toBe(false);
    expect(isAnswer("source", { type: 4, data: { content: "Sorry, something went wrong." } })).toBe(false);
    expect(isAnswer("source", { type: 4, data: { embeds: [{ title: "t", url: "javascript:alert(1)" }] } })).toBe(false);
    expect(isAnswer("nothing", { type: 4, data: { content: 'No article matches "zebra".' } })).toBe(true);
    expect(isAnswer("nothing", withSource)).toBe(false);
    expect(isAnswer("choices", { type: 8, data: { choices: [{ name: "Acme", value: "Acme" }] } })).toBe(true);
    expect(isAnswer("choices", { type: 8, data: { choices: [] } })).toBe(false);
  });

  it("does the same over the Interactions Endpoint: 1,000 signed POSTs, each answered in its HTTP reply, none after 3 seconds", async () => {
    const result = await loadRun(corpus, { count: 1000, users: 50, seconds: 10 }, "http");
    console.log("load over HTTP:", JSON.stringify(result));
    expect(result.refused).toBe(0);
    expect(result.notAnswered).toEqual([]);
    expect(result.answered).toBe(1000);
    expect(result.answeredTwice).toBe(0);
    expect(result.over3s).toBe(0);
  }, 180_000);
});
