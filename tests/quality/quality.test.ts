import { describe, expect, it } from "vitest";
import path from "node:path";
import { ALL_CORPORA, CHAT_DIR, HELDOUT_DIR, evaluate, loadQuestions, type QualityReport } from "./evaluate.js";

type Figures = Pick<QualityReport, "hitAt1" | "hitAt3" | "mrr" | "dealRecall" | "keyPointHit">;

function expectAtLeast(report: QualityReport, floor: Figures): void {
  for (const [name, value] of Object.entries(floor)) expect(report[name as keyof Figures], name).toBeGreaterThanOrEqual(value);
}

/**
 * The figures reached on our question set (npm run quality). A change that makes answers worse fails
 * here; a change that makes them better should raise these.
 */
const FLOOR = { hitAt1: 1, hitAt3: 1, mrr: 1, dealRecall: 1, keyPointHit: 0.948 };

describe("answer quality on our question set", () => {
  it("has 137 questions of the three kinds", () => {
    const questions = loadQuestions();
    expect(questions).toHaveLength(137);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(["ask", "summary", "deal"]));
  });

  it("does not drop below the figures reached", async () => {
    expectAtLeast(await evaluate(), FLOOR);
  });
});

/** Articles and questions written apart from the tuning (tests/quality/heldout): a check that it generalises. */
const HELDOUT_FLOOR = { hitAt1: 1, hitAt3: 1, mrr: 1, dealRecall: 1, keyPointHit: 0.96 };

describe("answer quality on the held-out set", () => {
  it("does not drop below the figures reached", async () => {
    const questions = loadQuestions(HELDOUT_DIR);
    expect(questions).toHaveLength(45);
    expectAtLeast(await evaluate(path.join(HELDOUT_DIR, "corpus"), questions), HELDOUT_FLOOR);
  });
});

/**
 * The chat-style held-out set (tests/quality/chat): 40 articles on the same companies and 130 questions
 * typed as people type in a channel, written by someone who had not seen the code, asked over all three
 * corpora at once.
 */
const CHAT_FLOOR = { hitAt1: 0.885, hitAt3: 0.962, mrr: 0.928, dealRecall: 1, keyPointHit: 0.905 };

describe("answer quality on the chat-style held-out set", () => {
  it("does not drop below the figures reached", async () => {
    const questions = loadQuestions(CHAT_DIR);
    expect(questions).toHaveLength(130);
    expectAtLeast(await evaluate(ALL_CORPORA, questions), CHAT_FLOOR);
  });
});
