import { describe, expect, it } from "vitest";
import path from "node:path";
import { QUESTIONS_DIR, evaluate, loadQuestions } from "./evaluate.js";

/**
 * The figures reached on our question set (npm run quality). A change that makes answers worse fails
 * here; a change that makes them better should raise these.
 */
const FLOOR = { hitAt1: 0.993, hitAt3: 1, mrr: 0.996, dealRecall: 1, keyPointHit: 0.935 };

describe("answer quality on our question set", () => {
  it("has at least 100 questions of the three kinds", () => {
    const questions = loadQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(100);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(["ask", "summary", "deal"]));
  });

  it("does not drop below the figures reached", async () => {
    const report = await evaluate();
    expect(report.hitAt1).toBeGreaterThanOrEqual(FLOOR.hitAt1);
    expect(report.hitAt3).toBeGreaterThanOrEqual(FLOOR.hitAt3);
    expect(report.mrr).toBeGreaterThanOrEqual(FLOOR.mrr);
    expect(report.dealRecall).toBeGreaterThanOrEqual(FLOOR.dealRecall);
    expect(report.keyPointHit).toBeGreaterThanOrEqual(FLOOR.keyPointHit);
  });
});

/** Articles and questions written apart from the tuning (tests/quality/heldout): a check that it generalises. */
const HELDOUT_FLOOR = { hitAt1: 1, hitAt3: 1, mrr: 1, dealRecall: 1, keyPointHit: 0.92 };

describe("answer quality on the held-out set", () => {
  it("does not drop below the figures reached", async () => {
    const heldout = path.join(path.dirname(QUESTIONS_DIR), "heldout");
    const report = await evaluate(path.join(heldout, "corpus"), loadQuestions(heldout));
    for (const [name, floor] of Object.entries(HELDOUT_FLOOR)) expect(report[name as keyof typeof HELDOUT_FLOOR], name).toBeGreaterThanOrEqual(floor);
  });
});
