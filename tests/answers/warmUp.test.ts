import { describe, expect, it } from "vitest";
import { ask } from "../../src/answers/ask.js";
import { deal } from "../../src/answers/deal.js";
import { warmUp } from "../../src/answers/warmUp.js";
import { answerToJson } from "../../src/render/json.js";
import { NewsIndex } from "../../src/search/newsIndex.js";
import { bundledIndex } from "../helpers/corpus.js";

describe("warming the answers up before the first user asks", () => {
  it("does nothing on an empty index", () => {
    expect(warmUp(new NewsIndex([]))).toBe(0);
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
