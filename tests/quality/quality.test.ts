import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { HELD_OUT_SETS, evaluate, loadQuestions, withTypos, type QualityReport, type Question } from "./evaluate.js";

type Figures = Pick<QualityReport, "hitAt1" | "hitAt3" | "mrr" | "dealRecall" | "keyPointHit">;

function expectAtLeast(report: QualityReport, floor: Figures): void {
  for (const [name, value] of Object.entries(floor)) expect(report[name as keyof Figures], name).toBeGreaterThanOrEqual(value);
}

function countByKind(questions: Question[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const question of questions) counts[question.kind] = (counts[question.kind] ?? 0) + 1;
  return counts;
}

/**
 * The figures reached on our question set (npm run quality). A change that makes answers worse fails
 * here; a change that makes them better should raise these.
 */
const FLOOR = { hitAt1: 1, hitAt3: 1, mrr: 1, dealRecall: 1, keyPointHit: 1 };

/**
 * The sets as they are, counted exactly: a question deleted (or a file that stops loading) fails here rather
 * than quietly making the floors easier. Adding questions means raising these counts.
 */
const QUESTION_COUNTS = { ask: 77, summary: 26, deal: 34 };

describe("answer quality on our question set", () => {
  it("has its 137 questions of the three kinds", () => {
    expect(countByKind(loadQuestions())).toEqual(QUESTION_COUNTS);
  });

  it("does not drop below the figures reached", async () => {
    const report = await evaluate();
    expect(report.questions).toBe(137);
    expectAtLeast(report, FLOOR);
  });

  it("holds up when each question has a typo", async () => {
    expectAtLeast(await evaluate(undefined, withTypos(loadQuestions())), TYPO_FLOOR);
  });
});

/**
 * Our set with a typo in each question (`withTypos`): 0.978 / 0.985 / 0.982 / 0.941 / 0.961 before typos were
 * respelt, 0.974 key point after; 0.961 again since a key point's context words count less in its count of
 * words ("what did microsoft have to gie up": the typo hides "give up", and the answer is third no more),
 * which the sets never tuned on gained from (the third sealed set's key point 0.898 -> 0.939).
 */
const TYPO_FLOOR = { hitAt1: 0.978, hitAt3: 0.985, mrr: 0.982, dealRecall: 0.941, keyPointHit: 0.961 };

/** A set written apart from the code: its describe title, exact counts, and the figures it must not drop below. */
interface SetCheck {
  title: string;
  counts: Record<Question["kind"], number>;
  articles: number;
  floor: Figures;
  /** The figures with a typo in each question (`withTypos`). */
  typoFloor: Figures;
}

