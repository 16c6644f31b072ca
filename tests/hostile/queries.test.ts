import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answers/ask.js";
import { UserFacingError } from "../../src/answers/answer.js";
import { deal } from "../../src/answers/deal.js";
import { summary } from "../../src/answers/summary.js";
import { renderAnswer } from "../../src/render/answer.js";
import { bundledIndex } from "../helpers/corpus.js";
import { expectWithinDiscordLimits } from "../helpers/discordLimits.js";

const index = await bundledIndex();
const answerers = { ask: (q: string) => ask(index, q), deal: (q: string) => deal(index, q), summary: (q: string) => summary(index, q) };

/** An answer (possibly "nothing found") or a message for the user; never any other exception. */
function answerOrMessage(run: () => ReturnType<typeof ask> | ReturnType<typeof deal> | ReturnType<typeof summary>) {
  try {
    const rendered = renderAnswer(run());
    expectWithinDiscordLimits(rendered.message);
    return "answer";
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    expect(error.message).toMatch(/for example/);
    return "message";
  }
}

describe("queries at their worst", () => {
  it.each([
    ["empty", ""],
    ["white space", "   \t\n  "],
    ["6,000 characters", "OpenAI compute deal ".repeat(300)],
    ["only punctuation", "?!?!...,;:()[]{}"],
    ["only stop words", "who is the what of it"],
    ["regex metacharacters", ".*+?^${}()|[]\\ (a+)+$ OpenAI"],
    ["emoji", "🚀💰 OpenAI 🤖"],
    ["other scripts", "英伟达 投资 英特尔 Nvidia Intel"],
    ["right-to-left", "\u202Eتقنية Nvidia"],
    ["a mention", "@everyone <@123456789012345678> deals"],
  ])("%s gets an answer or a clear message", (_name, query) => {
    for (const run of Object.values(answerers)) answerOrMessage(() => run(query));
  });

  it("any string, in any script or none, gets an answer or a clear message", () => {
    const outcomes = { answer: 0, message: 0 };
    const anyString = fc.oneof(fc.string({ unit: "grapheme", maxLength: 400 }), fc.string({ unit: "binary", maxLength: 400 }));
    fc.assert(fc.property(anyString, fc.constantFrom(...Object.values(answerers)), (query, run) => {
      outcomes[answerOrMessage(() => run(query))]++;
    }), { numRuns: 300 });
    console.info(`random queries: ${outcomes.answer} answers, ${outcomes.message} messages saying what to type`);
  }, 60_000);

  it("a question with random text around it still gets the answer it asks for", () => {
    const noise = fc.string({ unit: "grapheme", maxLength: 20 }).map((text) => text.replace(/\s/gu, ""));
    fc.assert(fc.property(noise, noise, (before, after) => {
      const answer = ask(index, `${before} Alphabet Wiz acquisition ${after}`);
      expect(answer.results.some((result) => /Wiz/.test(result.article.title))).toBe(true);
    }), { numRuns: 100 });
  }, 60_000);
});
