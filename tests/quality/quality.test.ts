import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { QUESTIONS_DIR, evaluate, loadQuestions, type Question } from "./evaluate.js";

/**
 * The figures reached on our question set (npm run quality). A change that makes answers worse fails
 * here; a change that makes them better should raise these.
 */
const FLOOR = { hitAt1: 0.993, hitAt3: 1, mrr: 0.996, dealRecall: 1, keyPointHit: 0.935 };

/**
 * The sets as they are, counted exactly: a question deleted (or a file that stops loading) fails here rather
 * than quietly making the floors easier. Adding questions means raising these counts.
 */
const QUESTION_COUNTS = { ask: 77, summary: 26, deal: 34 };
const HELDOUT_COUNTS = { ask: 25, summary: 10, deal: 10 };
const HELDOUT_ARTICLES = 14;

function countByKind(questions: Question[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const question of questions) counts[question.kind] = (counts[question.kind] ?? 0) + 1;
  return counts;
}

describe("answer quality on our question set", () => {
  it("has its 137 questions of the three kinds", () => {
    expect(countByKind(loadQuestions())).toEqual(QUESTION_COUNTS);
  });

  it("does not drop below the figures reached", async () => {
    const report = await evaluate();
    expect(report.questions).toBe(137);
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
  const heldout = path.join(path.dirname(QUESTIONS_DIR), "heldout");

  it("has its 45 questions over 14 articles", () => {
    expect(countByKind(loadQuestions(heldout))).toEqual(HELDOUT_COUNTS);
    expect(readdirSync(path.join(heldout, "corpus"))).toHaveLength(HELDOUT_ARTICLES);
  });

  it("does not drop below the figures reached", async () => {
    const report = await evaluate(path.join(heldout, "corpus"), loadQuestions(heldout));
    expect(report.questions).toBe(45);
    for (const [name, floor] of Object.entries(HELDOUT_FLOOR)) expect(report[name as keyof typeof HELDOUT_FLOOR], name).toBeGreaterThanOrEqual(floor);
  });
});
