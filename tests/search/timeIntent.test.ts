import { describe, expect, it } from "vitest";
import { ask } from "../../src/answers/ask.js";
import { dateInUrl } from "../../src/articles/urlDate.js";
import { newsDateOf, periodFit, timeIntentOf } from "../../src/search/timeIntent.js";
import { parsedArticle } from "../helpers/articles.js";
import { bundledIndex } from "../helpers/corpus.js";

const index = await bundledIndex();
const today = new Date("2025-11-30T12:00:00Z");

describe("time in questions", () => {
  it("reads latest, years, months and periods relative to today", () => {
    expect(timeIntentOf("latest nvidia news", today)).toEqual({ text: "nvidia news", newest: true, period: null });
    expect(timeIntentOf("nvidia deals in 2024", today).period).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(timeIntentOf("what did openai do last year", today)).toEqual({ text: "what did openai do", newest: false, period: { from: "2024-01-01", to: "2024-12-31" } });
    expect(timeIntentOf("anything this month on amd", today).period).toEqual({ from: "2025-11-01", to: "2025-11-30" });
    expect(timeIntentOf("microsoft since march", today).period).toEqual({ from: "2025-03-01", to: null });
    expect(timeIntentOf("the oct 2024 round", today).period).toEqual({ from: "2024-10-01", to: "2024-10-31" });
  });

  it("does not read a deadline in the news as the article's period", () => {
    expect(timeIntentOf("rollout by the end of 2029", today).period).toBeNull();
    expect(timeIntentOf("amd guidance until 2027", today).period).toBeNull();
    expect(timeIntentOf("the 2030 target for emissions", today).period).toBeNull();
  });

  it("reads a year standing alone in chat as a period, and a month abbreviated with its year", () => {
    expect(timeIntentOf("meta 2023 layoffs", today).period).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    expect(timeIntentOf("intel grant sept 2024", today).period).toEqual({ from: "2024-09-01", to: "2024-09-30" });
  });

  it("reads a month without its year as the last one, that month of an earlier year fitting next, before undated news", () => {
    const october = timeIntentOf("how long was the cloud down in october", today).period!;
    expect(october).toEqual({ from: "2025-10-01", to: "2025-10-31", anyYear: true });
    const fits = ["2025-10-20", "2024-10-02", null, "2024-09-30", "2025-11-01"].map((date) => periodFit(date, { ...october, from: "2026-10-01", to: "2026-10-31" }));
    expect(fits).toEqual([1, 1, 2, 3, 3]);
    expect(periodFit("2025-10-20", october)).toBe(0);
    expect(periodFit("2024-10-20", { from: "2024-09-01", to: "2024-09-30" })).toBe(3); // "sept 2024" names its year
  });

  it("places an undated article by the date its key points give the news", () => {
    const undated = { ...parsedArticle("undated", { keyPoints: ["Acme launched its robot on July 14, 2025.", "It costs $99."] }), date: null };
    expect(newsDateOf(undated)).toBe("2025-07-14");
    expect(newsDateOf({ ...parsedArticle("none", { keyPoints: ["Acme launched a robot."] }), date: null })).toBeNull();
    expect(newsDateOf(parsedArticle("dated", { date: "2025-02-03", keyPoints: ["On July 14, 2025 it shipped."] }))).toBe("2025-02-03");
  });

  it("answers 'latest' with the newest matching articles first", () => {
    const dates = ask(index, "latest nvidia news", 3).results.map((r) => r.article.date);
    expect(dates[0]).toBe("2025-11-18");
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("answers a question naming a year with an article of that year", () => {
    const first = ask(index, "what did google do in 2024").results[0]!.article;
    expect(first.date?.startsWith("2024") || first.keyPoints.some((point) => point.includes("2024"))).toBe(true);
  });

  it("reads the date a source link carries", () => {
    expect(dateInUrl("https://www.reuters.com/legal/google-violated-antitrust-laws-us-judge-rules-2024-08-05/")).toBe("2024-08-05");
    expect(dateInUrl("https://techcrunch.com/2024/12/30/nvidia-completes-acquisition/")).toBe("2024-12-30");
    expect(dateInUrl("https://about.fb.com/news/2025/10/meta-announces/")).toBeNull();
    expect(dateInUrl("https://example.com/2025-02-31/")).toBeNull();
  });
});
