import { describe, expect, it } from "vitest";
import { loadRun, syntheticIndex } from "../../bench/load.js";

describe("load", () => {
  const corpus = syntheticIndex(10_000);

  it("answers 1,000 interactions from 50 users over 10 seconds on 10,000 articles, each once, none after 3 seconds", async () => {
    const result = await loadRun(corpus, { count: 1000, users: 50, seconds: 10 });
    console.log("load:", JSON.stringify(result));
    expect(result.answered).toBe(1000);
    expect(result.answeredTwice).toBe(0);
    expect(result.over3s).toBe(0);
  }, 180_000);

  it("does the same over the Interactions Endpoint: 1,000 signed POSTs, each answered in its HTTP reply, none after 3 seconds", async () => {
    const result = await loadRun(corpus, { count: 1000, users: 50, seconds: 10 }, "http");
    console.log("load over HTTP:", JSON.stringify(result));
    expect(result.refused).toBe(0);
    expect(result.answered).toBe(1000);
    expect(result.answeredTwice).toBe(0);
    expect(result.over3s).toBe(0);
  }, 180_000);
});