const SET_CHECKS: Record<keyof typeof HELD_OUT_SETS, SetCheck> = {
  /** Articles and questions written apart from the tuning (tests/quality/heldout): a check that it generalises. */
  heldout: {
    title: "answer quality on the held-out set",
    counts: { ask: 25, summary: 10, deal: 10 },
    articles: 14,
    floor: { hitAt1: 1, hitAt3: 1, mrr: 1, dealRecall: 1, keyPointHit: 1 },
    typoFloor: { hitAt1: 1, hitAt3: 1, mrr: 1, dealRecall: 1, keyPointHit: 0.96 },
  },
  /**
   * The chat-style held-out set (tests/quality/chat): 40 articles on the same companies and 130 questions
   * typed as people type in a channel, written by someone who had not seen the code, asked over all three
   * corpora at once. Its `/deal` questions that name one company alone count any deal of that company first
   * as right (see evaluate).
   */
  chat: {
    title: "answer quality on the chat-style held-out set",
    counts: { ask: 95, summary: 15, deal: 20 },
    articles: 40,
    floor: { hitAt1: 0.977, hitAt3: 0.992, mrr: 0.985, dealRecall: 1, keyPointHit: 0.989 },
    typoFloor: { hitAt1: 0.946, hitAt3: 0.992, mrr: 0.969, dealRecall: 1, keyPointHit: 0.958 },
  },
  /**
   * The fresh set (tests/quality/fresh): 24 articles and 72 chat-style questions written after the chat set
   * was tuned on, by someone who saw no code, asked over all four corpora. Its misses were read for classes of
   * failure only (descriptions of companies, people for their funds, regions, paraphrase, answer types), each
   * fixed by a general rule tested on examples of its own.
   */
  fresh: {
    title: "answer quality on the fresh set",
    counts: { ask: 50, summary: 10, deal: 12 },
    articles: 24,
    floor: { hitAt1: 0.958, hitAt3: 1, mrr: 0.979, dealRecall: 1, keyPointHit: 0.98 },
    typoFloor: { hitAt1: 0.944, hitAt3: 1, mrr: 0.968, dealRecall: 1, keyPointHit: 0.94 },
  },
  /**
   * The second fresh set (tests/quality/fresh2): 24 articles and 72 chat-style questions by a third writer,
   * measured first as it came (0.819 / 0.903 / 0.878 / 1 / 0.86), then read for classes of failure only
   * (companies the table lacked, descriptions with a swapped word, price moves, comparisons, counts of
   * sites and shoppers, paraphrase, a site telling like stories apart), each fixed by a general rule.
   */
  fresh2: {
    title: "answer quality on the second fresh set",
    counts: { ask: 50, summary: 10, deal: 12 },
    articles: 24,
    floor: { hitAt1: 0.958, hitAt3: 0.986, mrr: 0.976, dealRecall: 1, keyPointHit: 1 },
    typoFloor: { hitAt1: 0.944, hitAt3: 0.986, mrr: 0.966, dealRecall: 1, keyPointHit: 1 },
  },
  /**
   * The sealed set (tests/quality/sealed), never tuned on: its floors are what the code reached without
   * looking at it, so a change that generalises worse than it seems on the other sets shows here.
   */
  sealed: {
    title: "answer quality on the sealed set",
    counts: { ask: 50, summary: 10, deal: 12 },
    articles: 24,
    // MRR 0.937 -> 0.936, and 0.933 -> 0.931 with typos, since contract, verdict and completed read as agreement, ruled and finalized.
    floor: { hitAt1: 0.903, hitAt3: 0.958, mrr: 0.936, dealRecall: 1, keyPointHit: 0.92 },
    typoFloor: { hitAt1: 0.903, hitAt3: 0.944, mrr: 0.931, dealRecall: 1, keyPointHit: 0.9 },
  },
  /**
   * The second sealed set (tests/quality/sealed2), never tuned on: a fourth writer's 24 articles and 72
   * questions, less the six articles (and their 20 questions) that turned out to retell stories already in
   * the other corpora (the writer's list of titles to avoid had missed 16 of them), so that no question
   * has two right articles. Its floors are what the code reached as it came.
   */
  sealed2: {
    title: "answer quality on the second sealed set",
    counts: { ask: 36, summary: 6, deal: 10 },
    articles: 18,
    floor: { hitAt1: 0.827, hitAt3: 0.942, mrr: 0.897, dealRecall: 1, keyPointHit: 0.917 },
    // Key point with typos 0.917 -> 0.889 (one question) since a key point's context words count less in its count of words.
    typoFloor: { hitAt1: 0.769, hitAt3: 0.923, mrr: 0.857, dealRecall: 1, keyPointHit: 0.889 },
  },
  /**
   * The third fresh set (tests/quality/fresh3): half of two writers' sets (one writer's deals, the other's
   * news), split from the third sealed set by article at random. Measured whole as they came (0.847 / 0.924 /
   * 0.894 / 1 / 0.846, /deal 0.65), fresh3 alone 0.9 / 0.957 / 0.932 / 1 / 0.8; then read for classes of failure.
   */
  fresh3: {
    title: "answer quality on the third fresh set",
    counts: { ask: 55, summary: 9, deal: 6 },
    articles: 25,
    floor: { hitAt1: 0.943, hitAt3: 1, mrr: 0.964, dealRecall: 1, keyPointHit: 0.964 },
    typoFloor: { hitAt1: 0.914, hitAt3: 0.986, mrr: 0.943, dealRecall: 1, keyPointHit: 0.945 },
  },
  /** The third sealed set (tests/quality/sealed3), the other half, never read: 0.797 / 0.892 / 0.857 / 1 / 0.898 at the split. */
  sealed3: {
    title: "answer quality on the third sealed set",
    counts: { ask: 49, summary: 11, deal: 14 },
    articles: 23,
    floor: { hitAt1: 0.892, hitAt3: 0.973, mrr: 0.935, dealRecall: 1, keyPointHit: 0.959 },
    typoFloor: { hitAt1: 0.878, hitAt3: 0.959, mrr: 0.923, dealRecall: 1, keyPointHit: 0.918 },
  },
  /**
   * The fourth fresh set (tests/quality/fresh4): two more writers' (deals with 26 /deal questions; news),
   * measured as it came, 0.785 / 0.91 / 0.857 / 0.969 / 0.826; less one article of each of the two stories both
   * writers told, and their questions; then read for classes of failure.
   */
  fresh4: {
    title: "answer quality on the fourth fresh set",
    counts: { ask: 88, summary: 20, deal: 31 },
    articles: 46,
    floor: { hitAt1: 0.928, hitAt3: 0.957, mrr: 0.95, dealRecall: 1, keyPointHit: 0.909 },
    // First article with typos 0.899 -> 0.892, MRR 0.925 -> 0.921 (one question, "what did coreweave do before renting
    // out gus": what a company did before is how it started, and with "gpus" misspelt another CoreWeave story that
    // tells how it started comes first; the key point that answers, "started out as an Ethereum mining operation", is found now).
    typoFloor: { hitAt1: 0.892, hitAt3: 0.942, mrr: 0.921, dealRecall: 0.968, keyPointHit: 0.898 },
  },
  /** The fifth fresh set (tests/quality/fresh5): two more writers', measured as it came, 0.868 / 0.979 / 0.92 / 0.95 / 0.875; then tuned on. */
  fresh5: {
    title: "answer quality on the fifth fresh set",
    counts: { ask: 104, summary: 20, deal: 20 },
    articles: 48,
    floor: { hitAt1: 0.91, hitAt3: 1, mrr: 0.951, dealRecall: 1, keyPointHit: 0.923 },
    typoFloor: { hitAt1: 0.882, hitAt3: 0.993, mrr: 0.934, dealRecall: 1, keyPointHit: 0.894 },
  },
  /**
   * The fourth sealed set (tests/quality/sealed4), never read: two more writers' 48 articles and 144 questions,
   * written once this round's changes were done and measured with them (the code before the round: 0.854 /
   * 0.944 / 0.902 / 1 / 0.846).
   */
  sealed4: {
    title: "answer quality on the fourth sealed set",
    counts: { ask: 104, summary: 20, deal: 20 },
    articles: 48,
    floor: { hitAt1: 0.896, hitAt3: 0.972, mrr: 0.937, dealRecall: 1, keyPointHit: 0.885 },
    // With typos, respelling a synonym group's words (a typo of "agreement" is read as it, where the corpus holds
    // "pact") lost one question's first article and third place here (0.889 -> 0.882, hit@3 0.958 -> 0.951, MRR
    // 0.925 -> 0.92) and gained one on the third sealed set (0.865 -> 0.878); three-letter names (0.856 -> 0.865 key point).
    typoFloor: { hitAt1: 0.882, hitAt3: 0.951, mrr: 0.92, dealRecall: 1, keyPointHit: 0.865 },
  },
  /**
   * The sixth fresh set (tests/quality/fresh6): one pair of writers' deals and news on chips, data centres and power,
   * measured as it came, 0.903 / 0.972 / 0.938 / 1 / 0.929; then read for classes of failure.
   */
  fresh6: {
    title: "answer quality on the sixth fresh set",
    counts: { ask: 112, summary: 20, deal: 12 },
    articles: 48,
    floor: { hitAt1: 0.944, hitAt3: 0.993, mrr: 0.968, dealRecall: 1, keyPointHit: 0.973 },
    typoFloor: { hitAt1: 0.938, hitAt3: 0.979, mrr: 0.961, dealRecall: 1, keyPointHit: 0.973 },
  },
  /**
   * The fifth sealed set (tests/quality/sealed5), never read: the other pair's deals and news on AI labs, software and
   * media, written beside fresh6; measured as it came 0.833 / 0.965 / 0.904 / 1 / 0.884, and after fresh6's round.
   */
  sealed5: {
    title: "answer quality on the fifth sealed set",
    counts: { ask: 112, summary: 20, deal: 12 },
    articles: 48,
    floor: { hitAt1: 0.833, hitAt3: 0.965, mrr: 0.904, dealRecall: 1, keyPointHit: 0.902 },
    typoFloor: { hitAt1: 0.813, hitAt3: 0.944, mrr: 0.886, dealRecall: 1, keyPointHit: 0.884 },
  },
};

for (const [name, { title, counts, articles, floor, typoFloor }] of Object.entries(SET_CHECKS)) {
  const { dir, corpora } = HELD_OUT_SETS[name as keyof typeof HELD_OUT_SETS];
  const questions = counts.ask + counts.summary + counts.deal;
  describe(title, () => {
    it(`has its ${questions} questions over ${articles} articles`, () => {
      expect(countByKind(loadQuestions(dir))).toEqual(counts);
      expect(readdirSync(path.join(dir, "corpus")).filter((file) => !file.startsWith("."))).toHaveLength(articles);
    });

    it("does not drop below the figures reached", async () => {
      const report = await evaluate(corpora, loadQuestions(dir));
      expect(report.questions).toBe(questions);
      expectAtLeast(report, floor);
    });

    it("holds up when each question has a typo", async () => {
      expectAtLeast(await evaluate(corpora, withTypos(loadQuestions(dir))), typoFloor);
    });
  });
}
