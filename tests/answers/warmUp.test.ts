import { describe, expect, it } from "vitest";
import { ask } from "../../src/answers/ask.js";
import { UserFacingError } from "../../src/answers/answer.js";
import { deal } from "../../src/answers/deal.js";
import { summary } from "../../src/answers/summary.js";
import { warmUp } from "../../src/answers/warmUp.js";
import { answerToJson } from "../../src/render/json.js";
import { NewsIndex } from "../../src/search/newsIndex.js";
import { parsedArticle } from "../helpers/articles.js";
import { bundledIndex } from "../helpers/corpus.js";

describe("warming the answers up before the first user asks", () => {
  it("does nothing on an empty index", () => {
    expect(warmUp(new NewsIndex([]))).toBe(0);
  });

  it("never stops a start, whatever the articles' titles and companies make of its questions", () => {
    const odd = new NewsIndex([{ ...parsedArticle("odd"), title: "…", companies: [] }]);
    expect(() => summary(odd, "…")).toThrow(UserFacingError); // a topic without a letter or a digit
    expect(() => warmUp(odd)).not.toThrow();
  });

  it("leaves every answer as it was: the questions it asks change nothing users see", async () => {
    const questions = ["who is supplying the GPUs for OpenAI's Amazon deal?", "how much did nvidia pay in the deall", "zebra quidditch xylophone"];
    const cold = await bundledIndex();
    const before = questions.map((question) => answerToJson(ask(cold, question)));
    const dealBefore = answerToJson(deal(cold, "Microsoft"));
    expect(warmUp(cold)).toBeGreaterThan(0);
    expect(questions.map((question) => answerToJson(ask(cold, question)))).toEqual(before);
    expect(answerToJson(deal(cold, "Microsoft"))).toEqual(dealBefore);
  });
});
